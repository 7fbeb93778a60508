import { buildBook } from '../../../../shared/book/build/index';
import { renderBookHtml } from '../../../../shared/book/html/index';
import type { Book } from '../../../../shared/book/ast';
import type { Draft } from '../../../../shared/model/draft';
import type { AttachmentStore } from '../../attachments/attachmentStore';
import { draftSha256 } from '../binding/draftBytes';
import { bindingOfBook } from '../binding/docxProperties';
import { stampPdfInfo } from '../binding/pdfInfo';
import { outlinePages } from '../pdf/outlinePages';
import { isAppError } from '../../../../shared/ipc/errors';
import { tocKey } from '../../../../shared/book/html/blocks';
import type { PdfPrinter } from '../pdf/printer';
import { throwIfAborted, type DocumentPrinters, type ExportSubject } from './types';


const FIGURE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** The name this draft gives the file (what the user sees on the attachments page). */
function nameInDraft(draft: Draft, sha256: string): string | undefined {
  for (const refs of Object.values(draft.attachments)) {
    const ref = refs.find((r) => r.sha256 === sha256);
    if (ref) return ref.name;
  }
  return undefined;
}

/** Verified while read: a missing or altered figure fails the export naming the attachment, never prints stale bytes. */
const readFigure = (attachments: AttachmentStore, draft: Draft) => (sha256: string) => attachments.read(sha256, nameInDraft(draft, sha256));

/** Figures are inlined as data: URLs so the printer's page needs no file or network access. */
async function figureSources(book: Book, read: (sha256: string) => Promise<Buffer>): Promise<Map<string, string>> {
  const sources = new Map<string, string>();
  for (const block of book.blocks) {
    if (block.type !== 'figure' || sources.has(block.sha256) || !FIGURE_TYPES.has(block.mediaType)) continue;
    const bytes = await read(block.sha256);
    sources.set(block.sha256, `data:${block.mediaType};base64,${bytes.toString('base64')}`);
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
  // The heading pages of a subject's PDF layout, kept for its DOCX (a package prints the PDF first).
  const laidOut = new WeakMap<ExportSubject, Map<string, number>>();
  const pagesOf = (printed: Buffer): Map<string, number> => new Map(outlinePages(printed).map((e) => [tocKey(e.title), e.pageIndex]));
  const firstLayout = async (book: Book, subject: ExportSubject, signal?: AbortSignal) => {
    const figures = await figureSources(book, readFigure(deps.attachments, subject.draft));
    const figureSrc = (sha256: string) => figures.get(sha256);
    const printed = await deps.printer().print(renderBookHtml(book, { forPrint: true, figureSrc }), { signal });
    return { printed, figureSrc, pages: pagesOf(printed) };
  };
  return {
    async docx(subject, signal, report) {
      throwIfAborted(signal);
      report?.('正在整理申报书内容', 0.02);
      const book = bookOf(subject);
      let tocPages = laidOut.get(subject);
      if (!tocPages && book.blocks.some((b) => b.type === 'toc')) {
        // The Word 目录 carries the PDF's page numbers; without a printer it falls back to a field readers update.
        report?.('正在排版以计算目录页码', 0.05);
        tocPages = await firstLayout(book, subject, signal).then((l) => l.pages).catch((e: unknown) => {
          throwIfAborted(signal);
          if (isAppError(e) && e.code === 'not_found') throw e;
          return undefined;
        });
      }
      throwIfAborted(signal);
      report?.('正在生成 Word', 0.6);
      // docx (a large library) loads on the first Word export, not with every host's services.
      const { writeDocx } = await import('../docx/index');
      const bytes = await writeDocx(book, { readAttachment: readFigure(deps.attachments, subject.draft), binding: bindingOfBook(book, draftSha256(subject.draft)), tocPages });
      return { bytes, watermark: book.meta.watermark };
    },
    async pdf(subject, signal, report) {
      throwIfAborted(signal);
      report?.('正在整理申报书内容', 0.02);
      const book = bookOf(subject);
      const hasToc = book.blocks.some((b) => b.type === 'toc');
      report?.(hasToc ? '正在打印 PDF（第 1 遍：计算目录页码）' : '正在打印 PDF', 0.05);
      const first = await firstLayout(book, subject, signal);
      let printed = first.printed;
      if (hasToc && first.pages.size > 0) {
        // The 目录 needs the pages the headings landed on: read from this layout's bookmarks, then
        // printed again with the numbers filled in (the TOC takes the same lines either way).
        throwIfAborted(signal);
        laidOut.set(subject, first.pages);
        report?.('正在打印 PDF（第 2 遍：填入目录页码）', 0.5);
        printed = await deps.printer().print(renderBookHtml(book, { forPrint: true, figureSrc: first.figureSrc, tocPages: first.pages }), { signal });
      }
      report?.('正在写入文档信息', 0.95);
      const bytes = stampPdfInfo(printed, { title: `${book.meta.projectName} ${book.meta.documentName}`, binding: bindingOfBook(book, draftSha256(subject.draft)) });
      return { bytes, watermark: book.meta.watermark };
    },
    htmlToPdf: (html, signal) => deps.printer().print(html, { signal }),
  };
}
