import { describe, expect, it } from 'vitest';
import { makeDraft, outcome, rule, run } from './helpers';

const district = rule('regionWithin', { field: 'applicant.regionCode', regions: ['620102'] });
const withCode = (code: string | null) => makeDraft({ values: { 'applicant.regionCode': code } });

describe('regionWithin (注册地 by GB/T 2260 code)', () => {
  it('passes inside the district and names the place', () => {
    const r = run(district, withCode('620102'));
    expect(r.outcome).toBe('pass');
    expect(r.message).toContain('甘肃省兰州市城关区');
  });

  it('fails in another district or province, naming both places', () => {
    expect(run(district, withCode('620103')).message).toContain('注册地为甘肃省兰州市七里河区，不在甘肃省兰州市城关区');
    expect(outcome(district, withCode('650105'))).toBe('fail');
    expect(outcome(district, withCode('110000'))).toBe('fail');
  });

  it('without a code it cannot be checked, and asks for the region (省/市/区)', () => {
    for (const draft of [makeDraft(), withCode(null), withCode('  ')]) {
      const r = run(district, draft);
      expect(r.outcome).toBe('pending');
      expect(r.severity).toBe('incomplete');
      expect(r.message).toContain('无法检查：请先选择注册地（省/市/区）');
    }
  });

  it('an old draft with only the text 注册地 is pending, not passed by its words', () => {
    const r = run(district, makeDraft({ values: { 'applicant.region': '甘肃省兰州市城关区', 'applicant.province': '62' } }));
    expect(r.outcome).toBe('pending');
    expect(r.message).toContain('请先选择注册地（省/市/区）');
  });

  it('a code chosen only down to the city cannot say yes or no: pending, asking for the next level', () => {
    const r = run(district, withCode('620100'));
    expect(r.outcome).toBe('pending');
    expect(r.message).toContain('只选到「甘肃省兰州市」');
  });

  it('a code outside the table is an error that shows it', () => {
    const r = run(district, withCode('123456'));
    expect(r.outcome).toBe('fail');
    expect(r.message).toContain('「123456」不是行政区划代码表');
  });

  it('province-level areas accept every place below them', () => {
    const xinjiang = rule('regionWithin', { field: 'applicant.regionCode', regions: ['650000'] });
    for (const code of ['650000', '650105', '650203', '659001']) expect(outcome(xinjiang, withCode(code))).toBe('pass');
    expect(outcome(xinjiang, withCode('620102'))).toBe('fail');
  });

  it('without regions (the form check) only the code is checked; empty is not its business', () => {
    const form = rule('regionWithin', { field: 'applicant.regionCode' });
    expect(outcome(form, withCode('650105'))).toBe('pass');
    expect(outcome(form, withCode('650199'))).toBe('fail');
    expect(outcome(form, makeDraft())).toBe('notApplicable');
  });

  it('the pack schema refuses region codes that are not in the table', () => {
    expect(() => run(rule('regionWithin', { field: 'applicant.regionCode', regions: ['620199'] }), makeDraft())).toThrow();
  });
});
