import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType, type FileChild } from 'docx';
import type { Cover } from '../../../../shared/book/ast';
import { FONTS, runFont } from './fonts';
import { TEXT_WIDTH } from './page';
import { STYLE } from './styles';

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const UNDERLINE = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const;
const LABEL_WIDTH = Math.round(TEXT_WIDTH * 0.4);
const VALUE_WIDTH = Math.round(TEXT_WIDTH * 0.56);
const FIELDS_WIDTH = LABEL_WIDTH + VALUE_WIDTH;

/** Label「项目名称：」distributed over its cell, value on an underline: the form every 申报书 cover uses. */
function fieldRow(label: string, value: string): TableRow {
  const labelText = label.endsWith('：') || label.endsWith(':') ? label : `${label}：`;
  const font = { font: runFont(FONTS.body), size: FONTS.body.size };
  return new TableRow({
    cantSplit: true,
    height: { value: 700, rule: 'atLeast' },
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

/** The cover page: title in 二号 小标宋, the field form, issuer and date at the foot. Its own section (no page number). */
export function coverBlocks(cover: Cover): FileChild[] {
  // Spacers in the small table style, so the gaps are exactly their `before` plus one 12 pt line.
  const spacer = (before: number) => new Paragraph({ style: STYLE.tableText, spacing: { before }, children: [] });
  const out: FileChild[] = [spacer(1000), new Paragraph({ style: STYLE.coverTitle, children: [new TextRun(cover.title)] }), spacer(1000)];
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
  out.push(spacer(800));
  const footLine = (text: string) => new Paragraph({ style: STYLE.coverField, alignment: AlignmentType.CENTER, children: [new TextRun(text)] });
  if (cover.issuer) out.push(footLine(cover.issuer));
  if (cover.date) out.push(footLine(cover.date));
  return out;
}
