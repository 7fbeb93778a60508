import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  NumberFormat,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  SectionType,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type FileChild,
  type ParagraphChild,
} from 'docx';
import { NO_ATTACHMENTS, attachmentTable } from '../../shared/book/attachmentTable';
import { fontTableXml } from '../../electron/services/export/docx/fontTable';
import { BODY_INDENT, FONTS, runFont } from '../../electron/services/export/docx/fonts';
import { PAGE, TEXT_WIDTH } from '../../electron/services/export/docx/page';
import { bookStyles } from '../../electron/services/export/docx/styles';
import { LIST_REFERENCE, bookNumbering } from '../../electron/services/export/docx/numbering';
import { columnWidths } from '../../electron/services/export/docx/tables';
import { watermarkRun } from '../../electron/services/export/docx/watermark';
import type { Book, Inline, TableCell as AstCell } from '../../shared/book/ast';

/**
 * The DOCX bench's baseline: the same document as our printer's, written by calling `docx`
 * directly from plain, pre-digested data (strings, flags and twips prepared outside the timed
 * section). It has every feature the book has — style sheet and font table, cover form, TOC
 * field with cached entries, bordered tables with shaded header cells, opinion boxes, running
 * header, 「— N —」 footer, watermark — so the ratio measures only what our printer adds: the
 * AST walk, role mapping and width arithmetic. The bench checks the two files have the same text
 * and the same paragraph / table / row / cell counts before timing anything.
 */

/** A run as plain data: text (bold or not), or a line break. */
type Piece = { text: string; bold?: boolean } | null;
type Align = 'left' | 'center' | 'right' | 'justify';

interface PlainCell {
  pieces: Piece[];
  width: number;
  span?: number;
  rowSpan?: number;
  align?: Align;
  shaded: boolean;
  indent?: number;
}

export type Plain =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4 | 5; text: string; pageBreakBefore?: true }
  | { kind: 'paragraph'; style: string; pieces: Piece[]; align?: Align; indent?: 'on' | 'off'; pageBreakBefore?: true; list?: { ordered: boolean; instance: number } }
  | { kind: 'table'; caption?: string; widths: number[]; header: PlainCell[][]; rows: PlainCell[][] }
  | { kind: 'pageBreak' }
  | { kind: 'tocTitle'; text: string; pageBreakBefore?: true }
  | { kind: 'toc'; entries: { title: string; level: number }[] }
  | { kind: 'signature'; title: string; lines: string[]; seal: string };

export interface PlainBook {
  title: string;
  header: string;
  provenance: string;
  watermark: boolean;
  cover: { title: string; fields: [string, string][]; foot: string[]; gaps: [number, number, number] };
  items: Plain[];
}

const pieces = (runs: readonly Inline[], bold?: boolean): Piece[] => runs.map((r) => (r.type === 'text' ? { text: r.text, bold: r.bold ?? bold } : null));
const cellAlign = (c: AstCell, headerRow: boolean, info: boolean): Align => c.align ?? (headerRow || (info && c.header) ? 'center' : 'left');

/** Flattens a table, resolving each cell's width past the columns taken by rowSpans from above. */
function plainTable(widths: number[], headerRows: AstCell[][], rows: AstCell[][], info: boolean): { header: PlainCell[][]; rows: PlainCell[][] } {
  const occupied = new Array<number>(widths.length).fill(0);
  const flatten = (cells: AstCell[], headerRow: boolean): PlainCell[] => {
    const out: PlainCell[] = [];
    let column = 0;
    for (const c of cells) {
      while (column < widths.length && (occupied[column] ?? 0) > 0) column++;
      const span = Math.max(1, c.colSpan ?? 1);
      out.push({
        pieces: pieces(c.runs, c.bold || headerRow || undefined),
        width: widths.slice(column, column + span).reduce((a, b) => a + b, 0),
        span: span > 1 ? span : undefined,
        rowSpan: c.rowSpan && c.rowSpan > 1 ? c.rowSpan : undefined,
        align: cellAlign(c, headerRow, info),
        shaded: headerRow || c.header === true,
        indent: c.indent ? c.indent * 480 : undefined,
      });
      for (let k = column; k < column + span; k++) occupied[k] = Math.max(occupied[k] ?? 0, c.rowSpan ?? 1);
      column += span;
    }
    for (let k = 0; k < occupied.length; k++) if ((occupied[k] ?? 0) > 0) occupied[k]!--;
    return out;
  };
  return { header: headerRows.filter((r) => r.length > 0).map((r) => flatten(r, true)), rows: rows.filter((r) => r.length > 0).map((r) => flatten(r, false)) };
}

const text = (t: string): AstCell['runs'] => [{ type: 'text', text: t }];

/** Pre-digests the book (untimed): what a person writing the document by hand would already know. */
export function plainBook(book: Book): PlainBook {
  const items: Plain[] = [];
  let lists = 0;
  const tocEntries = book.blocks.flatMap((b, i) => (b.type === 'heading' && b.level <= 2 && book.blocks[i + 1]?.type !== 'toc' ? [{ title: b.text, level: b.level }] : []));
  book.blocks.forEach((b, i) => {
    if (b.type === 'heading') {
      items.push(book.blocks[i + 1]?.type === 'toc' ? { kind: 'tocTitle', text: b.text } : { kind: 'heading', level: b.level, text: b.text });
    } else if (b.type === 'toc') {
      if (book.blocks[i - 1]?.type !== 'heading') items.push({ kind: 'tocTitle', text: '目\u3000\u3000录' });
      items.push({ kind: 'toc', entries: tocEntries });
    } else if (b.type === 'paragraph') {
      const role = b.role ?? 'body';
      const style = { body: 'BodyText', note: 'Note', caption: 'Caption', tableText: 'TableText', signature: 'Signature' }[role];
      const indented = b.firstLineIndent ?? role === 'body';
      const align = b.align && !(role === 'body' && b.align === 'justify') ? b.align : undefined;
      items.push({ kind: 'paragraph', style, pieces: pieces(b.runs), align, indent: indented === (role === 'body') ? undefined : indented ? 'on' : 'off' });
    } else if (b.type === 'list') {
      const instance = ++lists;
      b.items.forEach((item) => items.push({ kind: 'paragraph', style: 'BodyText', pieces: pieces(item), list: { ordered: b.ordered, instance } }));
    } else if (b.type === 'table') {
      const widths = columnWidths(b.widths.length > 0 ? b.widths : [1]);
      const rows = b.rows.some((r) => r.length > 0) ? b.rows : [[{ runs: text('（无）'), colSpan: widths.length, align: 'center' as const }]];
      items.push({ kind: 'table', caption: b.caption, widths, ...plainTable(widths, b.headerRows, rows, b.role === 'info') });
    } else if (b.type === 'attachmentList') {
      if (b.items.length === 0) items.push({ kind: 'paragraph', style: 'Note', pieces: [{ text: NO_ATTACHMENTS }], indent: undefined });
      else {
        const t = attachmentTable(b);
        const widths = columnWidths(t.widths);
        items.push({ kind: 'table', widths, ...plainTable(widths, t.headerRows, t.rows, false) });
      }
    } else if (b.type === 'pageBreak') {
      items.push({ kind: 'pageBreak' });
    } else if (b.type === 'signature') {
      items.push({ kind: 'signature', title: b.title, lines: b.lines, seal: b.sealLabel });
    }
  });
  // A page break before a heading, paragraph or TOC title is that paragraph's pageBreakBefore, as Word users set it.
  const flowed: Plain[] = [];
  items.forEach((it, i) => {
    const next = items[i + 1];
    if (it.kind === 'pageBreak' && next && (next.kind === 'heading' || next.kind === 'paragraph' || next.kind === 'tocTitle')) {
      next.pageBreakBefore = true;
      return;
    }
    flowed.push(it);
  });
  return {
    title: `${book.meta.projectName} ${book.meta.documentName}`,
    header: `${book.meta.projectName} · ${book.meta.documentName}`,
    provenance: book.meta.provenance,
    watermark: book.meta.watermark,
    cover: {
      title: book.cover.title,
      fields: book.cover.fields.map((f) => [f.label.endsWith('：') || f.label.endsWith(':') ? f.label : `${f.label}：`, f.value]),
      foot: [book.cover.issuer, book.cover.date].filter((s) => s.length > 0),
      // Our printer shrinks the gaps for long forms; a hand-built cover uses its template's.
      gaps: [1100, 1000, 900],
    },
    items: flowed,
  };
}

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const FRAME = { style: BorderStyle.SINGLE, size: 8, color: '000000' } as const;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const UNDERLINE = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const;
const SHADE = { type: ShadingType.CLEAR, color: 'auto', fill: 'E7E6E6' } as const;
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.BOTH } as const;
const HEADING = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3, 4: HeadingLevel.HEADING_4, 5: HeadingLevel.HEADING_5 } as const;
const LABEL_WIDTH = Math.round(TEXT_WIDTH * 0.4);
const VALUE_WIDTH = Math.round(TEXT_WIDTH * 0.56);

const runs = (ps: Piece[]): ParagraphChild[] => ps.map((p) => (p === null ? new TextRun({ break: 1 }) : p.bold ? new TextRun({ text: p.text, bold: true }) : new TextRun(p.text)));

function table(it: Extract<Plain, { kind: 'table' }>): FileChild[] {
  const row = (cells: PlainCell[], header: boolean) =>
    new TableRow({
      tableHeader: header || undefined,
      cantSplit: true,
      children: cells.map(
        (c) =>
          new TableCell({
            width: { size: c.width, type: WidthType.DXA },
            columnSpan: c.span,
            rowSpan: c.rowSpan,
            verticalAlign: VerticalAlign.CENTER,
            shading: c.shaded ? SHADE : undefined,
            children: [
              new Paragraph({
                style: 'TableText',
                alignment: c.align === 'left' || !c.align ? undefined : ALIGN[c.align],
                indent: c.indent ? { left: c.indent } : undefined,
                children: runs(c.pieces),
              }),
            ],
          }),
      ),
    });
  const out: FileChild[] = [];
  if (it.caption) out.push(new Paragraph({ style: 'Caption', keepNext: true, spacing: { before: 120, after: 60 }, text: it.caption }));
  out.push(
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: it.widths,
      layout: TableLayoutType.FIXED,
      borders: { top: FRAME, bottom: FRAME, left: FRAME, right: FRAME, insideHorizontal: LINE, insideVertical: LINE },
      margins: { top: 40, bottom: 40, left: 100, right: 100 },
      alignment: AlignmentType.CENTER,
      rows: [...it.header.map((r) => row(r, true)), ...it.rows.map((r) => row(r, false))],
    }),
    new Paragraph({ style: 'TableText', children: [] }),
  );
  return out;
}

function signature(it: Extract<Plain, { kind: 'signature' }>): FileChild[] {
  const p = (t: string, bold?: boolean, indent?: boolean) =>
    new Paragraph({ style: 'Signature', indent: indent ? { firstLineChars: 200, firstLine: 640 } : undefined, children: [new TextRun({ text: t, bold })] });
  const right = (t: string) => new Paragraph({ style: 'Signature', alignment: AlignmentType.RIGHT, indent: { right: 640 }, children: [new TextRun(t)] });
  const children = [p(it.title, true), ...it.lines.map((l) => p(l, undefined, true)), p(''), p(''), right(it.seal), right('年　　月　　日')];
  return [
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: [TEXT_WIDTH],
      layout: TableLayoutType.FIXED,
      borders: { top: FRAME, bottom: FRAME, left: FRAME, right: FRAME, insideHorizontal: FRAME, insideVertical: FRAME },
      rows: [
        new TableRow({
          cantSplit: true,
          children: [new TableCell({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, margins: { top: 120, bottom: 120, left: 160, right: 160 }, children })],
        }),
      ],
    }),
    new Paragraph({ style: 'TableText', children: [] }),
  ];
}

function item(it: Plain): FileChild[] {
  switch (it.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADING[it.level], pageBreakBefore: it.pageBreakBefore, children: [new TextRun(it.text)] })];
    case 'paragraph':
      return [
        new Paragraph({
          style: it.style,
          pageBreakBefore: it.pageBreakBefore,
          numbering: it.list ? { reference: it.list.ordered ? LIST_REFERENCE.ordered : LIST_REFERENCE.bullet, level: 0, instance: it.list.instance } : undefined,
          alignment: it.align ? ALIGN[it.align] : undefined,
          indent: it.indent === 'on' ? BODY_INDENT : it.indent === 'off' ? { firstLine: 0, firstLineChars: 0 } : undefined,
          children: runs(it.pieces),
        }),
      ];
    case 'table':
      return table(it);
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
    case 'tocTitle':
      return [new Paragraph({ style: 'TocTitle', pageBreakBefore: it.pageBreakBefore, children: [new TextRun(it.text)] })];
    case 'toc':
      return [
        new TableOfContents('Table of Contents', {
          headingStyleRange: '1-2',
          hyperlink: true,
          useAppliedParagraphOutlineLevel: true,
          hideTabAndPageNumbersInWebView: true,
          cachedEntries: it.entries,
        }),
      ];
    case 'signature':
      return signature(it);
  }
}

function cover(c: PlainBook['cover']): FileChild[] {
  const font = { font: runFont(FONTS.body), size: FONTS.body.size };
  const spacer = (before: number) => new Paragraph({ style: 'TableText', spacing: { before }, children: [] });
  const cell = (t: string, width: number, alignment: (typeof AlignmentType)[keyof typeof AlignmentType], bottom: typeof NONE | typeof UNDERLINE) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlign.BOTTOM,
      borders: { top: NONE, bottom, left: NONE, right: NONE },
      children: [new Paragraph({ style: 'CoverField', alignment, children: [new TextRun({ ...font, text: t })] })],
    });
  return [
    spacer(c.gaps[0]),
    new Paragraph({ style: 'Title', children: [new TextRun(c.title)] }),
    spacer(c.gaps[1]),
    new Table({
      width: { size: LABEL_WIDTH + VALUE_WIDTH, type: WidthType.DXA },
      columnWidths: [LABEL_WIDTH, VALUE_WIDTH],
      layout: TableLayoutType.FIXED,
      alignment: AlignmentType.CENTER,
      borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
      rows: c.fields.map(
        ([label, value]) =>
          new TableRow({
            cantSplit: true,
            height: { value: 640, rule: 'atLeast' },
            children: [cell(label, LABEL_WIDTH, AlignmentType.DISTRIBUTE, NONE), cell(value, VALUE_WIDTH, AlignmentType.CENTER, UNDERLINE)],
          }),
      ),
    }),
    spacer(c.gaps[2]),
    ...c.foot.map((t) => new Paragraph({ style: 'CoverField', alignment: AlignmentType.CENTER, children: [new TextRun(t)] })),
  ];
}

/** `docx` called directly on the pre-digested book: the timed side of the baseline. */
export function docxByHand(book: PlainBook): Promise<Buffer> {
  const page = { size: { width: PAGE.width, height: PAGE.height }, margin: { ...PAGE.margin, header: PAGE.headerDistance, footer: PAGE.footerDistance, gutter: 0 } };
  const pageFont = { font: runFont(FONTS.pageNumber), size: FONTS.pageNumber.size };
  const doc = new Document({
    creator: '申报通',
    title: book.title,
    description: book.provenance,
    styles: bookStyles(),
    numbering: bookNumbering(),
    features: { updateFields: true },
    sections: [
      {
        properties: { page },
        headers: { default: new Header({ children: [new Paragraph({ style: 'Header', children: book.watermark ? [watermarkRun(1)] : [] })] }) },
        footers: { default: new Footer({ children: [new Paragraph({ style: 'Footer', children: [] })] }) },
        children: cover(book.cover),
      },
      {
        properties: { type: SectionType.NEXT_PAGE, page: { ...page, pageNumbers: { start: 1, formatType: NumberFormat.DECIMAL } } },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                style: 'Header',
                alignment: AlignmentType.RIGHT,
                border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '000000', space: 1 } },
                children: [...(book.watermark ? [watermarkRun(2)] : []), new TextRun({ text: book.header })],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                style: 'Footer',
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ ...pageFont, text: '— ' }), new TextRun({ ...pageFont, children: [PageNumber.CURRENT] }), new TextRun({ ...pageFont, text: ' —' })],
              }),
            ],
          }),
        },
        children: book.items.flatMap(item),
      },
    ],
  });
  return Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}

