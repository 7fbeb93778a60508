import type { Draft, FieldValue, TableRow } from '../../../shared/model/draft';
import type { Field } from '../../../shared/pack/fields';
import type { ResolvedProgram } from '../../../shared/pack/resolve';
import { amountOf, yuanOf } from '../../../shared/rules/access';
import { evalCondition } from '../../../shared/rules/condition';

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

export interface RatioGauge {
  ruleId: string;
  /** 0–100: how much of the required ratio is reached. */
  percent: number;
  ok: boolean;
  actual: string;
  required: string;
}

/** Two decimals of a/b, exactly (truncated), as text. */
function ratioText(a: bigint, b: bigint): string {
  const hundredths = (a * 100n) / b;
  return `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;
}

const scaled = (x: number): bigint => BigInt(Math.round(x * 10_000));
const clampPercent = (num: bigint, den: bigint): number => (den === 0n ? 0 : Number(num * 100n >= den * 100n ? 100n : (num * 100n) / den));

/**
 * The self-funding gauges: one per `ratioAtLeast` / `shareOfTotalAtLeast` rule of the program that
 * applies to this draft (its `when` holds), computed exactly like the rule does.
 */
export function ratioGauges(resolved: ResolvedProgram | null, draft: Draft): RatioGauge[] {
  if (!resolved) return [];
  const gauges: RatioGauge[] = [];
  for (const rule of resolved.rules) {
    if (rule.when && !evalCondition(rule.when, draft)) continue;
    if (rule.kind === 'ratioAtLeast') {
      const num = amountOf(draft, rule.numerator).yuan;
      const den = amountOf(draft, rule.denominator).yuan;
      const need = scaled(rule.ratio) * den;
      gauges.push({
        ruleId: rule.id,
        percent: clampPercent(num * 10_000n, need),
        ok: den > 0n && num * 10_000n >= need,
        actual: den === 0n ? '尚未填写财政资金' : `1:${ratioText(num, den)}`,
        required: `至少 ${rule.ratioLabel ?? `1:${rule.ratio}`}`,
      });
    } else if (rule.kind === 'shareOfTotalAtLeast') {
      const part = amountOf(draft, rule.part).yuan;
      const total = rule.others.reduce((sum, a) => sum + amountOf(draft, a).yuan, part);
      const need = scaled(rule.percent) * total;
      gauges.push({
        ruleId: rule.id,
        percent: clampPercent(part * 100n * 10_000n, need),
        ok: total > 0n && part * 100n * 10_000n >= need,
        actual: total === 0n ? '尚未填写预算' : `${ratioText(part * 100n, total)}%`,
        required: `不低于 ${rule.percent}%`,
      });
    }
  }
  return gauges;
}
