import { buildBook } from '../../../../shared/book/build/index';
import { renderBookHtml } from '../../../../shared/book/html/index';
import type { Book } from '../../../../shared/book/ast';
import type { AttachmentStore } from '../../attachments/attachmentStore';
import { writeDocx } from '../docx/index';
import type { PdfPrinter } from '../pdf/printer';
import { throwIfAborted, type DocumentPrinters, type ExportSubject } from './types';


const FIGURE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

async function readAll(attachments: AttachmentStore, sha256: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of attachments.open(sha256)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Figures are inlined as data: URLs so the printer's page needs no file or network access. */
async function figureSources(book: Book, attachments: AttachmentStore): Promise<Map<string, string>> {
  const sources = new Map<string, string>();
  for (const block of book.blocks) {
    if (block.type !== 'figure' || sources.has(block.sha256) || !FIGURE_TYPES.has(block.mediaType)) continue;
    const bytes = await readAll(attachments, block.sha256).catch(() => null);
    if (bytes) sources.set(block.sha256, `data:${block.mediaType};base64,${bytes.toString('base64')}`);
  }
  return sources;
}

/** The book printers wired together: one AST, printed to DOCX and through HTML to PDF. */
export function createDocumentPrinters(deps: { attachments: AttachmentStore; printer: () => PdfPrinter; now?: () => Date }): DocumentPrinters {
  const now = deps.now ?? (() => new Date());
  const bookOf = (subject: ExportSubject): Book =>
    buildBook({
      draft: subject.draft,
      pack: subject.pack,
      revision: subject.revision,
      packHash: subject.packHash,
      results: subject.validation.results,
      generatedAt: now().toISOString(),
    });
  return {
    async docx(subject, signal) {
      throwIfAborted(signal);
      const book = bookOf(subject);
      const bytes = await writeDocx(book, { readAttachment: (sha256) => readAll(deps.attachments, sha256) });
      return { bytes, watermark: book.meta.watermark };
    },
    async pdf(subject, signal) {
      throwIfAborted(signal);
      const book = bookOf(subject);
      const figures = await figureSources(book, deps.attachments);
      const html = renderBookHtml(book, { forPrint: true, figureSrc: (sha256) => figures.get(sha256) });
      const bytes = await deps.printer().print(html, { signal });
      return { bytes, watermark: book.meta.watermark };
    },
    htmlToPdf: (html, signal) => deps.printer().print(html, { signal }),
  };
}
