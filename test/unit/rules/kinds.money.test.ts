import { describe, expect, it } from 'vitest';
import { makeDraft, outcome, rule, run } from './helpers';

const budget = (fiscal: number | null, selfRaised: number | null) =>
  makeDraft({ tables: { budget: [{ key: 'equipment', fiscal, selfRaised }, { key: 'materials', fiscal: 0, selfRaised: null }] } });
const fiscal = { table: 'budget', column: 'fiscal' };
const selfRaised = { table: 'budget', column: 'selfRaised' };

describe('ratioAtLeast (selfRaised ≥ ratio × fiscal, exact)', () => {
  const r = rule('ratioAtLeast', { numerator: selfRaised, denominator: fiscal, ratio: 2, ratioLabel: '1:2' }, { message: '自筹经费至少按1:2配套' });
  it('exactly 1:2 passes, one yuan less fails', () => {
    expect(outcome(r, budget(500_000, 1_000_000))).toBe('pass');
    const failed = run(r, budget(500_000, 999_999));
    expect(failed.outcome).toBe('fail');
    expect(failed.message).toBe('自筹经费至少按1:2配套：财政资金50万元，自筹资金99.9999万元，未达到1:2');
    expect(failed.field).toBe('budget');
  });
  it('handles fractional ratios exactly (1:1.5)', () => {
    const r15 = rule('ratioAtLeast', { numerator: selfRaised, denominator: fiscal, ratio: 1.5 });
    expect(outcome(r15, budget(2, 3))).toBe('pass');
    expect(outcome(r15, budget(200_001, 300_001))).toBe('fail');
  });
  it('cannot be checked (pending, blocking) while the denominator is 0', () => {
    expect(outcome(r, budget(0, 0))).toBe('pending');
    expect(outcome(r, makeDraft())).toBe('pending');
    expect(run(r, makeDraft()).severity).toBe('incomplete');
  });
  it('sums only the listed rows', () => {
    const rows = rule('ratioAtLeast', { numerator: { ...selfRaised, rows: ['equipment'] }, denominator: { ...fiscal, rows: ['equipment'] }, ratio: 1 });
    const d = makeDraft({ tables: { budget: [{ key: 'equipment', fiscal: 10, selfRaised: 10 }, { key: 'labor', fiscal: 100, selfRaised: 0 }] } });
    expect(outcome(rows, d)).toBe('pass');
  });
});

describe('shareOfTotalAtLeast', () => {
  const r = rule('shareOfTotalAtLeast', { part: selfRaised, others: [fiscal], percent: 70 });
  it('exactly 70% passes, just under fails', () => {
    expect(outcome(r, budget(300_000, 700_000))).toBe('pass');
    const failed = run(r, budget(300_001, 700_000));
    expect(failed.outcome).toBe('fail');
    expect(failed.message).toContain('低于70%');
  });
  it('cannot be checked while the total is 0', () => {
    expect(outcome(r, budget(0, 0))).toBe('pending');
  });
});

describe('moneyRange', () => {
  const r = rule('moneyRange', { amount: fiscal, min: 100_000, max: 500_000 });
  it('includes both bounds', () => {
    expect(outcome(r, budget(100_000, 0))).toBe('pass');
    expect(outcome(r, budget(500_000, 0))).toBe('pass');
    expect(outcome(r, budget(99_999, 0))).toBe('fail');
    const failed = run(r, budget(500_001, 0));
    expect(failed.message).toContain('财政资金为50.0001万元，超过50万元');
  });
  it('reads a money field; blank cannot be checked yet unless the rule is only about filled amounts', () => {
    const f = rule('moneyRange', { amount: { field: 'funding.total' }, max: 10 });
    expect(outcome(f, makeDraft({ values: { 'funding.total': 11 } }))).toBe('fail');
    expect(outcome(f, makeDraft({ values: { 'funding.total': null } }))).toBe('pending');
    expect(outcome(r, makeDraft())).toBe('pending');
    const ifFilled = rule('moneyRange', { amount: { field: 'funding.total' }, min: 0, ifFilled: true });
    expect(outcome(ifFilled, makeDraft())).toBe('notApplicable');
    expect(outcome(ifFilled, makeDraft({ values: { 'funding.total': -5 } }))).toBe('fail');
  });
  it('max 0 says the amount must be zero (「不得用于购置固定资产」)', () => {
    const none = rule('moneyRange', { amount: { table: 'budget', column: 'fiscal', rows: ['equipment'] }, max: 0 });
    expect(outcome(none, makeDraft({ tables: { budget: [{ key: 'equipment', fiscal: 0 }, { key: 'materials', fiscal: 9 }] } }))).toBe('pass');
    expect(outcome(none, makeDraft({ tables: { budget: [{ key: 'equipment', fiscal: 1 }] } }))).toBe('fail');
  });
});

describe('sumEquals', () => {
  const r = rule('sumEquals', { amounts: [fiscal, selfRaised], equals: { field: 'funding.total' } });
  it('passes when equal and fails otherwise', () => {
    expect(outcome(r, makeDraft({ tables: { budget: [{ key: 'equipment', fiscal: 3, selfRaised: 4 }] }, values: { 'funding.total': 7 } }))).toBe('pass');
    expect(outcome(r, makeDraft({ tables: { budget: [{ key: 'equipment', fiscal: 3, selfRaised: 4 }] }, values: { 'funding.total': 8 } }))).toBe('fail');
    expect(outcome(r, makeDraft())).toBe('notApplicable');
  });
  it('with ifFilled: an empty stated total is left to its 必填 rule, an empty budget waits, blank cells of a filled budget count 0', () => {
    const stated = rule('sumEquals', { amounts: [fiscal, selfRaised], equals: { field: 'funding.total' }, ifFilled: true });
    const budget = [{ key: 'equipment', fiscal: 30_000 }];
    expect(outcome(stated, makeDraft({ tables: { budget } }))).toBe('notApplicable');
    const waiting = run(stated, makeDraft({ values: { 'funding.total': 30_000 } }));
    expect(waiting.outcome).toBe('pending');
    expect(waiting.message).toContain('无法检查：请先填写「经费预算表（万元）」');
    expect(outcome(stated, makeDraft({ tables: { budget }, values: { 'funding.total': 30_000 } }))).toBe('pass');
    const off = run(stated, makeDraft({ tables: { budget }, values: { 'funding.total': 40_000 } }));
    expect(off.outcome).toBe('fail');
    expect(off.message).toContain('各项合计3万元，项目总经费4万元，两者不一致');
  });
});
