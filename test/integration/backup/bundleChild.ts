import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/**
 * Bundles a child-process entry into one temp .mjs so each spawn is a plain `node` start (a
 * fraction of tsx's), which is what makes dozens of kills affordable in `npm test`.
 * better-sqlite3 stays external (native addon), imported by absolute URL.
 * (Same approach as test/integration/durability/childBundle.ts, which is fixed to its own entry.)
 */
export async function bundleChild(entry: string): Promise<{ file: string; cleanup: () => void }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shenbao-child-'));
  const file = path.join(dir, `${path.basename(entry, '.ts')}.mjs`);
  const sqliteEntry = pathToFileURL(createRequire(import.meta.url).resolve('better-sqlite3')).href;
  await build({
    entryPoints: [entry],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    plugins: [
      {
        name: 'better-sqlite3-by-url',
        setup(b) {
          b.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: sqliteEntry, external: true }));
        },
      },
    ],
  });
  return { file, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
