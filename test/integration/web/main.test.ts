import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { raw } from './harness';

/**
 * `npm run web`'s entry point as a user runs it, the build in out/web (made by vitest's global
 * setup): one line with the link, clean exit on SIGTERM/SIGINT.
 */

const ROOT = resolve(import.meta.dirname, '../../..');
const ENTRY = join(ROOT, 'out/web/main.mjs');
let base: string;

beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'shenbao-webmain-'));
  mkdirSync(join(base, 'renderer'));
  writeFileSync(join(base, 'renderer', 'index.html'), '<!doctype html><title>申报通</title>');
});
afterEach(() => {
  rmSync(base, { recursive: true, force: true });
});

function startHost(signal: NodeJS.Signals): Promise<{ stdout: string; stderr: string; code: number | null; status: number }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [ENTRY, '--port', '0', '--data-dir', join(base, 'data'), '--renderer-dir', join(base, 'renderer')], {
      cwd: ROOT,
      env: { ...process.env, SHENBAO_DATA_DIR: '' },
    });
    let stdout = '';
    let stderr = '';
    let status = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const m = /已启动：http:\/\/127\.0\.0\.1:(\d+)\/\?token=([0-9a-f]{64})\n数据目录：.*\n/.exec(stdout);
      if (m && status === 0) {
        status = -1;
        void raw(Number(m[1]), { path: `/?token=${m[2]}` }).then((res) => {
          status = res.status;
          child.kill(signal);
        }, reject);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('exit', (code) => resolvePromise({ stdout, stderr, code, status }));
    setTimeout(() => child.kill('SIGKILL'), 60_000).unref();
  });
}

describe('npm run web entry point', { timeout: 90_000 }, () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`prints the link and the data dir, serves, and exits 0 on ${signal}`, async () => {
      const run = await startHost(signal);
      const lines = run.stdout.split('\n').filter((l) => l !== '');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^申报通浏览器模式已启动：http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{64}$/);
      expect(lines[1]).toBe(`数据目录：${join(base, 'data')}`);
      expect(run.status).toBe(302);
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
    });
  }

  it('explains in Chinese that the renderer must be built first', () => {
    const run = spawnSync(process.execPath, [ENTRY, '--data-dir', join(base, 'data'), '--renderer-dir', join(base, 'missing')], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^错误：未找到构建好的界面.*请先运行 npm run build/);
  });

  it('refuses a bad port', () => {
    const run = spawnSync(process.execPath, [ENTRY, '--port', 'abc', '--renderer-dir', join(base, 'renderer')], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^错误：端口号不正确/);
  });
});
