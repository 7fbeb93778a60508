import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { openServices } from '../../../electron/services/index';
import { DEFAULT_RENDERER_DIR, startWebServer } from '../../../electron/web/server';
import { largeChengguanDraftFile } from './largeDraft';

export interface BenchBrowser {
  browser: Browser;
  page: Page;
  /** The host's root, logged in (the token already traded for the cookie). */
  origin: string;
  draftId: string;
  close(): Promise<void>;
}

/** Why the browser benches cannot run here, or null when they can. */
export function browserBenchBlocker(): string | null {
  if (!existsSync(path.join(rendererDir(), 'index.html'))) return `未找到构建好的界面（${rendererDir()}）：请先运行 npm run build`;
  const chromiumPath = chromiumExecutable();
  if (!existsSync(chromiumPath)) return `未找到 Chromium（${chromiumPath}）：请安装或设置 SHENBAO_CHROMIUM`;
  return null;
}

/** out/renderer, or another build named by SHENBAO_RENDERER_DIR (to compare two builds). */
function rendererDir(): string {
  return process.env.SHENBAO_RENDERER_DIR ?? DEFAULT_RENDERER_DIR;
}

function chromiumExecutable(): string {
  return process.env.SHENBAO_CHROMIUM ?? '/usr/bin/chromium';
}

/**
 * The real browser-mode host (built renderer + services over HTTP) on a fresh data dir holding
 * the large 城关 draft, and the system Chromium at 1280×800 driving it.
 */
export async function startBenchBrowser(): Promise<BenchBrowser> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'shenbao-bench-'));
  const services = openServices({ dataDir, mode: 'web' });
  const stored = await services.handlers.draftsImport({ content: largeChengguanDraftFile() });
  const server = await startWebServer({ dataDir, services, rendererDir: rendererDir() });
  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  await page.goto(server.url);
  const origin = new URL(page.url()).origin;
  return {
    browser,
    page,
    origin,
    draftId: stored.draft.id,
    close: async () => {
      await browser.close();
      await server.close();
      services.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
