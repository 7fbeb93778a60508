import { execFile } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { build, type BuildOptions, type PluginBuild } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface ChildBundle {
  /** Arguments for `process.execPath` that start the child (the child's own arguments follow). */
  args: string[];
  cleanup: () => void;
}

/**
 * Bundles a child-process entry of a kill test once per run, so each spawn is a plain `node`
 * start instead of tsx's (~1 s), which is what makes hundreds of SIGKILLs affordable in `npm test`.
 *
 * - Default: ESM, our sources bundled, npm packages external. The bundle is written under the
 *   repository's node_modules/.cache so they resolve to the very instances the app loads (yazl's
 *   native CRC patch included).
 * - `snapshot: true`: everything bundled (CommonJS) and a V8 startup snapshot built from it, so the
 *   child starts with its modules (zod schemas above all) already evaluated, at about the cost of a
 *   bare `node`. The entry must register itself with `v8.startupSnapshot` (see
 *   test/integration/durability/saveLoopEntry.ts). better-sqlite3, a native addon, is loaded lazily
 *   by absolute path. Falls back to the plain bundle, saying so, where a snapshot cannot be built.
 */
export async function bundleChild(entry: string, options: { snapshot?: boolean } = {}): Promise<ChildBundle> {
  const name = path.basename(entry, '.ts');
  const dir = path.join(ROOT, 'node_modules', '.cache', 'shenbao-test', `${name}-${process.pid}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  const common: BuildOptions = { entryPoints: [entry], bundle: true, platform: 'node', target: 'node20', logLevel: 'error' };
  if (!options.snapshot) {
    const file = path.join(dir, `${name}.mjs`);
    await build({ ...common, outfile: file, format: 'esm', packages: 'external' });
    return { args: [file], cleanup };
  }
  const bundle = path.join(dir, `${name}.cjs`);
  const blob = path.join(dir, `${name}.blob`);
  await build({ ...common, outfile: bundle, format: 'cjs', plugins: [lazyNativeSqlite()] });
  try {
    await promisify(execFile)(process.execPath, ['--snapshot-blob', blob, '--build-snapshot', bundle], { cwd: dir });
    return { args: ['--snapshot-blob', blob], cleanup };
  } catch (e) {
    console.log(`[${name}] no V8 startup snapshot (${(e as Error).message.split('\n')[0]}); children start from the plain bundle`);
    return { args: [bundle], cleanup };
  }
}

/** A snapshot may hold built-in modules only: the child gets a stand-in that requires the real package on first use. */
function lazyNativeSqlite() {
  const resolved = createRequire(import.meta.url).resolve('better-sqlite3');
  return {
    name: 'lazy-better-sqlite3',
    setup(b: PluginBuild) {
      b.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: 'better-sqlite3', namespace: 'lazy-native' }));
      b.onLoad({ filter: /.*/, namespace: 'lazy-native' }, () => ({
        loader: 'js',
        contents: `
          const { createRequire } = require('node:module');
          let Real;
          module.exports = function Database(...args) {
            Real ??= createRequire(${JSON.stringify(resolved)})(${JSON.stringify(resolved)});
            return new Real(...args);
          };`,
      }));
    },
  };
}
