import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { promisify } from 'node:util';
import { constants as zlibConstants, inflate } from 'node:zlib';

/**
 * The text layer of a PDF notice, page by page, read with pdf.js (legacy build for Node) and its
 * bundled CMaps, so Chinese text in predefined encodings (UniGB-UCS2-H, GBK-EUC-H…) decodes too.
 * A PDF without a text layer (a scan) is reported as such: the app does not do OCR.
 */

export class PdfNotReadable extends Error {
  constructor(readonly reason: 'scanned' | 'encrypted' | 'corrupt' | 'tooManyPages' | 'tooLarge' | 'tooManyStreams' | 'timeout') {
    super(reason);
  }
}

/**
 * A notice is tens of pages. The services process serves every other screen: a hostile PDF must
 * not hold it (time) nor make pdf.js inflate gigabytes (memory).
 */
export const PDF_LIMITS = {
  maxPages: 500,
  timeoutMs: 60_000,
  /** pdf.js's own heap in its worker thread; past it the worker dies, not the services process. */
  workerHeapMb: 1024,
  /** One decoded stream (a content stream, an embedded Chinese font): real ones are a few MB. */
  maxStreamBytes: 64 * 1024 * 1024,
  maxTotalStreamBytes: 512 * 1024 * 1024,
  /** Compressed non-image streams: a long notice has a few thousand. */
  maxStreams: 10_000,
} as const;

const inflateAsync = promisify(inflate);

/** A zlib header (RFC 1950): deflate, window ≤ 32 KB, no preset dictionary, check bits right. Anything else fails at once. */
const zlibHeader = (d: Buffer): boolean => d.length > 2 && (d[0]! & 0x0f) === 8 && d[0]! >> 4 <= 7 && (d[1]! & 0x20) === 0 && (d[0]! * 256 + d[1]!) % 31 === 0;

/**
 * Inflates every Flate stream pdf.js could decode for the text (not images: getTextContent never
 * decodes them) with an output cap, so a zip bomb is refused before pdf.js allocates for it. zlib
 * works off the main thread (the async API), so the services process keeps answering meanwhile.
 */
async function checkStreamSizes(bytes: Uint8Array): Promise<void> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = buf.toString('latin1');
  let total = 0;
  let streams = 0;
  // Every search is bounded or moves forward only: a file of nothing but 「stream」 stays linear.
  let end = -2;
  const starts = [...text.matchAll(/(?<!end)stream\r?\n/g)];
  let lastObj = -1;
  let nextObj = text.indexOf(' obj');
  let previousEnd = 0;
  for (const [k, m] of starts.entries()) {
    const dataStart = m.index + m[0].length;
    while (nextObj >= 0 && nextObj < m.index) {
      lastObj = nextObj;
      nextObj = text.indexOf(' obj', nextObj + 1);
    }
    // The stream's dictionary: after its 「n 0 obj」, after the previous stream, within 4 KB.
    const dict = text.slice(Math.max(lastObj, previousEnd, m.index - 4096, 0), m.index);
    previousEnd = dataStart;
    if (!/\/(FlateDecode|Fl)\b/.test(dict) || /\/Subtype\s*\/Image|\/(DCTDecode|JPXDecode|CCITTFaxDecode|JBIG2Decode)\b/.test(dict)) continue;
    if (end !== -1 && end < dataStart) end = text.indexOf('endstream', dataStart);
    // Up to the next 「stream」 at most: the inputs never overlap, so the whole check reads the file about once.
    let data: Buffer = buf.subarray(dataStart, Math.min(end < 0 ? buf.length : end, starts[k + 1]?.index ?? buf.length));
    // Filters can be chained ([/FlateDecode /FlateDecode]): each level gets the same cap.
    for (let level = 0; level < 4 && zlibHeader(data); level++) {
      if (++streams > PDF_LIMITS.maxStreams) throw new PdfNotReadable('tooManyStreams');
      try {
        data = await inflateAsync(data, { maxOutputLength: PDF_LIMITS.maxStreamBytes, finishFlush: zlibConstants.Z_SYNC_FLUSH });
      } catch (e) {
        if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new PdfNotReadable('tooLarge');
        break;
      }
      total += data.length;
      if (total > PDF_LIMITS.maxTotalStreamBytes) throw new PdfNotReadable('tooLarge');
    }
  }
}

function pdfjsDir(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('pdfjs-dist/package.json'));
}

/** A text item as the worker sends it: its string, whether a line ends after it, its baseline. */
interface Item {
  s: string;
  e: boolean;
  y: number | null;
}

type WorkerReply = { pages: Item[][] } | { failed: 'encrypted' | 'corrupt' | 'tooManyPages' } | { unavailable: true };

/**
 * pdf.js runs in a worker thread so that a PDF it takes long over (a broken cross-reference makes it
 * search the whole file for every object, synchronously: a minute for a few MB) can be stopped by
 * terminating the thread. The source is evaluated rather than a file, so the Electron, CLI,
 * browser-mode and test builds, none of which bundle worker files, all run the same code.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const { bytes, urls, maxPages } = workerData;
  let pdfjs;
  try {
    pdfjs = await import(urls.pdfjs);
  } catch {
    parentPort.postMessage({ unavailable: true });
    return;
  }
  // Node has no real pdf.js worker: pdf.js runs its worker code in this thread from this file.
  pdfjs.GlobalWorkerOptions.workerSrc = urls.worker;
  let doc;
  try {
    doc = await pdfjs.getDocument({ data: bytes, cMapUrl: urls.cmaps, cMapPacked: true, standardFontDataUrl: urls.fonts, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  } catch (e) {
    parentPort.postMessage({ failed: e && e.name === 'PasswordException' ? 'encrypted' : 'corrupt' });
    return;
  }
  if (doc.numPages > maxPages) {
    parentPort.postMessage({ failed: 'tooManyPages' });
    return;
  }
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    pages.push(content.items.filter((i) => typeof i.str === 'string').map((i) => ({ s: i.str, e: !!i.hasEOL, y: i.transform ? i.transform[5] : null })));
    page.cleanup();
  }
  parentPort.postMessage({ pages });
})().catch(() => parentPort.postMessage({ failed: 'corrupt' }));
`;

function readInWorker(bytes: Uint8Array, timeoutMs: number): Promise<WorkerReply> {
  const dir = pdfjsDir();
  const data = new Uint8Array(bytes);
  const urls = {
    pdfjs: pathToFileURL(path.join(dir, 'legacy/build/pdf.mjs')).href,
    worker: pathToFileURL(path.join(dir, 'legacy/build/pdf.worker.mjs')).href,
    cmaps: `${path.join(dir, 'cmaps')}${path.sep}`,
    fonts: `${path.join(dir, 'standard_fonts')}${path.sep}`,
  };
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { bytes: data, urls, maxPages: PDF_LIMITS.maxPages }, transferList: [data.buffer], resourceLimits: { maxOldGenerationSizeMb: PDF_LIMITS.workerHeapMb } });
    } catch {
      resolve({ unavailable: true });
      return;
    }
    let settled = false;
    const settle = (finish: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      finish();
    };
    const timer = setTimeout(() => settle(() => reject(new PdfNotReadable('timeout'))), timeoutMs);
    worker.on('message', (reply: WorkerReply) => settle(() => resolve(reply)));
    worker.on('error', (e: Error & { code?: string }) => settle(() => reject(new PdfNotReadable(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'tooLarge' : 'corrupt'))));
    worker.on('exit', () => settle(() => reject(new PdfNotReadable('corrupt'))));
  });
}

/**
 * The same reading in this thread, for where a worker cannot load pdf.js (a packaged app whose
 * node_modules sit in an asar archive that worker threads may not read). pdf.js yields between most
 * steps, so the deadline still stops it there; a long synchronous step it cannot.
 */
async function readInProcess(bytes: Uint8Array, timeoutMs: number): Promise<WorkerReply> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const dir = pdfjsDir();
  pdfjs.GlobalWorkerOptions.workerSrc = pathToFileURL(path.join(dir, 'legacy/build/pdf.worker.mjs')).href;
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), cMapUrl: `${path.join(dir, 'cmaps')}${path.sep}`, cMapPacked: true, standardFontDataUrl: `${path.join(dir, 'standard_fonts')}${path.sep}`, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PdfNotReadable('timeout')), timeoutMs);
  });
  expired.catch(() => undefined);
  const within = <T>(p: Promise<T>): Promise<T> => Promise.race([p, expired]);
  try {
    let doc;
    try {
      doc = await within(task.promise);
    } catch (e) {
      if (e instanceof PdfNotReadable) throw e;
      return { failed: (e as { name?: string }).name === 'PasswordException' ? 'encrypted' : 'corrupt' };
    }
    if (doc.numPages > PDF_LIMITS.maxPages) return { failed: 'tooManyPages' };
    const pages: Item[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await within(doc.getPage(n));
      const content = await within(page.getTextContent());
      const items = content.items as { str?: unknown; hasEOL?: boolean; transform?: number[] }[];
      pages.push(items.filter((i): i is { str: string; hasEOL?: boolean; transform?: number[] } => typeof i.str === 'string').map((i) => ({ s: i.str, e: !!i.hasEOL, y: i.transform?.[5] ?? null })));
      page.cleanup();
    }
    return { pages };
  } finally {
    clearTimeout(timer);
    await task.destroy().catch(() => undefined);
  }
}

export async function pdfToText(bytes: Uint8Array, options: { timeoutMs?: number } = {}): Promise<string> {
  await checkStreamSizes(bytes);
  const timeoutMs = options.timeoutMs ?? PDF_LIMITS.timeoutMs;
  let reply = await readInWorker(bytes, timeoutMs);
  if ('unavailable' in reply) reply = await readInProcess(bytes, timeoutMs);
  if ('unavailable' in reply) throw new PdfNotReadable('corrupt');
  if ('failed' in reply) throw new PdfNotReadable(reply.failed);
  // pdf.js rebuilds a broken file as best it can; no page at all is no PDF to speak of, not a scan.
  if (reply.pages.length === 0) throw new PdfNotReadable('corrupt');
  const pages = reply.pages.map((items) => {
    let text = '';
    let lastY: number | null = null;
    for (const item of items) {
      // A new baseline is a new line even when the producer wrote no end-of-line mark.
      if (lastY !== null && item.y !== null && Math.abs(item.y - lastY) > 2 && !text.endsWith('\n')) text += '\n';
      text += item.s;
      if (item.e) text += '\n';
      if (item.y !== null) lastY = item.y;
    }
    return text.replace(/[ \t]+\n/g, '\n').trimEnd();
  });
  const text = pages.join('\n');
  if (text.replace(/\s/g, '') === '') throw new PdfNotReadable('scanned');
  return text;
}
