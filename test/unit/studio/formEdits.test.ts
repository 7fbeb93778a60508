import { describe, expect, it } from 'vitest';
import { PackSchema } from '../../../shared/pack/pack';
import { resolveProgram } from '../../../shared/pack/resolve';
import { checkPackSemantics } from '../../../shared/pack/semantic';
import { buildDraftPack } from '../../../shared/studio/draftPack';
import { formLayout } from '../../../shared/studio/formEdits';
import { proposeRules } from '../../../shared/studio/propose';
import { studioPack, StudioEditsSchema, type StudioEdits } from '../../../shared/studio/studioEdits';

const TEXT = '关于申报2026年度科技计划项目的通知\n一、申报要求\n（一）项目负责人年龄不超过50周岁。\n';
const set = proposeRules(TEXT);
const edits = (over: Partial<StudioEdits> = {}): StudioEdits => ({
  meta: { id: 'form-2026', title: '表单测试', version: '1.0.0', year: 2026 },
  proposals: Object.fromEntries(set.proposals.map((p) => [p.id, { status: 'accepted' as const }])),
  unrecognized: {},
  fields: {},
  ...over,
});

/** The wizard's sections and fields as a draft on the saved pack would show them. */
const wizardOf = (e: StudioEdits) => {
  const { pack, problems } = studioPack(set, e);
  const parsed = PackSchema.parse(pack);
  expect(checkPackSemantics(parsed, TEXT)).toEqual([]);
  const resolved = resolveProgram(parsed, parsed.programs[0]!.id, 'application')!;
  // The studio lays the form out from the draft pack of the notice, before its own changes.
  return { problems, sections: resolved.sections, layout: formLayout(buildDraftPack(set), e) };
};
const fieldIds = (sections: { id: string; fields: { id: string }[] }[], id: string): string[] => sections.find((s) => s.id === id)!.fields.map((f) => f.id);

describe('the 申报书 form edited in the studio (no JSON)', () => {
  it('adds a section with fields of the offered kinds, including a 单选 with its options', () => {
    const e = edits({
      addedSections: [{ id: 'custom.s1', title: '产业化前景' }],
      addedFields: [
        { id: 'custom.f1', section: 'custom.s1', label: '目标市场', kind: 'longText', required: true, maxChars: 500 },
        { id: 'custom.f2', section: 'custom.s1', label: '所处阶段', kind: 'select', required: false, options: ['研发', '中试', '量产'] },
        { id: 'custom.f3', section: 'basic', label: '实施地点', kind: 'region', required: true },
      ],
    });
    const { problems, sections } = wizardOf(e);
    expect(problems).toEqual([]);
    const added = sections.find((s) => s.id === 'custom.s1')!;
    expect(added.title).toBe('产业化前景');
    expect(added.fields).toEqual([
      { id: 'custom.f1', kind: 'longText', label: '目标市场', required: true, maxChars: 500 },
      { id: 'custom.f2', kind: 'select', label: '所处阶段', options: [{ value: 'o1', label: '研发' }, { value: 'o2', label: '中试' }, { value: 'o3', label: '量产' }] },
    ]);
    expect(fieldIds(sections, 'basic').at(-1)).toBe('custom.f3');
  });

  it('reorders fields within a section and moves sections, keeping renames, 字数 and 必填 edits', () => {
    const e = edits({
      fields: { 'project.summary': { label: '项目简介', maxChars: 300 }, 'project.keywords': { required: true } },
      sections: { pi: '负责人情况' },
      order: { fields: { basic: ['project.summary', 'project.name'] }, sections: ['basic', 'pi', 'applicant'] },
    });
    const { problems, sections, layout } = wizardOf(e);
    expect(problems).toEqual([]);
    expect(fieldIds(sections, 'basic').slice(0, 3)).toEqual(['project.summary', 'project.name', 'project.techField']);
    expect(sections.map((s) => s.id).slice(0, 3)).toEqual(['basic', 'pi', 'applicant']);
    expect(sections.find((s) => s.id === 'pi')!.title).toBe('负责人情况');
    const basic = sections.find((s) => s.id === 'basic')!.fields;
    expect(basic.find((f) => f.id === 'project.summary')).toMatchObject({ label: '项目简介', maxChars: 300, required: true });
    expect(basic.find((f) => f.id === 'project.keywords')).toMatchObject({ required: true });
    // The studio's own view agrees with the wizard's.
    expect(layout.slice(0, 3).map((s) => s.id)).toEqual(['basic', 'pi', 'applicant']);
    expect(layout[0]!.rows.slice(0, 2).map((r) => r.field.id)).toEqual(['project.summary', 'project.name']);
  });

  it('removes a section and a field; the sections of 承诺 and 附件 cannot be removed', () => {
    const { problems, sections } = wizardOf(edits({ removedSections: ['members'], fields: { 'project.recommender': { removed: true } } }));
    expect(problems).toEqual([]);
    expect(sections.some((s) => s.id === 'members')).toBe(false);
    expect(fieldIds(sections, 'basic')).not.toContain('project.recommender');
    expect(studioPack(set, edits({ removedSections: ['declarations'] })).problems).toEqual(['申报书表单 › 栏目「承诺书」：承诺和附件栏目由指南包自动生成，不能删除']);
  });

  it('a 单选 without options and a 字数 limit on a number are named as problems', () => {
    const result = studioPack(
      set,
      edits({ addedFields: [{ id: 'custom.f1', section: 'basic', label: '所处阶段', kind: 'multiSelect', required: false, options: [] }], fields: { 'project.period': { maxChars: 10 } } }),
    );
    expect(result.problems).toEqual(['申报书表单 › 新字段「所处阶段」：多选字段至少要有一个选项', '申报书表单 › 起止年月：不是文字字段，不能设字数上限']);
  });

  it('the edits schema names a bad new section or order in Chinese', () => {
    const bad = StudioEditsSchema.safeParse({ ...edits(), addedSections: [{ id: 'custom.s1', title: ' ' }] });
    expect(bad.error!.issues[0]!.message).toBe('请填写新栏目的名称');
  });
});
