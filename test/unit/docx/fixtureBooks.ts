import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPackRegistry } from '../../../electron/services/packs/registry';
import { validateWithRegistry } from '../../../electron/services/packs/validation';
import type { Book } from '../../../shared/book/ast';
import { buildBook } from '../../../shared/book/build/index';
import { DraftSchema } from '../../../shared/model/draft';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/packs');

export interface FixtureBook {
  /** `<pack>/<file>` for test names. */
  name: string;
  book: Book;
}

/** A book for every valid fixture draft, built the way the export builds it: registry pack, its hash, validation results. */
export function fixtureBooks(): FixtureBook[] {
  const registry = openPackRegistry({ builtinDir: path.join(ROOT, 'resources/guidelines') });
  const out: FixtureBook[] = [];
  for (const packDir of readdirSync(FIXTURES).sort()) {
    const { at } = JSON.parse(readFileSync(path.join(FIXTURES, packDir, 'fixtures.json'), 'utf8')) as { at: string };
    for (const file of readdirSync(path.join(FIXTURES, packDir)).filter((f) => /^valid-.*\.json$/.test(f)).sort()) {
      const draft = DraftSchema.parse(JSON.parse(readFileSync(path.join(FIXTURES, packDir, file), 'utf8')));
      const installed = registry.packForDraft(draft.guideline!)!.installed;
      const validation = validateWithRegistry(registry, draft, { today: at });
      const book = buildBook({ draft, pack: installed.pack, revision: 3, packHash: installed.contentHash, results: validation.results, generatedAt: `${at}T02:00:00.000Z` });
      out.push({ name: `${packDir}/${file}`, book });
    }
  }
  return out;
}
