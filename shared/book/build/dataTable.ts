import type { TableBlock, TableCell } from '../ast';
import type { Column, Field } from '../../pack/fields';
import { cellOf, isRowFilled, rowsOf } from '../../rules/access';
import { cell, labelCell } from './cells';
import type { BuildContext } from './context';
import { cellText } from './format';

type TableField = Extract<Field, { kind: 'table' }>;

/** Relative widths by what a column holds; a pack's pixel width wins. */
function columnWeight(column: Column): number {
  if (column.width) return column.width / 40;
  switch (column.kind) {
    case 'longText':
      return 5;
    case 'idNumber':
    case 'uscc':
      // 18 characters on one line at 五号 need about 34 mm of the 156 mm text width.
      return 5.2;
    case 'integer':
    case 'money':
      return 1.6;
    case 'month':
    case 'date':
      return 2;
    case 'select':
    case 'phone':
      return 2.4;
    default:
      return 2.6;
  }
}

/** Values read digit by digit: never broken across lines. */
const UNBROKEN_KINDS: ReadonlySet<Column['kind']> = new Set(['idNumber', 'uscc', 'phone', 'date', 'month']);

function isNumeric(column: Column): boolean {
  return column.kind === 'money' || column.kind === 'integer';
}

/** A list table (成员, 合作单位, 进度…) from a table field: 序号 first, one printed row per filled draft row. */
export function dataTable(ctx: BuildContext, field: TableField, role: TableBlock['role']): TableBlock {
  const columns = field.columns;
  // 项目组成员 sign the printed table themselves: an empty 本人签字 cell on every row.
  const signed = role === 'members';
  const rows: TableCell[][] = rowsOf(ctx.draft, field.id)
    .filter(isRowFilled)
    .map((row, i) => [
      cell(String(i + 1), { align: 'center' }),
      ...columns.map((c) =>
        cell(cellText(c, cellOf(row, c.id)), { align: isNumeric(c) ? 'right' : c.kind === 'longText' ? 'left' : 'center', ...(UNBROKEN_KINDS.has(c.kind) ? { noBreak: true } : {}) }),
      ),
      ...(signed ? [cell('')] : []),
    ]);
  if (rows.length === 0) rows.push([cell('（未填写）', { colSpan: columns.length + 1 + (signed ? 1 : 0), align: 'center' })]);
  return {
    type: 'table',
    role,
    widths: [1, ...columns.map(columnWeight), ...(signed ? [2.2] : [])],
    headerRows: [[labelCell('序号'), ...columns.map((c) => labelCell(c.label)), ...(signed ? [labelCell('本人签字')] : [])]],
    rows,
  };
}
