import type { Draft } from '../model/draft';
import type { Rule } from '../pack/rules';
import { amountOf } from '../rules/access';

type RatioRule = Extract<Rule, { kind: 'ratioAtLeast' | 'shareOfTotalAtLeast' }>;

/** Ratios and percents may be fractional (1:1.5, 66.67%): compare in units of 1/10000, exactly. */
export const scaled = (x: number): bigint => BigInt(Math.round(x * 10_000));

/** Two decimals of a/b, exactly (truncated), as text. */
export function ratioText(a: bigint, b: bigint): string {
  const hundredths = (a * 100n) / b;
  return `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;
}

/**
 * One self-funding requirement against the draft, computed once for the rule kinds and the
 * wizard's gauges. `base` is zero when nothing is filled in: the rule then cannot be checked.
 */
export interface RatioStatus {
  /** Denominator (ratio rules) or total (share rules), integer yuan. */
  base: bigint;
  /** Numerator (ratio rules) or part (share rules), integer yuan. */
  part: bigint;
  ok: boolean;
  /** 0–100: how much of the requirement is reached. */
  percent: number;
  /** 「1:2.50」 or 「72.50%」; null when `base` is zero. */
  actual: string | null;
  required: string;
}

const clampPercent = (num: bigint, den: bigint): number => (den === 0n ? 0 : Number(num >= den ? 100n : (num * 100n) / den));

export function ratioStatus(rule: RatioRule, draft: Draft): RatioStatus {
  if (rule.kind === 'ratioAtLeast') {
    const part = amountOf(draft, rule.numerator).yuan;
    const base = amountOf(draft, rule.denominator).yuan;
    const need = scaled(rule.ratio) * base;
    return {
      base,
      part,
      ok: base > 0n && part * 10_000n >= need,
      percent: clampPercent(part * 10_000n, need),
      actual: base === 0n ? null : `1:${ratioText(part, base)}`,
      required: rule.ratioLabel ?? `1:${rule.ratio}`,
    };
  }
  const part = amountOf(draft, rule.part).yuan;
  const base = rule.others.reduce((sum, a) => sum + amountOf(draft, a).yuan, part);
  const need = scaled(rule.percent) * base;
  return {
    base,
    part,
    ok: base > 0n && part * 100n * 10_000n >= need,
    percent: clampPercent(part * 100n * 10_000n, need),
    actual: base === 0n ? null : `${ratioText(part * 100n, base)}%`,
    required: `${rule.percent}%`,
  };
}
