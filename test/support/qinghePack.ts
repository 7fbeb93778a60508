import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Pack } from '../../shared/pack/pack';
import { proposeRules } from '../../shared/studio/propose';
import { studioPack } from '../../shared/studio/studioEdits';

/** A notice that is not one of the seeds (清河区 2026), as a pack author would bring it to the studio. */
export const QINGHE_TEXT = readFileSync(path.resolve(import.meta.dirname, '../fixtures/studio/2026-qinghe-district-notice.txt'), 'utf8');

/** The studio's pack of that notice with every proposal accepted, as a version; `change` edits it before it is written. */
export function qinghePackJson(version: string, change: (pack: Pack) => void = () => {}): string {
  const set = proposeRules(QINGHE_TEXT);
  const proposals = Object.fromEntries(set.proposals.map((p) => [p.id, { status: 'accepted' as const }]));
  const { pack } = studioPack(set, { meta: { id: 'qinghe-2026', title: '清河区', version, year: 2026 }, proposals, unrecognized: {}, fields: {} });
  change(pack);
  return JSON.stringify(pack);
}
