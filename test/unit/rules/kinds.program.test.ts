import { describe, expect, it } from 'vitest';
import type { OtherDraft } from '../../../shared/rules/types';
import { makeDraft, outcome, rule, run } from './helpers';

const ref = { sha256: 'a'.repeat(64), name: '营业执照.pdf', size: 10, mediaType: 'application/pdf', addedAt: '2020-01-01T00:00:00+08:00' };

describe('declarationTrue and attachmentPresent', () => {
  it('declarationTrue needs the box ticked', () => {
    const r = rule('declarationTrue', { declaration: 'decl.credit' });
    expect(outcome(r, makeDraft())).toBe('fail');
    expect(outcome(r, makeDraft({ declarations: { 'decl.credit': false } }))).toBe('fail');
    expect(outcome(r, makeDraft({ declarations: { 'decl.credit': true } }))).toBe('pass');
  });
  it('attachmentPresent needs a file, and honours the checklist item condition', () => {
    const r = rule('attachmentPresent', { slot: 'att.licence' });
    const program = { attachments: [{ id: 'att.licence', name: '营业执照', required: false, when: { field: 'applicant.unitType', equals: 'enterprise' } }] };
    expect(outcome(r, makeDraft({ values: { 'applicant.unitType': 'enterprise' } }), { program })).toBe('fail');
    expect(outcome(r, makeDraft({ values: { 'applicant.unitType': 'enterprise' }, attachments: { 'att.licence': [ref] } }), { program })).toBe('pass');
    expect(outcome(r, makeDraft({ values: { 'applicant.unitType': 'university' } }), { program })).toBe('notApplicable');
  });
});

describe('applicationWindow', () => {
  const r = rule('applicationWindow', {}, { severity: 'warning', message: '不在申报时间内' });
  it('passes inside the window, including the closing day', () => {
    expect(outcome(r, makeDraft(), { today: '2020-01-15' })).toBe('pass');
    expect(outcome(r, makeDraft(), { today: '2020-03-30' })).toBe('pass');
  });
  it('fails after the close and before the opening, with the dates', () => {
    const late = run(r, makeDraft(), { today: '2020-03-31' });
    expect(late.outcome).toBe('fail');
    expect(late.severity).toBe('warning');
    expect(late.message).toBe('不在申报时间内：申报已于 2020-03-30 18:00 截止');
    expect(run(r, makeDraft(), { today: '2020-01-14' }).message).toBe('不在申报时间内：申报将于 2020-01-15 开始');
  });
  it('with a clock, a deadline at a time of day closes at that minute, not at the end of the day', () => {
    expect(outcome(r, makeDraft(), { today: '2020-03-30', now: '2020-03-30T17:59:00+08:00' })).toBe('pass');
    const evening = run(r, makeDraft(), { today: '2020-03-30', now: '2020-03-30T10:01:00Z' });
    expect(evening.outcome).toBe('fail');
    expect(evening.message).toBe('不在申报时间内：申报已于 2020-03-30 18:00 截止');
    expect(outcome(r, makeDraft(), { today: '2020-01-14', now: '2020-01-14T16:00:00Z' })).toBe('pass');
    expect(outcome(r, makeDraft(), { today: '2020-01-14', now: '2020-01-14T15:59:00Z' })).toBe('fail');
  });
});

describe('dateInWindow', () => {
  const r = rule('dateInWindow', { field: 'project.applicationDate' }, { severity: 'warning', message: '申报日期应在申报时间之内' });
  const on = (date: string) => makeDraft({ values: { 'project.applicationDate': date } });
  it('blank is left for the pen: not checked', () => {
    expect(outcome(r, makeDraft())).toBe('notApplicable');
  });
  it('passes on the opening and the closing day, whatever the validation date', () => {
    expect(outcome(r, on('2020-01-15'), { today: '2026-12-06' })).toBe('pass');
    expect(outcome(r, on('2020-03-30'), { today: '2026-12-06' })).toBe('pass');
  });
  it('fails before the opening and after the close, naming both dates', () => {
    const late = run(r, on('2020-03-31'));
    expect(late.outcome).toBe('fail');
    expect(late.severity).toBe('warning');
    expect(late.message).toBe('申报日期应在申报时间之内：填写为2020-03-31，晚于申报截止日2020-03-30');
    expect(run(r, on('2020-01-14')).message).toBe('申报日期应在申报时间之内：填写为2020-01-14，早于申报开始日2020-01-15');
  });
  it('an invalid date is named', () => {
    expect(run(r, on('2020-02-30')).message).toContain('「2020-02-30」不是有效日期');
  });
});

describe('programAccepting and priorityClaimed', () => {
  it('programAccepting fails with the reason', () => {
    const r = rule('programAccepting', {}, { message: '本专项本次不受理' });
    expect(outcome(r, makeDraft())).toBe('pass');
    const closed = run(r, makeDraft(), { program: { accepting: false, notAcceptingReason: '本次暂不受理' } });
    expect(closed.outcome).toBe('fail');
    expect(closed.message).toContain('本次暂不受理');
  });
  it('priorityClaimed is met when the option is chosen', () => {
    const r = rule('priorityClaimed', { field: 'priorities', option: 'hightech' }, { severity: 'info' });
    const met = run(r, makeDraft({ values: { priorities: ['hightech'] } }));
    expect(met.outcome).toBe('met');
    expect(met.severity).toBe('info');
    expect(outcome(r, makeDraft({ values: { priorities: ['other'] } }))).toBe('notApplicable');
    expect(outcome(r, makeDraft())).toBe('notApplicable');
  });
});

describe('crossDraftLimit (local store only)', () => {
  const r = rule('crossDraftLimit', { key: 'pi.idNumber', max: 1, scope: 'sameYear', groupBy: 'none' });
  const other = (id: string, value: string, extra: Partial<OtherDraft> = {}): OtherDraft => ({
    id,
    packId: 'other-pack',
    packVersion: '1.0.0',
    year: 2020,
    programId: 'x',
    directionPath: [],
    documentType: 'application',
    values: { 'pi.idNumber': value },
    ...extra,
  });
  const mine = makeDraft({ values: { 'pi.idNumber': 'ABC' } });
  it('counts this draft plus matching other drafts in the same year', () => {
    expect(outcome(r, mine, { otherDrafts: [] })).toBe('pass');
    expect(outcome(r, mine, { otherDrafts: [other('o1', 'XYZ'), other('o2', 'abc', { year: 2019 })] })).toBe('pass');
    const failed = run(r, mine, { otherDrafts: [other('o1', 'abc')] });
    expect(failed.outcome).toBe('fail');
    expect(failed.message).toContain('共有 2 份');
    expect(failed.message).toContain('仅统计本机草稿');
  });
  it('ignores this draft in the list, other document types, and groups by program', () => {
    expect(outcome(r, mine, { otherDrafts: [other(mine.id, 'ABC'), other('o2', 'ABC', { documentType: 'proposal' })] })).toBe('pass');
    const byProgram = rule('crossDraftLimit', { key: 'pi.idNumber', max: 1, scope: 'samePack', groupBy: 'program' });
    const samePack = { packId: 'test-pack' };
    expect(outcome(byProgram, mine, { otherDrafts: [other('o1', 'ABC', { ...samePack, programId: 'p2' })] })).toBe('pass');
    expect(outcome(byProgram, mine, { otherDrafts: [other('o1', 'ABC', { ...samePack, programId: 'p1' })] })).toBe('fail');
  });
  it('waits for the key while it is empty', () => {
    expect(outcome(r, makeDraft(), { otherDrafts: [other('o1', '')] })).toBe('pending');
  });
  it('one list of other drafts checked for several drafts and key fields counts each by its own value', () => {
    // The home page checks every draft against the same list: what one check looked up must not leak into the next.
    const others = [other('o1', ' abc '), other('o2', 'XYZ', { values: { 'pi.idNumber': 'XYZ', 'applicant.uscc': 'U1' } }), other('o3', 'xyz')];
    const byUnit = rule('crossDraftLimit', { key: 'applicant.uscc', max: 1, scope: 'sameYear', groupBy: 'none' });
    expect(run(r, mine, { otherDrafts: others }).message).toContain('共有 2 份');
    expect(run(r, makeDraft({ values: { 'pi.idNumber': 'xyz' } }), { otherDrafts: others }).message).toContain('共有 3 份');
    expect(outcome(r, makeDraft({ values: { 'pi.idNumber': 'QQQ' } }), { otherDrafts: others })).toBe('pass');
    expect(run(byUnit, makeDraft({ values: { 'applicant.uscc': 'u1' } }), { otherDrafts: others }).message).toContain('共有 2 份');
    expect(outcome(byUnit, makeDraft({ values: { 'applicant.uscc': 'ABC' } }), { otherDrafts: others })).toBe('pass');
  });
});
