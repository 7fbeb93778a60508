/** The form's own rules (shared/pack/formRules.ts) as they appear in the one result list. */
import { describe, expect, it } from 'vitest';
import type { Draft } from '../../../shared/model/draft';
import { resolveProgram } from '../../../shared/pack/resolve';
import { createRuleEngine, summarize } from '../../../shared/rules/engine';
import type { AttachmentFact, RuleResult } from '../../../shared/rules/types';
import { idFor, makeDraft, makePack } from './helpers';

const SHA = 'b'.repeat(64);
const file = (name: string, size = 10) => ({ sha256: SHA, name, size, mediaType: 'application/pdf', addedAt: '2020-01-01T00:00:00+08:00' });

function results(draft: Draft, options: { rules?: unknown[]; program?: Record<string, unknown>; facts?: Record<string, AttachmentFact> } = {}): RuleResult[] {
  const resolved = resolveProgram(makePack(options.rules ?? [], options.program), 'p1', 'application')!;
  return createRuleEngine(resolved).evaluate(draft, { today: '2020-02-01', attachmentFacts: options.facts });
}
const byId = (list: RuleResult[], id: string): RuleResult => {
  const found = list.find((r) => r.ruleId === id);
  if (!found) throw new Error(`没有结果 ${id}`);
  return found;
};

describe('the form’s rules', () => {
  it('an empty required field is 待填写, cited as the form’s requirement', () => {
    const r = byId(results(makeDraft()), 'form.required.project.name');
    expect(r).toMatchObject({ outcome: 'fail', severity: 'incomplete', field: 'project.name', section: 'basic' });
    expect(r.message).toBe('「项目名称」为必填项：尚未填写');
    expect(r.citation.source).toBe('form');
    expect(r.citation.quote.length).toBeGreaterThan(0);
  });

  it('a bad postcode, mobile or email is an 错误 with the value', () => {
    const list = results(makeDraft({ values: { 'applicant.postcode': 'abc', 'pi.phone': '12345', 'pi.email': 'x@' } }));
    expect(byId(list, 'form.format.applicant.postcode')).toMatchObject({ outcome: 'fail', severity: 'error' });
    expect(byId(list, 'form.format.applicant.postcode').message).toContain('「abc」不是有效的邮政编码');
    expect(byId(list, 'form.format.pi.phone').message).toContain('「12345」不是有效的手机号码');
    expect(byId(list, 'form.format.pi.email').outcome).toBe('fail');
  });

  it('字数 over the limit, a negative budget cell and a member ID with a bad check digit are errors naming where', () => {
    const list = results(
      makeDraft({
        values: { 'project.summary': '字'.repeat(801) },
        tables: { budget: [{ key: 'equipment', fiscal: -50_000 }], members: [{ name: '张三', idNumber: '650102198001010010' }] },
      }),
    );
    expect(byId(list, 'form.length.project.summary').message).toContain('现有 801 字，超过 800 字');
    const money = byId(list, 'form.cellNonNegative.budget.fiscal');
    expect(money).toMatchObject({ outcome: 'fail', severity: 'error', field: 'budget[0].fiscal' });
    expect(money.message).toContain('「一、设备费」行');
    const id = byId(list, 'form.cellFormat.members.idNumber');
    expect(id).toMatchObject({ outcome: 'fail', field: 'members[0].idNumber' });
    expect(id.message).toContain('第1行「650102198001010010」不是有效的居民身份证号码');
  });

  it('schedule stages inside the project period and in order; waiting for the period when it is empty', () => {
    const stages = [
      { start: '2020-01', end: '2020-06', task: '调研' },
      { start: '2020-07', end: '2023-02', task: '研发' },
    ];
    const outside = byId(results(makeDraft({ values: { 'project.period': ['2020-01', '2022-12'] }, tables: { milestones: stages } })), 'form.period.milestones');
    expect(outside).toMatchObject({ outcome: 'fail', severity: 'error', field: 'milestones[1].end' });
    expect(outside.message).toContain('第2行结束年月2023-02晚于项目结束2022-12');
    const reversed = byId(results(makeDraft({ values: { 'project.period': ['2020-01', '2022-12'] }, tables: { milestones: [{ start: '2021-05', end: '2021-01', task: 'x' }] } })), 'form.period.milestones');
    expect(reversed.message).toContain('第1行开始年月2021-05晚于结束年月2021-01');
    const waiting = byId(results(makeDraft({ tables: { milestones: [stages[0]!] } })), 'form.period.milestones');
    expect(waiting).toMatchObject({ outcome: 'pending', severity: 'incomplete' });
    expect(waiting.message).toContain('无法检查：请先填写「起止年月」');
  });

  it('a stored birth date that contradicts the ID number is reported', () => {
    const id = idFor('19800101');
    const list = results(makeDraft({ values: { 'pi.idNumber': id, 'pi.birthDate': '1979-12-31', 'pi.sex': 'male' } }));
    expect(byId(list, 'form.derived.pi.birthDate')).toMatchObject({ outcome: 'fail', severity: 'error' });
    expect(byId(list, 'form.derived.pi.birthDate').message).toContain('填写为「1979-12-31」，而居民身份证号码表明为「1980-01-01」');
    expect(byId(list, 'form.derived.pi.sex').outcome).toBe('pass');
  });

  it('an amount written in the 摘要 that disagrees with the budget is a warning with both values', () => {
    const draft = (text: string) => makeDraft({ values: { 'project.summary': text }, tables: { budget: [{ key: 'equipment', fiscal: 300_000 }] } });
    const wrong = byId(results(draft('本项目申请财政资金50万元，用于设备购置。')), 'form.consistency.summary-fiscal');
    expect(wrong).toMatchObject({ outcome: 'fail', severity: 'warning' });
    expect(wrong.message).toContain('文中写「申请财政资金50万元」，而经费预算为30万元');
    expect(byId(results(draft('申请资金 30 万元。')), 'form.consistency.summary-fiscal').outcome).toBe('pass');
    expect(byId(results(draft('没有写金额。')), 'form.consistency.summary-fiscal').outcome).toBe('notApplicable');
  });

  it('attachment files: type by name, missing or altered bytes and content are errors naming the file', () => {
    const program = { attachments: [{ id: 'att.licence', name: '营业执照', required: true, clause: 'c1', accept: ['.pdf'] }] };
    const draft = makeDraft({ attachments: { 'att.licence': [file('营业执照.pdf')] } });
    expect(byId(results(draft, { program }), 'form.files.att.licence').outcome).toBe('pass');
    const missing = byId(results(draft, { program, facts: { [SHA]: { state: 'missing' } } }), 'form.files.att.licence');
    expect(missing).toMatchObject({ outcome: 'fail', severity: 'error' });
    expect(missing.message).toContain('附件文件「营业执照.pdf」缺失');
    expect(byId(results(draft, { program, facts: { [SHA]: { state: 'altered' } } }), 'form.files.att.licence').message).toContain('已被改动或损坏');
    expect(byId(results(draft, { program, facts: { [SHA]: { state: 'ok', detected: 'exe' } } }), 'form.files.att.licence').message).toContain('「营业执照.pdf」的内容是Windows 可执行程序');
    const wrongType = byId(results(makeDraft({ attachments: { 'att.licence': [file('营业执照.docx')] } }), { program }), 'form.files.att.licence');
    expect(wrongType.message).toContain('只接受 .pdf 文件');
  });

  it('a rule guarded by an empty 单位性质 waits for it and blocks; once known it applies or not', () => {
    const ratio = { id: 'self', kind: 'ratioAtLeast', numerator: { table: 'budget', column: 'selfRaised' }, denominator: { table: 'budget', column: 'fiscal' }, ratio: 2, severity: 'error', message: '企业自筹不低于1:2', clause: 'c1', when: { field: 'applicant.unitType', equals: 'enterprise' } };
    const budget = { budget: [{ key: 'equipment', fiscal: 100_000, selfRaised: 100_000 }] };
    const unknown = byId(results(makeDraft({ tables: budget }), { rules: [ratio] }), 'self');
    expect(unknown).toMatchObject({ outcome: 'pending', severity: 'incomplete', field: 'applicant.unitType' });
    expect(unknown.message).toBe('企业自筹不低于1:2：无法检查：请先填写「单位性质」');
    expect(byId(results(makeDraft({ tables: budget, values: { 'applicant.unitType': 'university' } }), { rules: [ratio] }), 'self').outcome).toBe('notApplicable');
    expect(byId(results(makeDraft({ tables: budget, values: { 'applicant.unitType': 'enterprise' } }), { rules: [ratio] }), 'self').outcome).toBe('fail');
    // With the budget empty, the ratio itself waits for it.
    const noBudget = byId(results(makeDraft({ values: { 'applicant.unitType': 'enterprise' } }), { rules: [ratio] }), 'self');
    expect(noBudget.message).toContain('无法检查：请先填写「经费预算表（万元）」');
  });

  it('a blank draft has 待填写 items and pending checks but no 错误', () => {
    const summary = summarize(results(makeDraft()));
    expect(summary.errors).toBe(0);
    expect(summary.incomplete).toBeGreaterThan(15);
  });
});

describe('narrative against structured values', () => {
  it('a period written in the 摘要 that disagrees with 起止年月 is a warning with both values', () => {
    const draft = (text: string) => makeDraft({ values: { 'project.summary': text, 'project.period': ['2020-04', '2022-03'] } });
    const wrong = byId(results(draft('项目实施期3年，分三个阶段。')), 'form.consistency.summary-period');
    expect(wrong).toMatchObject({ outcome: 'fail', severity: 'warning' });
    expect(wrong.message).toContain('文中写「实施期3年」（36个月），而起止年月为2020-04至2022-03共24个月');
    expect(byId(results(draft('实施周期为24个月。')), 'form.consistency.summary-period').outcome).toBe('pass');
    expect(byId(results(draft('项目实施期两年。')), 'form.consistency.summary-period').outcome).toBe('pass');
    expect(byId(results(draft('没有写期限。')), 'form.consistency.summary-period').outcome).toBe('notApplicable');
  });
});
