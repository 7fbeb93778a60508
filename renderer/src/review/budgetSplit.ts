import type { Draft, TableRow } from '../../../shared/model/draft';
import type { Field } from '../../../shared/pack/fields';
import type { ResolvedProgram } from '../../../shared/pack/resolve';
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

  if (field.fixedRows && field.fixedRows.length > 0) {
    const byKey = new Map(rows.map((r) => [cellOf(r, 'key'), r]));
    let current: BudgetCategory | null = null;
    let currentHasChildren = false;
    for (const fixed of field.fixedRows) {
      const row = byKey.get(fixed.key);
      if ((fixed.level ?? 0) === 0) {
        current = { key: fixed.key, label: fixed.label, fiscal: amount(row, 'fiscal'), selfRaised: amount(row, 'selfRaised') };
        currentHasChildren = false;
        categories.push(current);
      } else if (current) {
        if (!currentHasChildren) {
          // The heading's own cells are a subtotal: its sub-rows replace them.
          current.fiscal = 0n;
          current.selfRaised = 0n;
          currentHasChildren = true;
        }
        current.fiscal += amount(row, 'fiscal');
        current.selfRaised += amount(row, 'selfRaised');
      }
    }
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
