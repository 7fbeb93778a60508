import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { constants as zlibConstants, inflateSync } from 'node:zlib';

/**
 * The text layer of a PDF notice, page by page, read with pdf.js (legacy build for Node) and its
 * bundled CMaps, so Chinese text in predefined encodings (UniGB-UCS2-H, GBK-EUC-H…) decodes too.
 * A PDF without a text layer (a scan) is reported as such: the app does not do OCR.
 */

export class PdfNotReadable extends Error {
  constructor(readonly reason: 'scanned' | 'encrypted' | 'corrupt' | 'tooManyPages' | 'tooLarge' | 'timeout') {
    super(reason);
  }
}

/**
 * A notice is tens of pages. pdf.js runs in the services process, which serves every other screen:
 * a hostile PDF must not hold it (time) nor make pdf.js inflate gigabytes (memory).
 */
export const PDF_LIMITS = {
  maxPages: 500,
  timeoutMs: 60_000,
  /** One decoded stream (a content stream, an embedded Chinese font): real ones are a few MB. */
  maxStreamBytes: 64 * 1024 * 1024,
  maxTotalStreamBytes: 512 * 1024 * 1024,
} as const;

const ZLIB_HEADER = 0x78;

/**
 * Inflates every Flate stream pdf.js could decode for the text (not images: getTextContent never
 * decodes them) with an output cap, so a zip bomb is refused before pdf.js allocates for it.
 */
function checkStreamSizes(bytes: Uint8Array): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = buf.toString('latin1');
  let total = 0;
  for (const m of text.matchAll(/(?<!end)stream\r?\n/g)) {
    const dataStart = m.index + m[0].length;
    const dictStart = Math.max(text.lastIndexOf(' obj', m.index), m.index - 4096, 0);
    const dict = text.slice(dictStart, m.index);
    if (!/\/(FlateDecode|Fl)\b/.test(dict) || /\/Subtype\s*\/Image|\/(DCTDecode|JPXDecode|CCITTFaxDecode|JBIG2Decode)\b/.test(dict)) continue;
    const end = text.indexOf('endstream', dataStart);
    let data: Buffer = buf.subarray(dataStart, end < 0 ? buf.length : end);
    // Filters can be chained ([/FlateDecode /FlateDecode]): each level gets the same cap.
    for (let level = 0; level < 4 && data.length > 1 && data[0] === ZLIB_HEADER; level++) {
      try {
        data = inflateSync(data, { maxOutputLength: PDF_LIMITS.maxStreamBytes, finishFlush: zlibConstants.Z_SYNC_FLUSH });
      } catch (e) {
        if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new PdfNotReadable('tooLarge');
        break;
      }
      total += data.length;
      if (total > PDF_LIMITS.maxTotalStreamBytes) throw new PdfNotReadable('tooLarge');
    }
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

export async function pdfToText(bytes: Uint8Array, options: { timeoutMs?: number } = {}): Promise<string> {
  checkStreamSizes(bytes);
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
  // pdf.js yields between its steps, so a deadline can stop it; destroying the task ends its work.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PdfNotReadable('timeout')), options.timeoutMs ?? PDF_LIMITS.timeoutMs);
  });
  expired.catch(() => undefined);
  const within = <T>(p: Promise<T>): Promise<T> => Promise.race([p, expired]);
  try {
    let doc;
    try {
      doc = await within(task.promise);
    } catch (e) {
      if (e instanceof PdfNotReadable) throw e;
      throw new PdfNotReadable((e as { name?: string }).name === 'PasswordException' ? 'encrypted' : 'corrupt');
    }
    if (doc.numPages > PDF_LIMITS.maxPages) throw new PdfNotReadable('tooManyPages');
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await within(doc.getPage(n));
      const content = await within(page.getTextContent());
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
    clearTimeout(timer);
    await task.destroy().catch(() => undefined);
  }
}
