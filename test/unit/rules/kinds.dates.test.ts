import { describe, expect, it } from 'vitest';
import { idFor, makeDraft, outcome, rule, run } from './helpers';

const age58 = rule('ageAtDate', { person: { idNumberField: 'pi.idNumber' }, at: { windowClose: true }, max: 58 }, { message: '项目负责人年龄不得超过58周岁' });
const withId = (birth: string) => makeDraft({ values: { 'pi.idNumber': idFor(birth) } });

describe('ageAtDate (full years at the window close, 2020-03-30 China time)', () => {
  it('passes at 58, the day before the 59th birthday', () => {
    expect(outcome(age58, withId('19610331'))).toBe('pass');
  });
  it('fails on the 59th birthday itself', () => {
    const r = run(age58, withId('19610330'));
    expect(r.outcome).toBe('fail');
    expect(r.message).toBe('项目负责人年龄不得超过58周岁：出生于1961-03-30，截至2020-03-30年满59周岁，超过58周岁');
    expect(r.field).toBe('pi.idNumber');
    expect(r.section).toBe('pi');
    expect(r.citation).toEqual({ document: '测试指南原文', clause: '二、申报要求（一）', quote: '申报单位须在本区注册', source: 'guideline' });
  });
  it('gives the computed numbers in the message', () => {
    expect(run(age58, withId('19600312')).message).toBe('项目负责人年龄不得超过58周岁：出生于1960-03-12，截至2020-03-30年满60周岁，超过58周岁');
  });
  it('uses the China-time date of the close: 23:30 UTC on 03-29 is 03-30 in China', () => {
    const program = { window: { closes: '2020-03-29T23:30:00Z' } };
    expect(outcome(age58, withId('19610330'), { program })).toBe('fail');
    expect(outcome(age58, withId('19610331'), { program })).toBe('pass');
  });
  it('falls back to the validation date when there is no window close', () => {
    const packExtra = { window: { note: '常年受理' } };
    expect(outcome(age58, withId('19610330'), { packExtra, today: '2020-03-29' })).toBe('pass');
    expect(outcome(age58, withId('19610330'), { packExtra, today: '2020-03-30' })).toBe('fail');
  });
  it('honours a fixed date and a minimum', () => {
    const r = rule('ageAtDate', { person: { birthDateField: 'pi.birthDate' }, at: { date: '2020-01-01' }, min: 18 });
    expect(outcome(r, makeDraft({ values: { 'pi.birthDate': '2002-01-01' } }))).toBe('pass');
    expect(outcome(r, makeDraft({ values: { 'pi.birthDate': '2002-01-02' } }))).toBe('fail');
  });
  it('waits for the ID number while it is empty or invalid (the format rule reports an invalid one)', () => {
    expect(outcome(age58, makeDraft())).toBe('pending');
    expect(run(age58, makeDraft()).message).toContain('无法检查：请先填写「居民身份证号码」');
    const invalid = run(age58, makeDraft({ values: { 'pi.idNumber': '650102196103300110' } }));
    expect(invalid.outcome).toBe('pending');
    expect(invalid.message).toContain('请先填写「有效的居民身份证号码」');
  });
});

describe('bornOnOrAfter', () => {
  const r = rule('bornOnOrAfter', { person: { idNumberField: 'pi.idNumber' }, date: '1972-01-01' });
  it('passes on the date and fails the day before', () => {
    expect(outcome(r, withId('19720101'))).toBe('pass');
    const failed = run(r, withId('19711231'));
    expect(failed.outcome).toBe('fail');
    expect(failed.message).toContain('出生于1971-12-31，早于1972-01-01');
  });
  it('waits for the ID number when empty', () => {
    expect(outcome(r, makeDraft())).toBe('pending');
  });
});

describe('periodMonths (both ends counted)', () => {
  const r = rule('periodMonths', { field: 'project.period', max: 36 });
  const period = (a: string, b: string) => makeDraft({ values: { 'project.period': [a, b] } });
  it('exactly 36 months passes, 37 fails', () => {
    expect(outcome(r, period('2020-01', '2022-12'))).toBe('pass');
    const failed = run(r, period('2020-01', '2023-01'));
    expect(failed.outcome).toBe('fail');
    expect(failed.message).toContain('2020-01至2023-01共37个月，超过36个月');
  });
  it('checks a minimum', () => {
    const min = rule('periodMonths', { field: 'project.period', min: 12, max: 24 });
    expect(outcome(min, period('2020-01', '2020-11'))).toBe('fail');
    expect(outcome(min, period('2020-01', '2020-12'))).toBe('pass');
  });
  it('fails an end before the start and a malformed value; empty cannot be checked yet', () => {
    expect(outcome(r, period('2021-01', '2020-12'))).toBe('fail');
    expect(outcome(r, period('2021-13', '2022-01'))).toBe('fail');
    expect(outcome(r, makeDraft())).toBe('pending');
    expect(outcome(r, period('', ''))).toBe('pending');
  });
});

describe('dateOrder, dateOnOrAfter, dateOnOrBefore', () => {
  it('dateOrder passes equal dates and fails reversed ones', () => {
    const r = rule('dateOrder', { earlier: 'pi.birthDate', later: 'x.date' });
    expect(outcome(r, makeDraft({ values: { 'pi.birthDate': '2020-01-01', 'x.date': '2020-01-01' } }))).toBe('pass');
    expect(outcome(r, makeDraft({ values: { 'pi.birthDate': '2020-01-02', 'x.date': '2020-01-01' } }))).toBe('fail');
    expect(outcome(r, makeDraft({ values: { 'pi.birthDate': '2020-01-02' } }))).toBe('pending');
  });
  it('dateOnOrAfter / dateOnOrBefore include the boundary', () => {
    const after = rule('dateOnOrAfter', { field: 'x.date', date: '2019-01-01' });
    const before = rule('dateOnOrBefore', { field: 'x.date', date: '2019-01-01' });
    const d = (v: string) => makeDraft({ values: { 'x.date': v } });
    expect(outcome(after, d('2019-01-01'))).toBe('pass');
    expect(outcome(after, d('2018-12-31'))).toBe('fail');
    expect(outcome(before, d('2019-01-01'))).toBe('pass');
    expect(outcome(before, d('2019-01-02'))).toBe('fail');
    expect(outcome(after, d('不是日期'))).toBe('fail');
    expect(outcome(after, makeDraft())).toBe('pending');
  });
});

describe('yearsSince (成立满N年, counted at the window close 2020-03-30 China time)', () => {
  const founded = (v: string) => makeDraft({ values: { 'x.date': v } });
  const atLeast3 = rule('yearsSince', { field: 'x.date', at: { windowClose: true }, min: 3 }, { message: '申报单位须成立满3年' });
  it('completes a year on the anniversary, as ages do', () => {
    expect(outcome(atLeast3, founded('2017-03-30'))).toBe('pass');
    const r = run(atLeast3, founded('2017-03-31'));
    expect(r.outcome).toBe('fail');
    expect(r.message).toMatch(/^申报单位须成立满3年：.+为2017-03-31，截至2020-03-30满2年，不满3年$/);
    expect(r.field).toBe('x.date');
  });
  it('「成立不满5年」 is max 4: the fifth anniversary breaks it', () => {
    const under5 = rule('yearsSince', { field: 'x.date', at: { date: '2020-01-01' }, max: 4 });
    expect(outcome(under5, founded('2015-01-02'))).toBe('pass');
    expect(run(under5, founded('2015-01-01')).message).toMatch(/截至2020-01-01满5年，超过4年$/);
  });
  it('waits for an empty date and refuses a text that is not a date', () => {
    expect(outcome(atLeast3, makeDraft())).toBe('pending');
    expect(outcome(atLeast3, founded('去年'))).toBe('fail');
  });
});
