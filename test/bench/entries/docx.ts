import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  NumberFormat,
  Packer,
  PageNumber,
  Paragraph,
  SectionType,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { writeDocx } from '../../../electron/services/export/docx/index';
import { PAGE, TEXT_WIDTH } from '../../../electron/services/export/docx/page';
import type { Block, Book, TableCell as AstCell } from '../../../shared/book/ast';
import { fixtureBooks } from '../../unit/docx/fixtureBooks';
import { registerBench } from '../registry';

const SOURCE = 'chengguan-2020/valid-tech-enterprise.json';

/**
 * The fixture's book grown `k` times: every body paragraph after the TOC and every row of the
 * members / milestones / partners tables repeated. Page counts of the bench books (figures left
 * out), measured once with LibreOffice when this bench was written: k=3 → 20, k=21 → 81,
 * k=46 → 162 pages.
 */
export function scaledBook(book: Book, k: number): Book {
  const tocAt = book.blocks.findIndex((b) => b.type === 'toc');
  const blocks = book.blocks.flatMap((b, i): Block[] => {
    if (i > tocAt && b.type === 'paragraph' && (b.role ?? 'body') === 'body') return Array.from({ length: k }, () => b);
    if (b.type === 'table' && (b.role === 'members' || b.role === 'milestones' || b.role === 'partners')) {
      return [{ ...b, rows: Array.from({ length: k }, () => b.rows).flat() }];
    }
    return [b];
  });
  return { ...book, blocks };
}

const cellText = (c: AstCell) => c.runs.map((r) => (r.type === 'text' ? r.text : '\n')).join('');

/**
 * The baseline's input: the same document as plain strings and string tables, prepared outside
 * the timed section, so the baseline measures only building docx objects and packing them.
 */
type Plain =
  | { kind: 'h'; level: 1 | 2 | 3 | 4; text: string }
  | { kind: 'p'; text: string }
  | { kind: 't'; widths: number[]; header: string[][]; rows: string[][] };

export function plain(book: Book): Plain[] {
  return book.blocks.flatMap((b): Plain[] => {
    if (b.type === 'heading') return [{ kind: 'h', level: b.level, text: b.text }];
    if (b.type === 'paragraph') return [{ kind: 'p', text: b.runs.map((r) => (r.type === 'text' ? r.text : '\n')).join('') }];
    if (b.type === 'list') return b.items.map((item) => ({ kind: 'p' as const, text: item.map((r) => (r.type === 'text' ? r.text : '')).join('') }));
    if (b.type === 'table') {
      const sum = b.widths.reduce((a, w) => a + w, 0);
      return [{ kind: 't', widths: b.widths.map((w) => Math.floor((w / sum) * TEXT_WIDTH)), header: b.headerRows.map((r) => r.map(cellText)), rows: b.rows.map((r) => r.map(cellText)) }];
    }
    return [];
  });
}

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3, 4: HeadingLevel.HEADING_4 } as const;
const SHADE = { type: ShadingType.CLEAR, color: 'auto', fill: 'E7E6E6' } as const;

/** `docx` called directly: same paragraphs and tables, page setup, header and footer; no AST walk, no roles. */
export function handBuilt(items: Plain[], title: string): Promise<Buffer> {
  const children = items.flatMap((it) => {
    if (it.kind === 'h') return [new Paragraph({ heading: HEADINGS[it.level], text: it.text })];
    if (it.kind === 'p') return [new Paragraph({ style: 'BodyText', text: it.text })];
    const row = (cells: string[], header: boolean) =>
      new TableRow({
        tableHeader: header,
        cantSplit: true,
        children: cells.map(
          (text, c) =>
            new TableCell({
              width: { size: it.widths[c] ?? 1000, type: WidthType.DXA },
              shading: header ? SHADE : undefined,
              children: [new Paragraph({ style: 'TableText', text })],
            }),
        ),
      });
    return [
      new Table({
        width: { size: TEXT_WIDTH, type: WidthType.DXA },
        columnWidths: it.widths,
        layout: TableLayoutType.FIXED,
        rows: [...it.header.map((r) => row(r, true)), ...it.rows.map((r) => row(r, false))],
      }),
      new Paragraph({}),
    ];
  });
  const page = { size: { width: PAGE.width, height: PAGE.height }, margin: PAGE.margin };
  const doc = new Document({
    sections: [
      { properties: { page }, children: [new Paragraph({ heading: HeadingLevel.TITLE, text: title })] },
      {
        properties: { type: SectionType.NEXT_PAGE, page: { ...page, pageNumbers: { start: 1, formatType: NumberFormat.DECIMAL } } },
        headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, text: title })] }) },
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })] })] }) },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

const SIZES = [
  { pages: 20, k: 3, iterations: 2, repetitions: 7 },
  { pages: 81, k: 21, iterations: 1, repetitions: 5 },
  { pages: 162, k: 46, iterations: 1, repetitions: 5 },
];

let source: Book | null = null;
const sourceBook = (): Book => (source ??= fixtureBooks().find((b) => b.name === SOURCE)!.book);

for (const size of SIZES) {
  registerBench({
    name: `docx: ~${size.pages}-page book vs docx by hand`,
    // Target ≤ 1.3×: the AST walk, roles and fonts may cost at most 30% over packing the same content.
    targetRatio: 1.3,
    iterations: size.iterations,
    repetitions: size.repetitions,
    setup() {
      // Figures are left out on both sides: the baseline would embed the same bytes the same way.
      const grown = scaledBook(sourceBook(), size.k);
      const book = { ...grown, blocks: grown.blocks.filter((b) => b.type !== 'figure') };
      const items = plain(book);
      let subjectMs = 0;
      let calls = 0;
      return {
        async subject() {
          const start = performance.now();
          await writeDocx(book, { readAttachment: () => Promise.reject(new Error('no figures in the bench book')) });
          subjectMs += performance.now() - start;
          calls++;
        },
        async baseline() {
          await handBuilt(items, book.meta.projectName);
        },
        teardown() {
          // Linearity: the per-page cost of the three sizes should be about the same.
          console.log(`  docx ~${size.pages} pages: ${(subjectMs / calls / size.pages).toFixed(2)} ms/page (mean of ${calls} calls)`);
        },
      };
    },
  });
}
