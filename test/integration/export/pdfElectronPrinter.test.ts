import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

/**
 * The Electron printer against a recording fake of BrowserWindow (the Electron binary is not
 * available here): the window it prints in is hidden, sandboxed, without JavaScript or preload,
 * is destroyed afterwards, and the temp file holding the HTML is gone.
 */
const windows: FakeWindow[] = [];

class FakeWindow {
  destroyed = false;
  loadedFile: string | null = null;
  loadedHtml: string | null = null;
  printOptions: unknown = null;
  constructor(readonly options: { show?: boolean; webPreferences?: Record<string, unknown> }) {
    windows.push(this);
  }
  webContents = {
    printToPDF: async (options: unknown): Promise<Buffer> => {
      this.printOptions = options;
      return Buffer.from('%PDF-fake');
    },
  };
  async loadFile(file: string): Promise<void> {
    this.loadedFile = file;
    this.loadedHtml = readFileSync(file, 'utf8');
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

vi.mock('electron', () => ({ BrowserWindow: FakeWindow }));

describe('Electron PDF printer', () => {
  it('prints in a hidden sandboxed window without scripts, then destroys it and the temp file', async () => {
    const { createElectronPdfPrinter } = await import('../../../electron/main/pdfPrinter');
    const html = '<!DOCTYPE html><html><body>申报书</body></html>';
    const pdf = await createElectronPdfPrinter().print(html);
    expect(pdf.toString()).toBe('%PDF-fake');
    const win = windows.at(-1)!;
    expect(win.options.show).toBe(false);
    expect(win.options.webPreferences).toMatchObject({ sandbox: true, javascript: false, contextIsolation: true, nodeIntegration: false });
    expect(win.options.webPreferences).not.toHaveProperty('preload');
    // Tagged with its outline, so the headings are the PDF's bookmarks.
    expect(win.printOptions).toEqual({ preferCSSPageSize: true, printBackground: true, generateTaggedPDF: true, generateDocumentOutline: true });
    expect(win.loadedHtml).toBe(html);
    expect(win.destroyed).toBe(true);
    expect(existsSync(path.dirname(win.loadedFile!))).toBe(false);
  });

  it('refuses to start when already cancelled and opens no window', async () => {
    const { createElectronPdfPrinter } = await import('../../../electron/main/pdfPrinter');
    const before = windows.length;
    const controller = new AbortController();
    controller.abort();
    await expect(createElectronPdfPrinter().print('<p>x</p>', { signal: controller.signal })).rejects.toThrow();
    expect(windows.length).toBe(before);
  });
});
