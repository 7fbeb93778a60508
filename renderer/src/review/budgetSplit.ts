import type { Draft, TableRow } from '../../../shared/model/draft';
import type { Field } from '../../../shared/pack/fields';
import type { ResolvedProgram } from '../../../shared/pack/resolve';
import { fixedRowAmount } from '../../../shared/derive/budget';
import { cellOf, rowsOf, yuanOf } from '../../../shared/rules/access';

type TableField = Extract<Field, { kind: 'table' }>;

export interface BudgetCategory {
  key: string;
  label: string;
  /** Integer yuan. */
  fiscal: bigint;
  selfRaised: bigint;
}

export interface BudgetSplit {
  fieldId: string;
  categories: BudgetCategory[];
  fiscal: bigint;
  selfRaised: bigint;
}

/** The budget table: `budget` when the program has it, else the first table with 财政/自筹 columns. */
export function budgetField(resolved: ResolvedProgram): TableField | null {
  const tables = resolved.sections.flatMap((s) => s.fields).filter((f): f is TableField => f.kind === 'table');
  const hasSplit = (t: TableField): boolean => t.columns.some((c) => c.id === 'fiscal') && t.columns.some((c) => c.id === 'selfRaised');
  return tables.find((t) => t.id === 'budget' && hasSplit(t)) ?? tables.find(hasSplit) ?? null;
}

/**
 * 财政/自筹 per top-level category, exact in integer yuan. A heading row with sub-rows (二、业务费)
 * is the sum of its sub-rows, as in the printed table.
 */
export function budgetSplit(resolved: ResolvedProgram, draft: Draft): BudgetSplit | null {
  const field = budgetField(resolved);
  if (!field) return null;
  const rows = rowsOf(draft, field.id);
  const amount = (row: TableRow | undefined, column: 'fiscal' | 'selfRaised'): bigint => (row ? (yuanOf(cellOf(row, column)) ?? 0n) : 0n);
  const categories: BudgetCategory[] = [];

  const fixedRows = field.fixedRows ?? [];
  if (fixedRows.length > 0) {
    // The same amounts the budget table shows (shared/derive/budget): a heading is the sum of its sub-rows.
    fixedRows.forEach((fixed, index) => {
      if ((fixed.level ?? 0) !== 0) return;
      categories.push({ key: fixed.key, label: fixed.label, fiscal: fixedRowAmount(fixedRows, index, rows, 'fiscal'), selfRaised: fixedRowAmount(fixedRows, index, rows, 'selfRaised') });
    });
  } else {
    rows.forEach((row, i) => {
      const label = cellOf(row, 'category');
      categories.push({
        key: String(i),
        label: typeof label === 'string' && label.trim() !== '' ? label : `第 ${i + 1} 行`,
        fiscal: amount(row, 'fiscal'),
        selfRaised: amount(row, 'selfRaised'),
      });
    });
  }
  const fiscal = categories.reduce((s, c) => s + c.fiscal, 0n);
  const selfRaised = categories.reduce((s, c) => s + c.selfRaised, 0n);
  return { fieldId: field.id, categories, fiscal, selfRaised };
}
