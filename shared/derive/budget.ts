import type { FieldValue, TableRow } from '../model/draft';
import type { Field } from '../pack/fields';
import { yuanOf } from '../rules/access';

type TableField = Extract<Field, { kind: 'table' }>;
type FixedRow = NonNullable<TableField['fixedRows']>[number];

/** Exact sum of integer-yuan cells; blanks count 0. */
export function sumYuan(values: readonly (FieldValue | undefined)[]): bigint {
  return values.reduce<bigint>((sum, v) => sum + (yuanOf(v) ?? 0n), 0n);
}

/** The fixed rows of a heading (level 0 followed by level-1 rows): 二、业务费 is the sum of 1.–6. */
export function childrenOf(fixedRows: readonly FixedRow[], index: number): FixedRow[] {
  const row = fixedRows[index];
  if (!row || (row.level ?? 0) !== 0) return [];
  const children: FixedRow[] = [];
  for (const next of fixedRows.slice(index + 1)) {
    if ((next.level ?? 0) === 0) break;
    children.push(next);
  }
  return children;
}

export const rowByKey = (rows: readonly TableRow[], key: string): TableRow | undefined => rows.find((r) => r.key === key);

/** Column total over the rows that carry amounts (headings are sums of their sub-rows, never stored). */
export function columnTotal(rows: readonly TableRow[], column: string): bigint {
  return sumYuan(rows.map((r) => r[column]));
}

/** A fixed row's amount: a heading sums its sub-rows, any other row is its own cell. */
export function fixedRowAmount(fixedRows: readonly FixedRow[], index: number, rows: readonly TableRow[], column: string): bigint {
  const children = childrenOf(fixedRows, index);
  if (children.length > 0) return sumYuan(children.map((ch) => rowByKey(rows, ch.key)?.[column]));
  const key = fixedRows[index]?.key;
  return key === undefined ? 0n : sumYuan([rowByKey(rows, key)?.[column]]);
}
