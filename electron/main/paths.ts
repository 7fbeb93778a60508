import { join } from 'node:path';

/**
 * Where the built pieces live relative to the bundled main process (out/main/index.js):
 * out/preload/index.cjs and out/renderer/. Its own module so a test can point it elsewhere.
 */
export function builtPaths(): { preload: string; renderer: string } {
  const outDir = join(import.meta.dirname, '..');
  return { preload: join(outDir, 'preload', 'index.cjs'), renderer: join(outDir, 'renderer') };
}
