import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/**
 * Bundles the export child once per run: a plain `node child.mjs` starts several times faster than
 * tsx, which is what keeps 20 kills cheap in `npm test`. Only our sources are bundled; packages stay
 * external (the same instances the app loads, yazl's CRC patch included), so the bundle is written
 * under the repository's node_modules/.cache where Node resolves them.
 */
export async function bundleExportChild(): Promise<{ file: string; cleanup: () => void }> {
  const dir = path.join(ROOT, 'node_modules', '.cache', 'shenbao-test', `export-crash-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'exportCrashChild.mjs');
  await build({
    entryPoints: [path.join(import.meta.dirname, 'exportCrashChild.ts')],
    outfile: file,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
  });
  return { file, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
