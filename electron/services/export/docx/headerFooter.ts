import { AlignmentType, BorderStyle, Footer, Header, PageNumber, Paragraph, TextRun } from 'docx';
import type { BookMeta } from '../../../../shared/book/ast';
import { FONTS, runFont } from './fonts';
import { STYLE } from './styles';
import { watermarkRun } from './watermark';

/** The cover's header holds only the watermark (if any): no running title, no rule. */
export function coverHeader(meta: BookMeta): Header {
  return new Header({ children: [new Paragraph({ style: STYLE.header, children: meta.watermark ? [watermarkRun(1)] : [] })] });
}

/** The cover has no page number; an explicit empty footer keeps the content footer off it. */
export function coverFooter(): Footer {
  return new Footer({ children: [new Paragraph({ style: STYLE.footer, children: [] })] });
}

/** Running header: the project name, right-aligned above a thin rule, plus the watermark. */
export function contentHeader(meta: BookMeta): Header {
  return new Header({
    children: [
      new Paragraph({
        style: STYLE.header,
        alignment: AlignmentType.RIGHT,
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '000000', space: 1 } },
        children: [...(meta.watermark ? [watermarkRun(2)] : []), new TextRun({ text: `${meta.projectName} · ${meta.documentName}` })],
      }),
    ],
  });
}

/**
 * 「— N —」 centred in 四号宋体 (GB/T 9704 page numbers) and nothing else: a submitted book carries
 * only what the form has. Provenance (pack version, revision, time) is in the document properties.
 */
export function contentFooter(): Footer {
  const pageFont = { font: runFont(FONTS.pageNumber), size: FONTS.pageNumber.size };
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.footer,
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ ...pageFont, text: '— ' }),
          new TextRun({ ...pageFont, children: [PageNumber.CURRENT] }),
          new TextRun({ ...pageFont, text: ' —' }),
        ],
      }),
    ],
  });
}
