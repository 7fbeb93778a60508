import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveDataDir } from '../services/dataDir';
import { DEFAULT_RENDERER_DIR, startWebServer } from './server';

/** `npm run web`: serves the built renderer on 127.0.0.1 and prints the one link that opens it. */

function fail(message: string): never {
  process.stderr.write(`错误：${message}\n`);
  process.exit(2);
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) fail(`端口号不正确：${value}（应为 0–65535 的整数，0 表示随机端口）`);
  return port;
}

async function main(): Promise<void> {
  let values: { port?: string; 'data-dir'?: string; 'renderer-dir'?: string };
  try {
    ({ values } = parseArgs({
      // --renderer-dir serves another build (tests, previews); the default is out/renderer.
      options: { port: { type: 'string' }, 'data-dir': { type: 'string' }, 'renderer-dir': { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch {
    fail('参数不正确。用法：npm run web -- [--port <端口>] [--data-dir <数据目录>] [--renderer-dir <界面目录>]');
  }
  const port = parsePort(values.port);
  const dataDir = resolveDataDir({ argv: values['data-dir'] ? ['--data-dir', values['data-dir']] : [] });
  const rendererDir = values['renderer-dir'] ? resolve(values['renderer-dir']) : DEFAULT_RENDERER_DIR;
  if (!existsSync(join(rendererDir, 'index.html'))) {
    fail(`未找到构建好的界面（${rendererDir}），请先运行 npm run build`);
  }

  let server;
  try {
    server = await startWebServer({ dataDir, port, rendererDir });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') fail(`端口 ${port} 已被占用，请换一个端口或使用 --port 0`);
    fail(e instanceof Error && /[\u4e00-\u9fff]/.test(e.message) ? e.message : '浏览器模式启动失败');
  }
  process.stdout.write(`申报通浏览器模式已启动：${server.url}\n`);
  process.stdout.write(`数据目录：${dataDir}\n`);

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
