import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BrowserWindow } from 'electron';
import { ELECTRON_PDF_OPTIONS, type PdfPrinter } from '../services/export/pdf/printer';

/**
 * Electron's own printer: a hidden, sandboxed window with JavaScript off and no preload loads
 * the book from a private temp file (a data: URL would hit Chromium's URL length limit once
 * figures are inlined) and prints it with webContents.printToPDF; the window is then destroyed.
 */
export function createElectronPdfPrinter(): PdfPrinter {
  return {
    async print(html, opts = {}) {
      opts.signal?.throwIfAborted();
      const dir = await mkdtemp(path.join(tmpdir(), 'shenbao-print-'));
      const file = path.join(dir, 'book.html');
      const win = new BrowserWindow({
        show: false,
        webPreferences: { sandbox: true, javascript: false, contextIsolation: true, nodeIntegration: false, webSecurity: true, webviewTag: false, offscreen: false },
      });
      const abort = (): void => {
        if (!win.isDestroyed()) win.destroy();
      };
      opts.signal?.addEventListener('abort', abort, { once: true });
      try {
        await writeFile(file, html, { encoding: 'utf8', mode: 0o600 });
        await win.loadFile(file);
        opts.signal?.throwIfAborted();
        const pdf = await win.webContents.printToPDF(ELECTRON_PDF_OPTIONS);
        opts.signal?.throwIfAborted();
        return pdf;
      } finally {
        opts.signal?.removeEventListener('abort', abort);
        if (!win.isDestroyed()) win.destroy();
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
