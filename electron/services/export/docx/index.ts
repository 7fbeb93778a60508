import { Document, NumberFormat, Packer, SectionType, type ISectionPropertiesOptions } from 'docx';
import type { Book } from '../../../../shared/book/ast';
import { AppError, isAppError } from '../../../../shared/ipc/errors';
import { printBlocks, type PrintContext } from './blocks';
import { coverBlocks } from './cover';
import { fontTableXml } from './fontTable';
import { contentFooter, contentHeader, coverFooter, coverHeader } from './headerFooter';
import { PAGE } from './page';
import { bookStyles } from './styles';
import { bookNumbering } from './numbering';
import type { DocumentBinding } from '../binding/documentBinding';
import { bindingProperties } from '../binding/docxProperties';
import { tocComplete, tocEntries } from './toc';

export interface DocxDeps {
  /** The bytes of a stored attachment (figures). */
  readAttachment(sha256: string): Promise<Buffer>;
  /** The draft this file is printed from, written to the custom properties for verify (packages and saved copies). */
  binding?: DocumentBinding;
  /** Heading pages (text without whitespace → page) from the PDF's layout, for the TOC's cached result. */
  tocPages?: ReadonlyMap<string, number>;
}

const page: ISectionPropertiesOptions['page'] = {
  size: { width: PAGE.width, height: PAGE.height },
  margin: { ...PAGE.margin, header: PAGE.headerDistance, footer: PAGE.footerDistance, gutter: 0 },
};

/** Every distinct figure, read once before printing: the docx elements are built synchronously. */
async function loadFigures(book: Book, deps: DocxDeps): Promise<Map<string, Buffer>> {
  const hashes = new Set(book.blocks.flatMap((b) => (b.type === 'figure' ? [b.sha256] : [])));
  const images = new Map<string, Buffer>();
  for (const sha256 of hashes) {
    try {
      images.set(sha256, await deps.readAttachment(sha256));
    } catch (e) {
      if (isAppError(e)) throw e;
      throw new AppError('not_found', `图片附件 ${sha256.slice(0, 12)}… 无法读取，请在附件页重新上传`);
    }
  }
  return images;
}

/**
 * Prints a Book as a .docx (the whole file in memory; callers write it atomically). Two
 * sections: the cover (no page number) and the content, numbered from 1 with the running
 * header, 「— N —」 and the provenance line. Consumes only the AST, never the draft.
 */
export async function writeDocx(book: Book, deps: DocxDeps): Promise<Buffer> {
  const images = await loadFigures(book, deps);
  const toc = tocEntries(book.blocks, deps.tocPages);
  const context: PrintContext = { image: (sha256) => images.get(sha256)!, toc, lists: { count: 0 } };
  const doc = new Document({
    creator: '申报通',
    title: `${book.meta.projectName} ${book.meta.documentName}`,
    description: book.meta.provenance,
    customProperties: deps.binding ? bindingProperties(deps.binding) : undefined,
    styles: bookStyles(),
    numbering: bookNumbering(),
    // Asking to update fields on open is only needed when the TOC has no page numbers of its own.
    features: tocComplete(toc) ? undefined : { updateFields: true },
    sections: [
      {
        properties: { page },
        headers: { default: coverHeader(book.meta) },
        footers: { default: coverFooter() },
        children: coverBlocks(book.cover),
      },
      {
        properties: { type: SectionType.NEXT_PAGE, page: { ...page, pageNumbers: { start: 1, formatType: NumberFormat.DECIMAL } } },
        headers: { default: contentHeader(book.meta) },
        footers: { default: contentFooter() },
        children: printBlocks(book.blocks, context),
      },
    ],
  });
  return Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}
