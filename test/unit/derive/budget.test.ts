import { describe, expect, it } from 'vitest';
import { childrenOf, columnTotal, fixedRowAmount, sumYuan } from '../../../shared/derive/budget';
import { ratioStatus } from '../../../shared/derive/ratios';
import { BUDGET_ROWS } from '../../../shared/pack/defaultTemplate';
import type { Rule } from '../../../shared/pack/rules';
import { makeDraft, rule } from '../rules/helpers';

const budget = (rows: Record<string, string | number>[]) => makeDraft({ tables: { budget: rows }, values: { 'applicant.unitType': 'enterprise' } });

describe('budget sums', () => {
  it('adds integer yuan exactly where floats would drift', () => {
    // 0.1 + 0.2 万元 in float is 0.30000000000000004; in yuan it is 1000 + 2000.
    expect(sumYuan([1000, 2000, null, undefined, ''])).toBe(3000n);
    expect(columnTotal([{ key: 'equipment', fiscal: 125_000 }, { key: 'materials', fiscal: 1 }, { key: 'testing' }], 'fiscal')).toBe(125_001n);
  });

  it('the 业务费 heading has the six business rows as children; leaf rows have none', () => {
    const business = BUDGET_ROWS.findIndex((r) => r.key === 'business');
    expect(childrenOf(BUDGET_ROWS, business).map((r) => r.key)).toEqual(['materials', 'testing', 'fuel', 'publication', 'meetings', 'otherBusiness']);
    expect(childrenOf(BUDGET_ROWS, 0)).toEqual([]);
    expect(childrenOf(BUDGET_ROWS, business + 1)).toEqual([]);
  });

  it('a heading amount is the sum of its sub-rows; a leaf row is its own cell', () => {
    const business = BUDGET_ROWS.findIndex((r) => r.key === 'business');
    const rows = [{ key: 'materials', fiscal: 10_000 }, { key: 'meetings', fiscal: 2_500 }, { key: 'equipment', fiscal: 7 }];
    expect(fixedRowAmount(BUDGET_ROWS, business, rows, 'fiscal')).toBe(12_500n);
    expect(fixedRowAmount(BUDGET_ROWS, 0, rows, 'fiscal')).toBe(7n);
  });
});

describe('self-funding ratios (one computation for the rules and the gauges)', () => {
  const ratioRule = rule('ratioAtLeast', {
    numerator: { table: 'budget', column: 'selfRaised' },
    denominator: { table: 'budget', column: 'fiscal' },
    ratio: 2,
  }) as Extract<Rule, { kind: 'ratioAtLeast' }>;
  const shareRule = rule('shareOfTotalAtLeast', { part: { table: 'budget', column: 'selfRaised' }, others: [{ table: 'budget', column: 'fiscal' }], percent: 70 }) as Extract<Rule, { kind: 'shareOfTotalAtLeast' }>;

  it('compares a ratio exactly', () => {
    expect(ratioStatus(ratioRule, budget([{ key: 'equipment', fiscal: 100_000, selfRaised: 199_999 }]))).toMatchObject({ ok: false, actual: '1:1.99', required: '1:2', percent: 99 });
    expect(ratioStatus(ratioRule, budget([{ key: 'equipment', fiscal: 100_000, selfRaised: 150_000 }, { key: 'labor', selfRaised: 50_000 }]))).toMatchObject({ ok: true, actual: '1:2.00', percent: 100 });
  });

  it('shows a share as a percentage, and has no actual value before the budget is filled in', () => {
    expect(ratioStatus(shareRule, budget([{ key: 'equipment', fiscal: 30_000, selfRaised: 70_000 }]))).toMatchObject({ ok: true, actual: '70.00%', required: '70%', percent: 100 });
    expect(ratioStatus(shareRule, budget([]))).toMatchObject({ ok: false, actual: null, base: 0n });
  });
});
