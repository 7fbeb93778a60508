/**
 * Prints a complete HTML document (from renderBookHtml, figures already inlined as data: URLs)
 * to PDF bytes. Electron uses webContents.printToPDF; browser mode and the CLI a system Chromium.
 */
export interface PdfPrinter {
  print(html: string, opts?: { signal?: AbortSignal }): Promise<Buffer>;
  /** Releases the browser or window behind the printer; printing after close starts a new one. */
  close?(): Promise<void>;
}

/** The options both printers pass: the page size and margins come from the CSS @page rule. */
export const PDF_OPTIONS = { preferCSSPageSize: true, printBackground: true } as const;
