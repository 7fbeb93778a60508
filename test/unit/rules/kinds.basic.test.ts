import { describe, expect, it } from 'vitest';
import { idFor, makeDraft, outcome, rule, run } from './helpers';

describe('required', () => {
  const r = rule('required', { field: 'project.name' });
  it('fails on empty, blank or missing values and passes on text', () => {
    expect(outcome(r, makeDraft())).toBe('fail');
    expect(outcome(r, makeDraft({ values: { 'project.name': '   ' } }))).toBe('fail');
    expect(outcome(r, makeDraft({ values: { 'project.name': null } }))).toBe('fail');
    expect(outcome(r, makeDraft({ values: { 'project.name': '智慧农业' } }))).toBe('pass');
  });
  it('checks tables (a filled row), attachment slots and monthRanges', () => {
    expect(outcome(rule('required', { field: 'members' }), makeDraft({ tables: { members: [{ name: '' }] } }))).toBe('fail');
    expect(outcome(rule('required', { field: 'members' }), makeDraft({ tables: { members: [{ name: '张三' }] } }))).toBe('pass');
    expect(outcome(rule('required', { field: 'project.period' }), makeDraft({ values: { 'project.period': ['', ''] } }))).toBe('fail');
  });
  it('is not applicable when its condition is false', () => {
    const conditional = rule('required', { field: 'project.name' }, { when: { field: 'applicant.unitType', equals: 'enterprise' } });
    expect(outcome(conditional, makeDraft({ values: { 'applicant.unitType': 'university' } }))).toBe('notApplicable');
    expect(outcome(conditional, makeDraft({ values: { 'applicant.unitType': 'enterprise' } }))).toBe('fail');
  });
});

describe('format', () => {
  it('checks ID numbers with the reason, and is not applicable when empty', () => {
    const r = rule('format', { field: 'pi.idNumber', format: 'idNumber' });
    expect(outcome(r, makeDraft({ values: { 'pi.idNumber': idFor('19800101') } }))).toBe('pass');
    const bad = run(r, makeDraft({ values: { 'pi.idNumber': '650102198001010110' } }));
    expect(bad.outcome).toBe('fail');
    expect(bad.message).toContain('校验码不正确');
    expect(outcome(r, makeDraft())).toBe('notApplicable');
  });
  it('checks USCC, mobile, phone, email and postcode', () => {
    const check = (format: string, value: string) => outcome(rule('format', { field: 'x', format }), makeDraft({ values: { x: value } }));
    expect(check('uscc', '91350100M000100Y43')).toBe('pass');
    expect(check('uscc', '91350100M000100Y44')).toBe('fail');
    expect(check('mobile', '13912345678')).toBe('pass');
    expect(check('mobile', '12912345678')).toBe('fail');
    expect(check('phone', '0991-4567890')).toBe('pass');
    expect(check('phone', '4567')).toBe('fail');
    expect(check('email', 'a.b@example.com.cn')).toBe('pass');
    expect(check('email', 'a@b')).toBe('fail');
    expect(check('postcode', '830063')).toBe('pass');
    expect(check('postcode', '83006')).toBe('fail');
  });
});

describe('textLength (Word 字数)', () => {
  const r = rule('textLength', { field: 'project.summary', max: 5, min: 2 });
  it('counts CJK characters and Latin runs', () => {
    expect(outcome(r, makeDraft({ values: { 'project.summary': '智慧农业AI' } }))).toBe('pass');
    expect(run(r, makeDraft({ values: { 'project.summary': '智慧农业技术研究' } })).message).toContain('现有 8 字，超过 5 字');
    expect(outcome(r, makeDraft({ values: { 'project.summary': '农' } }))).toBe('fail');
    expect(outcome(r, makeDraft())).toBe('notApplicable');
  });
});

describe('rich narrative fields (stored as ProseMirror JSON)', () => {
  const doc = (text: string) =>
    JSON.stringify({ type: 'doc', content: [{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '背景' }] }, { type: 'paragraph', content: [{ type: 'text', text }] }] });
  const empty = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph' }] });
  it('textLength counts the text, not the JSON', () => {
    const r = rule('textLength', { field: 'narrative.basis', max: 6 });
    expect(run(r, makeDraft({ values: { 'narrative.basis': doc('智慧农业') } })).message).toContain('现有 6 字');
    expect(run(r, makeDraft({ values: { 'narrative.basis': doc('智慧农业技术') } })).message).toContain('现有 8 字，超过 6 字');
    expect(outcome(r, makeDraft({ values: { 'narrative.basis': empty } }))).toBe('notApplicable');
  });
  it('required treats an editor with no text as not filled', () => {
    const r = rule('required', { field: 'narrative.basis' });
    expect(outcome(r, makeDraft({ values: { 'narrative.basis': empty } }))).toBe('fail');
    expect(outcome(r, makeDraft({ values: { 'narrative.basis': doc('农') } }))).toBe('pass');
    expect(outcome(r, makeDraft({ values: { 'narrative.basis': '旧草稿里的纯文本' } }))).toBe('pass');
  });
});

describe('numberRange, valueIn, valueNotIn', () => {
  it('numberRange includes bounds', () => {
    const r = rule('numberRange', { field: 'n', min: 1, max: 3 });
    expect(outcome(r, makeDraft({ values: { n: 1 } }))).toBe('pass');
    expect(outcome(r, makeDraft({ values: { n: 3 } }))).toBe('pass');
    expect(outcome(r, makeDraft({ values: { n: 4 } }))).toBe('fail');
    expect(outcome(r, makeDraft({ values: { n: 'abc' } }))).toBe('fail');
    expect(outcome(r, makeDraft())).toBe('notApplicable');
  });
  it('valueIn / valueNotIn on selects and multiSelects', () => {
    const inR = rule('valueIn', { field: 'applicant.unitType', values: ['enterprise', 'university'] });
    expect(outcome(inR, makeDraft({ values: { 'applicant.unitType': 'enterprise' } }))).toBe('pass');
    expect(outcome(inR, makeDraft({ values: { 'applicant.unitType': 'socialOrg' } }))).toBe('fail');
    // Empty: cannot be checked yet, and says what to fill in (it blocks 定稿 until then).
    expect(outcome(inR, makeDraft())).toBe('pending');
    expect(run(inR, makeDraft()).message).toContain('无法检查：请先填写「单位性质」');
    const notIn = rule('valueNotIn', { field: 'x.exclusions', values: ['debt', 'fraud'] });
    expect(outcome(notIn, makeDraft({ values: { 'x.exclusions': ['none'] } }))).toBe('pass');
    expect(run(notIn, makeDraft({ values: { 'x.exclusions': ['none', 'fraud'] } })).message).toContain('「fraud」');
  });
});

describe('directionChosen', () => {
  const r = rule('directionChosen', { leaf: true });
  it('requires a known path down to a leaf', () => {
    expect(outcome(r, makeDraft({ directionPath: [] }))).toBe('fail');
    expect(outcome(r, makeDraft({ directionPath: ['a'] }))).toBe('fail');
    expect(outcome(r, makeDraft({ directionPath: ['a', 'a1'] }))).toBe('pass');
    expect(outcome(r, makeDraft({ directionPath: ['b'] }))).toBe('pass');
    expect(outcome(r, makeDraft({ directionPath: ['zzz'] }))).toBe('fail');
    expect(outcome(rule('directionChosen', {}), makeDraft({ directionPath: ['a'] }))).toBe('pass');
  });
});

describe('text that only looks like a rich document', () => {
  it('is counted as plain text', () => {
    expect(run(rule('textLength', { field: 'x', max: 100 }), makeDraft({ values: { x: '{不是文档' } })).message).toContain('现有 4 字');
  });
});
