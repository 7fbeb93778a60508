import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Draft } from '../../../../shared/model/draft';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/packs');
const PACKS = join(import.meta.dirname, '../../../../resources/guidelines');

/** A valid fixture draft of `test/fixtures/packs/<pack>/`, optionally with some values changed. */
export function fixtureDraft(pack: string, file: string, values: Draft['values'] = {}): Draft {
  const draft = JSON.parse(readFileSync(join(FIXTURES, pack, file), 'utf8')) as Draft;
  return { ...draft, values: { ...draft.values, ...values } };
}

/** The draft as the file the 导入草稿文件 button takes. */
export function draftFile(draft: Draft): { name: string; content: string } {
  return { name: `${draft.values['project.name'] as string}.json`, content: JSON.stringify(draft, null, 2) };
}

/** A clause of a built-in pack, to compare the verbatim quote the app shows. */
export function packClause(pack: string, clauseId: string): { path: string; quote: string } {
  const json = JSON.parse(readFileSync(join(PACKS, pack, 'pack.json'), 'utf8')) as { clauses: { id: string; path: string; quote: string }[] };
  const clause = json.clauses.find((c) => c.id === clauseId);
  if (!clause) throw new Error(`指南包 ${pack} 中没有条款 ${clauseId}`);
  return clause;
}
