/**
 * Runs the real browser-mode host for one test, in its own Node process under tsx.
 * (Playwright's ESM loader cannot load the services in-process: they import package.json
 * without an import attribute, which plain Node ESM rejects.)
 * Prints one JSON line `{"url": …}` when listening; stops on SIGTERM or when stdin closes,
 * so a crashed test runner never leaves a server behind.
 */
import { openServices } from '../../../electron/services/index';
import { startWebServer } from '../../../electron/web/server';
import { FAIL_SAVES_FLAG_ENV, withFailingSaves } from './failingSaves';
import { CLOCK_OFFSET_FILE_ENV, offsetClock } from './hostClock';

const dataDir = process.argv[2];
if (!dataDir) {
  process.stderr.write('用法：serveForTest.ts <数据目录>\n');
  process.exit(2);
}

// A private build (e.g. `electron-vite build --outDir /tmp/x`) can be served instead of the shared `out/renderer`.
const rendererDir = process.env.SHENBAO_RENDERER_DIR;
// The diskFull spec's host: saves fail while its flag file exists (see failingSaves.ts).
const failSavesFlag = process.env[FAIL_SAVES_FLAG_ENV];
// The history spec's host: its clock can be moved forward (see hostClock.ts).
const clockFile = process.env[CLOCK_OFFSET_FILE_ENV];
const services = failSavesFlag
  ? withFailingSaves(openServices({ dataDir, mode: 'web' }), failSavesFlag)
  : clockFile
    ? openServices({ dataDir, mode: 'web', now: offsetClock(clockFile) })
    : undefined;
const server = await startWebServer({ dataDir, port: 0, ...(rendererDir ? { rendererDir } : {}), ...(services ? { services } : {}) });
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  void server.close().then(() => {
    services?.close();
    process.exit(0);
  });
};
process.on('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.resume();
