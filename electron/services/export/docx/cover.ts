import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType, type FileChild } from 'docx';
import type { Cover } from '../../../../shared/book/ast';
import { FONTS, runFont } from './fonts';
import { TEXT_HEIGHT, TEXT_WIDTH } from './page';
import { STYLE } from './styles';

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const UNDERLINE = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const;
const LABEL_WIDTH = Math.round(TEXT_WIDTH * 0.4);
const VALUE_WIDTH = Math.round(TEXT_WIDTH * 0.56);
const FIELDS_WIDTH = LABEL_WIDTH + VALUE_WIDTH;
/** Line heights in twips: the form's exact 32 pt lines (style CoverField), the title, a 12 pt spacer. */
const FIELD_LINE = 640;
const TITLE_LINE = 800;
const SPACER_LINE = 276;

/** Label「项目名称：」distributed over its cell, value on an underline: the form every 申报书 cover uses. */
function fieldRow(label: string, value: string): TableRow {
  const labelText = label.endsWith('：') || label.endsWith(':') ? label : `${label}：`;
  const font = { font: runFont(FONTS.body), size: FONTS.body.size };
  return new TableRow({
    cantSplit: true,
    height: { value: FIELD_LINE, rule: 'atLeast' },
    children: [
      new TableCell({
        width: { size: LABEL_WIDTH, type: WidthType.DXA },
        verticalAlign: VerticalAlign.BOTTOM,
        borders: { top: NONE, bottom: NONE, left: NONE, right: NONE },
        children: [new Paragraph({ style: STYLE.coverField, alignment: AlignmentType.DISTRIBUTE, children: [new TextRun({ ...font, text: labelText })] })],
      }),
      new TableCell({
        width: { size: VALUE_WIDTH, type: WidthType.DXA },
        verticalAlign: VerticalAlign.BOTTOM,
        borders: { top: NONE, bottom: UNDERLINE, left: NONE, right: NONE },
        children: [new Paragraph({ style: STYLE.coverField, alignment: AlignmentType.CENTER, children: [new TextRun({ ...font, text: value })] })],
      }),
    ],
  });
}

/** Usable width of a value cell (default cell margins 108 twips a side) in 三号 characters. */
const VALUE_CHARS = Math.floor((VALUE_WIDTH - 216) / (FONTS.body.size * 10));
/** Lines of the field form: long values (a 30-character project name) wrap inside their cell. */
const formLines = (cover: Cover): number =>
  cover.fields.reduce((n, f) => n + Math.max(1, Math.ceil([...f.value].reduce((w, ch) => w + (ch.charCodeAt(0) > 0xff ? 1 : 0.5), 0) / VALUE_CHARS)), 0);

/**
 * The three gaps (above the title, title → form, form → issuer), shrunk together when the
 * form is long, so the cover is always exactly one page.
 */
function spacing(cover: Cover): [number, number, number] {
  const foot = (cover.issuer ? 1 : 0) + (cover.date ? 1 : 0);
  const content = TITLE_LINE + formLines(cover) * FIELD_LINE + foot * FIELD_LINE + 3 * SPACER_LINE;
  // Keep a line of slack for fonts whose metrics differ from the estimate.
  const room = Math.max(0, TEXT_HEIGHT - content - FIELD_LINE);
  const scale = Math.min(1, room / 3000);
  return [Math.round(1100 * scale), Math.round(1000 * scale), Math.round(900 * scale)];
}

/** The cover page: title in 二号 小标宋, the field form, issuer and date at the foot. Its own section (no page number). */
export function coverBlocks(cover: Cover): FileChild[] {
  // Spacers in the small table style, so the gaps are exactly their `before` plus one 12 pt line.
  const spacer = (before: number) => new Paragraph({ style: STYLE.tableText, spacing: { before }, children: [] });
  const [top, middle, bottom] = spacing(cover);
  const out: FileChild[] = [spacer(top), new Paragraph({ style: STYLE.coverTitle, children: [new TextRun(cover.title)] }), spacer(middle)];
  if (cover.fields.length > 0) {
    out.push(
      new Table({
        width: { size: FIELDS_WIDTH, type: WidthType.DXA },
        columnWidths: [LABEL_WIDTH, VALUE_WIDTH],
        layout: TableLayoutType.FIXED,
        alignment: AlignmentType.CENTER,
        borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
        rows: cover.fields.map((f) => fieldRow(f.label, f.value)),
      }),
    );
  }
  out.push(spacer(bottom));
  const footLine = (text: string) => new Paragraph({ style: STYLE.coverField, alignment: AlignmentType.CENTER, children: [new TextRun(text)] });
  if (cover.issuer) out.push(footLine(cover.issuer));
  if (cover.date) out.push(footLine(cover.date));
  return out;
}
