import { describe, expect, it } from 'vitest';
import { makeDraft, outcome, rule, run } from './helpers';

const members = (rows: Record<string, string>[]) => makeDraft({ tables: { members: rows } });

describe('tableRowCount', () => {
  it('counts filled rows, optionally filtered', () => {
    const r = rule('tableRowCount', { table: 'members', min: 2, max: 3 });
    expect(outcome(r, members([{ name: '甲' }]))).toBe('fail');
    expect(outcome(r, members([{ name: '甲' }, { name: '' }]))).toBe('fail');
    expect(outcome(r, members([{ name: '甲' }, { name: '乙' }]))).toBe('pass');
    expect(run(r, members([{ name: '甲' }, { name: '乙' }, { name: '丙' }, { name: '丁' }])).message).toContain('现有 4 行，最多 3 行');
    const where = rule('tableRowCount', { table: 'members', min: 1, where: [{ column: 'title', constraint: { in: ['教授'] } }] });
    expect(outcome(where, members([{ name: '甲', title: '讲师' }]))).toBe('fail');
    expect(outcome(where, members([{ name: '甲', title: '教授' }]))).toBe('pass');
  });
});

describe('columnConstraint', () => {
  it('reports the failing rows', () => {
    const r = rule('columnConstraint', { table: 'members', column: 'unit', constraint: { filled: true } });
    expect(outcome(r, members([{ name: '甲', unit: '某大学' }]))).toBe('pass');
    expect(run(r, members([{ name: '甲', unit: '某大学' }, { name: '乙' }])).message).toContain('「工作单位」第2行未填写');
  });
  it('skips blank cells for value constraints and checks dates and formats', () => {
    const date = rule('columnConstraint', { table: 'achievements', column: 'date', constraint: { dateOnOrAfter: '2019-01-01' } });
    const rows = (d: string) => makeDraft({ tables: { achievements: [{ name: '成果', date: d }] } });
    expect(outcome(date, rows('2019-01-01'))).toBe('pass');
    expect(outcome(date, rows('2018-12-31'))).toBe('fail');
    expect(outcome(date, rows(''))).toBe('pass');
    const fmt = rule('columnConstraint', { table: 'members', column: 'idNumber', constraint: { format: 'idNumber' } });
    expect(outcome(fmt, members([{ name: '甲', idNumber: '123' }]))).toBe('fail');
    const notIn = rule('columnConstraint', { table: 'members', column: 'title', constraint: { notIn: ['无'] } });
    expect(outcome(notIn, members([{ name: '甲', title: '无' }]))).toBe('fail');
  });
});

describe('partnerOutsideRegion', () => {
  const r = rule('partnerOutsideRegion', { table: 'partners', column: 'region', regions: ['65', '66'], min: 1 });
  it('needs a partner whose region is outside', () => {
    // No partner at all: the requirement waits for the table (无法检查：请先填写合作单位), it is not yet wrong.
    expect(outcome(r, makeDraft())).toBe('pending');
    expect(outcome(r, makeDraft({ tables: { partners: [{ name: '新疆某所', region: '65' }] } }))).toBe('fail');
    expect(outcome(r, makeDraft({ tables: { partners: [{ name: '新疆某所', region: '65' }, { name: '北京某所', region: '11' }] } }))).toBe('pass');
  });
});
