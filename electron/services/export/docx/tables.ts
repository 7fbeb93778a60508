import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlign,
  WidthType,
  type FileChild,
} from 'docx';
import type { TableBlock, TableCell as AstCell } from '../../../../shared/book/ast';
import { TEXT_WIDTH } from './page';
import { inlineRuns } from './runs';
import { STYLE } from './styles';

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
/** A heavier outer frame, as printed forms have; inner rules stay hairline. */
const FRAME = { style: BorderStyle.SINGLE, size: 8, color: '000000' } as const;
const BORDERS = { top: FRAME, bottom: FRAME, left: FRAME, right: FRAME, insideHorizontal: LINE, insideVertical: LINE };
const LABEL_SHADE = { type: ShadingType.CLEAR, color: 'auto', fill: 'E7E6E6' } as const;
const MARGINS = { top: 40, bottom: 40, left: 100, right: 100 };
/** Two characters of 小四 (12 pt) table text, in twips. */
const INDENT_STEP = 2 * 12 * 20;

/** Relative widths → twips that add up exactly to the text width (the last column takes the rounding). */
export function columnWidths(widths: readonly number[], total = TEXT_WIDTH): number[] {
  const positive = widths.map((w) => (Number.isFinite(w) && w > 0 ? w : 1));
  const sum = positive.reduce((a, b) => a + b, 0);
  const scaled = positive.map((w) => Math.floor((w / sum) * total));
  scaled[scaled.length - 1]! += total - scaled.reduce((a, b) => a + b, 0);
  return scaled;
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

function cell(ast: AstCell, widths: number[], column: number, isHeaderRow: boolean, role: TableBlock['role']): TableCell {
  const span = Math.max(1, ast.colSpan ?? 1);
  const width = widths.slice(column, column + span).reduce((a, b) => a + b, 0);
  const shaded = isHeaderRow || ast.header === true;
  // Header rows and the label cells of a form are centred; money columns align right by the AST.
  const align = ast.align ?? (isHeaderRow || (role === 'info' && ast.header) ? 'center' : 'left');
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: span > 1 ? span : undefined,
    rowSpan: ast.rowSpan && ast.rowSpan > 1 ? ast.rowSpan : undefined,
    verticalAlign: VerticalAlign.CENTER,
    shading: shaded ? LABEL_SHADE : undefined,
    children: [
      new Paragraph({
        style: STYLE.tableText,
        // Left is the style's own alignment: written only when it differs (less XML on big tables).
        alignment: align === 'left' ? undefined : ALIGN[align],
        // Sub-row labels (「1. 材料费」 under 「二、业务费」) step in two table characters per level.
        indent: ast.indent ? { left: ast.indent * INDENT_STEP } : undefined,
        children: inlineRuns(ast.runs, { bold: ast.bold || isHeaderRow || undefined }),
      }),
    ],
  });
}

/**
 * Cells occupied from above by a rowSpan: the AST omits them (as HTML does), so the column of
 * each written cell has to skip them to pick the right width.
 */
function row(cells: readonly AstCell[], widths: number[], occupied: number[], isHeaderRow: boolean, role: TableBlock['role']): TableRow {
  const children: TableCell[] = [];
  let column = 0;
  for (const ast of cells) {
    while (column < widths.length && (occupied[column] ?? 0) > 0) column++;
    children.push(cell(ast, widths, column, isHeaderRow, role));
    const span = Math.max(1, ast.colSpan ?? 1);
    for (let c = column; c < column + span; c++) occupied[c] = Math.max(occupied[c] ?? 0, ast.rowSpan ?? 1);
    column += span;
  }
  for (let c = 0; c < occupied.length; c++) if ((occupied[c] ?? 0) > 0) occupied[c]!--;
  // Not on 基本信息 rows: LibreOffice drops rows of a form table whose every row refuses to split.
  return new TableRow({ tableHeader: isHeaderRow || undefined, cantSplit: role === 'info' ? undefined : true, children });
}

function emptyRow(widths: number[]): AstCell[] {
  return [{ runs: [{ type: 'text', text: '（无）' }], colSpan: widths.length, align: 'center' }];
}

/** A table with fixed layout and column widths from the AST, caption above (Chinese convention for tables). */
export function tableBlock(block: TableBlock): FileChild[] {
  const columns = Math.max(1, block.widths.length);
  const widths = columnWidths(block.widths.length > 0 ? block.widths : [1]);
  const occupied = new Array<number>(columns).fill(0);
  // A table with no data rows still prints as a table (Word asks to repair a w:tbl without rows).
  const bodyRows = block.rows.some((r) => r.length > 0) ? block.rows : [emptyRow(widths)];
  const rows = [
    ...block.headerRows.filter((r) => r.length > 0).map((r) => row(r, widths, occupied, true, block.role)),
    ...bodyRows.filter((r) => r.length > 0).map((r) => row(r, widths, occupied, false, block.role)),
  ];
  const out: FileChild[] = [];
  if (block.caption) out.push(new Paragraph({ style: STYLE.caption, keepNext: true, spacing: { before: 120, after: 60 }, text: block.caption }));
  out.push(
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: BORDERS,
      // Cell padding once per table (tblCellMar) rather than on every cell.
      margins: MARGINS,
      alignment: AlignmentType.CENTER,
      rows,
    }),
  );
  // Two tables in a row would merge into one in Word; a spacer paragraph keeps them apart.
  out.push(new Paragraph({ style: STYLE.tableText, children: [] }));
  return out;
}
