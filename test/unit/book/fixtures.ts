import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadPackDir, type LoadedPack } from '../../../electron/services/packs/loadPack';
import { DraftSchema, type Draft } from '../../../shared/model/draft';
import { validateDraft } from '../../../shared/rules/engine';
import type { RuleResult } from '../../../shared/rules/types';

const ROOT = path.resolve(__dirname, '../../..');
export const TODAY = '2020-03-01';

export function loadPack(id: string): LoadedPack {
  return loadPackDir(path.join(ROOT, 'resources/guidelines', id));
}

export function loadDraft(packId: string, file: string): Draft {
  return DraftSchema.parse(JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/packs', packId, file), 'utf8')));
}

/** Every pack with fixtures and its valid example drafts. */
export function validFixtures(): { packId: string; file: string }[] {
  const dir = path.join(ROOT, 'test/fixtures/packs');
  return readdirSync(dir).flatMap((packId) => {
    const list = JSON.parse(readFileSync(path.join(dir, packId, 'fixtures.json'), 'utf8')) as { valid: string[] };
    return list.valid.map((file) => ({ packId, file }));
  });
}

export function resultsOf(loaded: LoadedPack, draft: Draft): RuleResult[] {
  return validateDraft(loaded.pack, draft, { today: TODAY }) ?? [];
}
