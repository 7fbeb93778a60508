import { describe, expect, it } from 'vitest';
import { PackSchema } from '../../../shared/pack/pack';
import { resolveProgram } from '../../../shared/pack/resolve';
import { checkPackSemantics } from '../../../shared/pack/semantic';
import { proposeRules } from '../../../shared/studio/propose';
import { studioPack, StudioEditsSchema, type StudioEdits } from '../../../shared/studio/studioEdits';

const TEXT = '关于申报2026年度科技计划项目的通知\n一、申报要求\n（一）企业注册时间在2018年1月1日以后。\n（二）项目负责人年龄不超过50周岁。\n（三）项目须具有明确的产业化前景。\n';

const edits = (over: Partial<StudioEdits> = {}): StudioEdits => ({
  meta: { id: 'test-2026', title: '测试指南', version: '2.1.0', year: 2026 },
  proposals: {},
  unrecognized: {},
  fields: {},
  ...over,
});

describe('studio edits → pack', () => {
  const set = proposeRules(TEXT);
  const all = Object.fromEntries(set.proposals.map((p) => [p.id, { status: 'accepted' as const }]));

  it('counts undecided proposals and requirements, and builds only the accepted ones', () => {
    const age = set.proposals.find((p) => p.kind === 'ageAtDate')!;
    const result = studioPack(set, edits({ proposals: { [age.id]: { status: 'accepted' } } }));
    expect(result.undecidedProposals).toBe(set.proposals.length - 1);
    expect(result.undecidedRequirements).toBe(set.unrecognized.length);
    expect(result.pack.programs[0]!.rules.map((r) => r.kind)).toEqual(['ageAtDate']);
    expect(result.pack).toMatchObject({ id: 'test-2026', title: '测试指南', version: '2.1.0', year: 2026 });
    // The undecided requirement is still in the pack, said to be 尚未处理 (never dropped).
    expect(result.pack.clauses.some((c) => c.coverage.kind === 'notCheckable' && c.coverage.reason.startsWith('尚未处理'))).toBe(true);
  });

  it('an edited limit carries the rewritten 提示文字 into the rule; a blank one is refused in Chinese', () => {
    const age = set.proposals.find((p) => p.kind === 'ageAtDate')!;
    const decision = { status: 'accepted' as const, params: { ...age.params, max: 45 }, message: '项目负责人年龄不得超过45周岁' };
    const rule = studioPack(set, edits({ proposals: { [age.id]: decision } })).pack.programs[0]!.rules[0]!;
    expect(rule).toMatchObject({ kind: 'ageAtDate', max: 45, message: '项目负责人年龄不得超过45周岁' });
    const blank = StudioEditsSchema.safeParse(edits({ proposals: { [age.id]: { ...decision, message: '  ' } } }));
    expect(blank.success).toBe(false);
    expect(blank.error!.issues[0]!.message).toBe('请填写提示文字');
  });

  it('turns an unrecognized requirement into a 承诺 quoting it', () => {
    expect(set.unrecognized).toHaveLength(1);
    const result = studioPack(set, edits({ proposals: all, unrecognized: { u0: { action: 'declaration', text: '本单位承诺：项目具有产业化前景' } } }));
    const declaration = result.pack.programs[0]!.declarations!.find((d) => d.text === '本单位承诺：项目具有产业化前景')!;
    const clause = result.pack.clauses.find((c) => c.id === declaration.clause)!;
    expect(clause.quote).toBe('（三）项目须具有明确的产业化前景。');
    expect(checkPackSemantics(PackSchema.parse(result.pack), TEXT)).toEqual([]);
  });

  it('renames, requires, limits and removes form fields; the wizard form shows the change', () => {
    const result = studioPack(
      set,
      edits({ proposals: all, fields: { 'project.keywords': { label: '主题词', required: true, maxChars: 30 }, 'applicant.foundedOn': { label: '成立日期' }, 'pi.email': { removed: true } } }),
    );
    expect(result.problems).toEqual([]);
    const pack = PackSchema.parse(result.pack);
    expect(checkPackSemantics(pack, TEXT)).toEqual([]);
    const fields = resolveProgram(pack, 'main', 'application')!.sections.flatMap((s) => s.fields);
    expect(fields.find((f) => f.id === 'project.keywords')).toMatchObject({ label: '主题词', required: true, maxChars: 30 });
    expect(fields.find((f) => f.id === 'applicant.foundedOn')).toMatchObject({ label: '成立日期', kind: 'date' });
    expect(fields.some((f) => f.id === 'pi.email')).toBe(false);
  });

  it('refuses a 字数 limit on a field that is not text, naming the field', () => {
    const result = studioPack(set, edits({ proposals: all, fields: { 'project.period': { maxChars: 10 }, 'no.such': { label: 'x' } } }));
    expect(result.problems).toEqual(['申报书表单 › 起止年月：不是文字字段，不能设字数上限', '申报书表单 › no.such：没有这个字段']);
  });
});

describe('studio form additions', () => {
  const set = proposeRules(TEXT);
  const all = Object.fromEntries(set.proposals.map((p) => [p.id, { status: 'accepted' as const }]));

  it('adds fields at the end of a section and renames a section; the wizard form has them', () => {
    const result = studioPack(
      set,
      edits({
        proposals: all,
        sections: { basic: '项目基本情况' },
        addedFields: [{ id: 'custom.f1', section: 'basic', label: '项目所属产业链', kind: 'text', required: true, maxChars: 40 }],
        fields: { 'custom.f1': { label: '所属产业链' } },
      }),
    );
    expect(result.problems).toEqual([]);
    const pack = PackSchema.parse(result.pack);
    expect(checkPackSemantics(pack, TEXT)).toEqual([]);
    const basic = resolveProgram(pack, 'main', 'application')!.sections.find((s) => s.id === 'basic')!;
    expect(basic.title).toBe('项目基本情况');
    expect(basic.fields.at(-1)).toEqual({ id: 'custom.f1', kind: 'text', label: '所属产业链', required: true, maxChars: 40 });
  });

  it('names a field added to the 承诺书 section as a problem', () => {
    const result = studioPack(set, edits({ proposals: all, addedFields: [{ id: 'custom.f1', section: 'declarations', label: '其他', kind: 'text', required: false }] }));
    expect(result.problems).toEqual(['申报书表单 › 新字段「其他」：不能加在栏目 declarations 中']);
  });
});
