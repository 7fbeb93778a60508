import type { TableBlock, TableCell } from '../ast';
import type { Column, Field } from '../../pack/fields';
import type { TableRow } from '../../model/draft';
import { cellOf, rowsOf, yuanOf } from '../../rules/access';
import { cell, labelCell } from './cells';
import type { BuildContext } from './context';
import { plainText, wanText } from './format';

type TableField = Extract<Field, { kind: 'table' }>;

interface BudgetLine {
  label: string;
  level: number;
  amounts: bigint[];
  notes: string[];
  /** A heading row whose amounts are the sum of the rows below it (二、业务费). */
  subtotal: boolean;
}

export interface BudgetTotals {
  /** Per amount column, in column order, integer yuan. */
  byColumn: { id: string; label: string; yuan: bigint }[];
  total: bigint;
}

function budgetColumns(field: TableField): { label: Column | undefined; amounts: Column[]; notes: Column[] } {
  const totals = new Set(field.totals ?? []);
  const amounts = field.columns.filter((c) => (totals.size > 0 ? totals.has(c.id) : c.kind === 'money'));
  const rest = field.columns.filter((c) => !amounts.includes(c));
  return { label: rest[0], amounts, notes: rest.slice(1).filter((c) => c.kind !== 'money') };
}

function rowByKey(rows: TableRow[]): Map<string, TableRow> {
  const map = new Map<string, TableRow>();
  for (const row of rows) {
    const key = cellOf(row, 'key');
    if (typeof key === 'string' && !map.has(key)) map.set(key, row);
  }
  return map;
}

/** Every line in order; a level-0 line followed by deeper lines sums them, so 业务费 always adds up. */
function budgetLines(ctx: BuildContext, field: TableField): BudgetLine[] {
  const { label, amounts, notes } = budgetColumns(field);
  const rows = rowsOf(ctx.draft, field.id);
  const byKey = rowByKey(rows);
  const source: { label: string; level: number; row: TableRow | undefined }[] = field.fixedRows
    ? field.fixedRows.map((f) => ({ label: f.label, level: f.level ?? 0, row: byKey.get(f.key) }))
    : rows.map((row) => ({ label: label ? plainText(cellOf(row, label.id)) : '', level: 0, row }));
  const lines: BudgetLine[] = source.map(({ label: text, level, row }) => ({
    label: text,
    level,
    amounts: amounts.map((c) => (row ? (yuanOf(cellOf(row, c.id)) ?? 0n) : 0n)),
    notes: notes.map((c) => (row ? plainText(cellOf(row, c.id)) : '')),
    subtotal: false,
  }));
  // Bottom-up, so a subtotal of subtotals (levels 0–3) sums rows that are already summed.
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    const children: BudgetLine[] = [];
    for (let j = i + 1; j < lines.length && lines[j]!.level > line.level; j++) if (lines[j]!.level === line.level + 1) children.push(lines[j]!);
    if (children.length === 0) continue;
    line.subtotal = true;
    line.amounts = line.amounts.map((_, k) => children.reduce((sum, c) => sum + c.amounts[k]!, 0n));
  }
  return lines;
}

export function budgetTotals(ctx: BuildContext, field: TableField): BudgetTotals {
  const { amounts } = budgetColumns(field);
  const top = budgetLines(ctx, field).filter((l) => l.level === 0);
  const byColumn = amounts.map((c, k) => ({ id: c.id, label: c.label, yuan: top.reduce((sum, l) => sum + l.amounts[k]!, 0n) }));
  return { byColumn, total: byColumn.reduce((sum, c) => sum + c.yuan, 0n) };
}

const wan = wanText;

/** 经费预算表: 科目, one column per amount (财政资金, 自筹资金), 合计, then 预算说明; subtotal and 合计 rows in bold. */
export function budgetTable(ctx: BuildContext, field: TableField): TableBlock {
  const { label, amounts, notes } = budgetColumns(field);
  const withTotal = amounts.length > 1;
  const lines = budgetLines(ctx, field);
  const rows: TableCell[][] = lines.map((line) => {
    const bold = line.subtotal || undefined;
    const sum = line.amounts.reduce((a, b) => a + b, 0n);
    return [
      cell(line.label, { align: 'left', bold, indent: Math.min(line.level, 3) as 0 | 1 | 2 | 3 }),
      ...line.amounts.map((a) => cell(wan(a), { align: 'right', bold })),
      ...(withTotal ? [cell(wan(sum), { align: 'right', bold })] : []),
      ...line.notes.map((n) => cell(n, { align: 'left' })),
    ];
  });
  const totals = budgetTotals(ctx, field);
  rows.push([
    cell('合计', { align: 'center', bold: true }),
    ...totals.byColumn.map((c) => cell(wan(c.yuan), { align: 'right', bold: true })),
    ...(withTotal ? [cell(wan(totals.total), { align: 'right', bold: true })] : []),
    ...notes.map(() => cell('')),
  ]);
  return {
    type: 'table',
    role: 'budget',
    // Amounts carry four decimals (「1000.0000」): their columns hold nine bold digits on one line at 小四 in Word.
    widths: [3.6, ...amounts.map(() => 2.4), ...(withTotal ? [2.4] : []), ...notes.map(() => 3.2)],
    headerRows: [[labelCell(label?.label ?? '科目'), ...amounts.map((c) => labelCell(c.label)), ...(withTotal ? [labelCell('合计')] : []), ...notes.map((c) => labelCell(c.label))]],
    rows,
    caption: '单位：万元',
  };
}
