import type { Browser } from 'playwright-core';
import { AppError } from '../../../../shared/ipc/errors';
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
export function createChromiumPrinter(options: ChromiumPrinterOptions = {}): PdfPrinter & { close(): Promise<void> } {
  let launching: Promise<Browser> | null = options.browser ? Promise.resolve(options.browser) : null;

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

  return {
    async print(html, opts = {}) {
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
    async close() {
      const pending = launching;
      launching = null;
      if (options.browser) return;
      if (pending) await (await pending.catch(() => null))?.close();
    },
  };
}
