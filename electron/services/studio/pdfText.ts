import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The text layer of a PDF notice, page by page, read with pdf.js (legacy build for Node) and its
 * bundled CMaps, so Chinese text in predefined encodings (UniGB-UCS2-H, GBK-EUC-H…) decodes too.
 * A PDF without a text layer (a scan) is reported as such: the app does not do OCR.
 */

export class PdfNotReadable extends Error {
  constructor(readonly reason: 'scanned' | 'encrypted' | 'corrupt') {
    super(reason);
  }
}

interface TextItem {
  str: string;
  hasEOL?: boolean;
  transform?: number[];
}

function pdfjsDir(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('pdfjs-dist/package.json'));
}

export async function pdfToText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const dir = pdfjsDir();
  // Node has no real worker: pdf.js runs its worker code in-process from this file.
  pdfjs.GlobalWorkerOptions.workerSrc = pathToFileURL(path.join(dir, 'legacy/build/pdf.worker.mjs')).href;
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: `${path.join(dir, 'cmaps')}${path.sep}`,
    cMapPacked: true,
    standardFontDataUrl: `${path.join(dir, 'standard_fonts')}${path.sep}`,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    throw new PdfNotReadable((e as { name?: string }).name === 'PasswordException' ? 'encrypted' : 'corrupt');
  }
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      let lastY: number | null = null;
      for (const item of content.items as TextItem[]) {
        if (typeof item.str !== 'string') continue;
        const y = item.transform?.[5] ?? null;
        // A new baseline is a new line even when the producer wrote no end-of-line mark.
        if (lastY !== null && y !== null && Math.abs(y - lastY) > 2 && !text.endsWith('\n')) text += '\n';
        text += item.str;
        if (item.hasEOL) text += '\n';
        if (y !== null) lastY = y;
      }
      pages.push(text.replace(/[ \t]+\n/g, '\n').trimEnd());
      page.cleanup();
    }
    const text = pages.join('\n');
    if (text.replace(/\s/g, '') === '') throw new PdfNotReadable('scanned');
    return text;
  } finally {
    await doc.destroy();
  }
}
