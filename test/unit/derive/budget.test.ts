import { describe, expect, it } from 'vitest';
import { childrenOf, columnTotal, ratioGauges, sumYuan } from '../../../renderer/src/fields/budget';
import { BUDGET_ROWS } from '../../../shared/pack/defaultTemplate';
import { resolveProgram } from '../../../shared/pack/resolve';
import { makeDraft, makePack, rule } from '../rules/helpers';

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
});

describe('self-funding gauges', () => {
  const ratioRule = rule('ratioAtLeast', {
    numerator: { table: 'budget', column: 'selfRaised' },
    denominator: { table: 'budget', column: 'fiscal' },
    ratio: 2,
    when: { field: 'applicant.unitType', equals: 'enterprise' },
  });
  const shareRule = rule('shareOfTotalAtLeast', { part: { table: 'budget', column: 'selfRaised' }, others: [{ table: 'budget', column: 'fiscal' }], percent: 70 });

  it('reads the ratio rule that applies and compares exactly', () => {
    const resolved = resolveProgram(makePack([ratioRule]), 'p1', 'application');
    const [below] = ratioGauges(resolved, budget([{ key: 'equipment', fiscal: 100_000, selfRaised: 199_999 }]));
    expect(below).toMatchObject({ ok: false, actual: '1:1.99', required: '至少 1:2', percent: 99 });
    const [met] = ratioGauges(resolved, budget([{ key: 'equipment', fiscal: 100_000, selfRaised: 150_000 }, { key: 'labor', selfRaised: 50_000 }]));
    expect(met).toMatchObject({ ok: true, actual: '1:2.00', percent: 100 });
  });

  it('leaves out a rule whose condition does not hold, and shows a share rule as a percentage', () => {
    const resolved = resolveProgram(makePack([ratioRule, shareRule]), 'p1', 'application');
    const university = makeDraft({ tables: { budget: [{ key: 'equipment', fiscal: 30_000, selfRaised: 70_000 }] }, values: { 'applicant.unitType': 'university' } });
    expect(ratioGauges(resolved, university)).toEqual([{ ruleId: expect.any(String), ok: true, actual: '70.00%', required: '不低于 70%', percent: 100 }]);
  });

  it('has no gauge without a guideline', () => {
    expect(ratioGauges(null, budget([]))).toEqual([]);
  });
});
