import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';

const CHILD_ENTRY = fileURLToPath(new URL('./saveLoopEntry.ts', import.meta.url));

export interface SaveLoopChildCommand {
  /** Arguments for process.execPath that start one save-loop child. */
  args: string[];
  cleanup: () => void;
}

/**
 * Bundles the save-loop child once per run and builds a V8 startup snapshot of it: a child then
 * starts with its modules already evaluated, at about the cost of a bare `node`, which is what
 * makes hundreds of kills affordable (tsx would cost ~1 s each). Falls back to the plain bundle
 * where the snapshot cannot be built.
 */
export async function prepareSaveLoopChild(): Promise<SaveLoopChildCommand> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shenbao-kill-child-'));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  const bundle = path.join(dir, 'saveLoopChild.cjs');
  const blob = path.join(dir, 'saveLoopChild.blob');
  await build({
    entryPoints: [CHILD_ENTRY],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'error',
    plugins: [lazyNativeSqlite()],
  });
  try {
    await promisify(execFile)(process.execPath, ['--snapshot-blob', blob, '--build-snapshot', bundle], { cwd: dir });
    return { args: ['--snapshot-blob', blob], cleanup };
  } catch (e) {
    console.log(`[durability] no V8 startup snapshot (${(e as Error).message.split('\n')[0]}); children start from the plain bundle`);
    return { args: [bundle], cleanup };
  }
}

/**
 * better-sqlite3 is a native addon: it cannot be bundled, and a snapshot may hold built-in modules
 * only. The child gets a stand-in that requires the real package, by absolute path, on first use.
 */
function lazyNativeSqlite() {
  const entry = createRequire(import.meta.url).resolve('better-sqlite3');
  return {
    name: 'lazy-better-sqlite3',
    setup(b: import('esbuild').PluginBuild) {
      b.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: 'better-sqlite3', namespace: 'lazy-native' }));
      b.onLoad({ filter: /.*/, namespace: 'lazy-native' }, () => ({
        loader: 'js',
        contents: `
          const { createRequire } = require('node:module');
          let Real;
          module.exports = function Database(...args) {
            Real ??= createRequire(${JSON.stringify(entry)})(${JSON.stringify(entry)});
            return new Real(...args);
          };`,
      }));
    },
  };
}
