import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface TestWebHost {
  url: string;
  close(): Promise<void>;
}

const LAUNCHER = join(import.meta.dirname, 'serveForTest.ts');

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve(line));
    child.once('exit', (code) => reject(new Error(`浏览器模式服务未能启动（退出码 ${code}）：${stderr}`)));
  });
}

/**
 * Starts `startWebServer({ dataDir, port: 0 })` against `out/renderer` with a fresh temporary data dir,
 * or on `options.dataDir` (a test that restarts the host on the same data; the caller removes it).
 */
export async function startTestWebHost(options: { dataDir?: string } = {}): Promise<TestWebHost> {
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'shenbao-e2e-')));
  const child = spawn(process.execPath, ['--import', 'tsx', LAUNCHER, dataDir], { stdio: ['pipe', 'pipe', 'pipe'] });
  let url: string;
  try {
    url = (JSON.parse(await firstLine(child)) as { url: string }).url;
  } catch (e) {
    child.kill();
    if (ownDir) await rm(dataDir, { recursive: true, force: true });
    throw e;
  }
  return {
    url,
    close: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.stdin?.end();
        await exited;
      }
      if (ownDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
