import type { Browser } from 'playwright-core';
import { AppError } from '../../../../shared/ipc/errors';
import { FONT_STACKS } from '../../../../shared/book/html/fonts';
import { findChromium } from './findChromium';
import { PDF_OPTIONS, type PdfPrinter } from './printer';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface ChromiumPrinterOptions {
  /** Overrides SHENBAO_CHROMIUM and auto-detection. */
  executablePath?: string;
  /** A browser the caller owns (the bench compares against bare page.pdf in the same browser); close() leaves it open. */
  browser?: Browser;
}

/**
 * PDF through a system Chromium driven by playwright-core (browser mode and CLI). The browser is
 * started on the first print and reused; each print gets its own context with JavaScript and the
 * network off, since the HTML is complete (figures are data: URLs) and must not fetch anything.
 */
export function createChromiumPrinter(options: ChromiumPrinterOptions = {}): PdfPrinter & { close(): Promise<void>; warm(): Promise<void> } {
  let launching: Promise<Browser> | null = options.browser ? Promise.resolve(options.browser) : null;
  /** The warm-up of the current browser, if one was asked for. */
  let warming: { browser: Promise<Browser>; done: Promise<void> } | null = null;

  const browser = (): Promise<Browser> => {
    if (!launching) {
      const executablePath = options.executablePath ?? findChromium();
      // Loaded on the first print: playwright-core costs most of a process's start (CLI, every service host).
      launching = import('playwright-core')
        .then(({ chromium }) => chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true }))
        .catch((e: unknown) => {
          launching = null;
          throw new AppError('unavailable', `无法启动 Chromium 生成 PDF：${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
        });
    }
    return launching;
  };

  const printer = {
    async print(html: string, opts: { signal?: AbortSignal } = {}): Promise<Buffer> {
      opts.signal?.throwIfAborted();
      let b = await browser();
      // A browser that crashed or was killed is replaced rather than failing every later print.
      if (!b.isConnected()) {
        launching = null;
        b = await browser();
      }
      const context = await b.newContext({ javaScriptEnabled: false, offline: true });
      const abort = (): void => void context.close().catch(() => undefined);
      opts.signal?.addEventListener('abort', abort, { once: true });
      try {
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load' });
        opts.signal?.throwIfAborted();
        const pdf = await page.pdf(PDF_OPTIONS);
        opts.signal?.throwIfAborted();
        return pdf;
      } catch (e) {
        opts.signal?.throwIfAborted();
        throw e;
      } finally {
        opts.signal?.removeEventListener('abort', abort);
        await context.close().catch(() => undefined);
      }
    },
    async close(): Promise<void> {
      const pending = launching;
      launching = null;
      warming = null;
      if (options.browser) return;
      if (pending) await (await pending.catch(() => null))?.close();
    },
    /**
     * Launches the browser and prints one small page in each of the book's font stacks: Chromium's
     * start and its first font lookups and loads are most of what makes a session's first PDF slow.
     */
    warm(): Promise<void> {
      const current = launching;
      if (warming && current && warming.browser === current) return warming.done;
      const started = browser();
      const done = printer
        .print(WARM_UP_HTML)
        .then(() => undefined)
        .catch(() => undefined);
      warming = { browser: started, done };
      return done;
    },
  };
  return printer;
}

/** One line per role of the book's fonts, in the same faces and sizes the book uses. */
const WARM_UP_HTML = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><body>${Object.values(FONT_STACKS)
  .map((stack) => `<p style='font-family:${stack.replace(/'/g, '')};font-size:16pt'>申报通 科技计划项目申报书 一、（一）1. 合计 ¥ 0123456789</p>`)
  .join('')}</body></html>`;
