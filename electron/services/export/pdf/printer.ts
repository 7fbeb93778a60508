/**
 * Prints a complete HTML document (from renderBookHtml, figures already inlined as data: URLs)
 * to PDF bytes. Electron uses webContents.printToPDF; browser mode and the CLI a system Chromium.
 */
export interface PdfPrinter {
  print(html: string, opts?: { signal?: AbortSignal }): Promise<Buffer>;
  /** Releases the browser or window behind the printer; printing after close starts a new one. */
  close?(): Promise<void>;
  /**
   * Starts, in the background, what the first print needs (a browser and its CJK fonts), so the
   * first PDF of a session costs about what a later one does. Resolves when done; never rejects
   * (a missing browser is reported by the print itself). Absent where nothing needs starting.
   */
  warm?(): Promise<void>;
}

/**
 * page.pdf options (playwright): the page size and margins come from the CSS @page rule; the
 * headings become the PDF's bookmarks (outline, built from the tagged structure).
 */
export const PDF_OPTIONS = { preferCSSPageSize: true, printBackground: true, tagged: true, outline: true } as const;

/** The same for Electron's webContents.printToPDF, which names the two options differently. */
export const ELECTRON_PDF_OPTIONS = { preferCSSPageSize: true, printBackground: true, generateTaggedPDF: true, generateDocumentOutline: true } as const;
