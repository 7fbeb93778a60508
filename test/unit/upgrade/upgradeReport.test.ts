import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { blankDraftFor } from '../../support/drafts';
import { PackSchema, type Pack } from '../../../shared/pack/pack';
import { checkPackSemantics } from '../../../shared/pack/semantic';
import { validateDraft } from '../../../shared/rules/engine';
import { proposeRules } from '../../../shared/studio/propose';
import { studioPack } from '../../../shared/studio/studioEdits';
import { keptContent, planUpgrade, ruleChanges } from '../../../shared/upgrade/upgradeReport';
import { resolveProgram } from '../../../shared/pack/resolve';

const TEXT = readFileSync(path.resolve(import.meta.dirname, '../../fixtures/studio/2026-qinghe-district-notice.txt'), 'utf8');

function version(v: string, change: (pack: Pack) => void = () => {}, ageMax = 50): Pack {
  const set = proposeRules(TEXT);
  const proposals = Object.fromEntries(set.proposals.map((p) => [p.id, p.kind === 'ageAtDate' ? { status: 'accepted' as const, params: { ...p.params, max: ageMax } } : { status: 'accepted' as const }]));
  const { pack } = studioPack(set, { meta: { id: 'qinghe-2026', title: '清河区', version: v, year: 2026 }, proposals, unrecognized: {}, fields: {} });
  change(pack);
  const parsed = PackSchema.parse(pack);
  expect(checkPackSemantics(parsed, TEXT)).toEqual([]);
  return parsed;
}

const v1 = version('1.0.0');
// 1.1.0: 关键词 renamed (by id) to 主题词, 电子邮箱 removed, 职务 relabeled, 学历 options narrowed, the age limit lowered to 45.
const v2 = version(
  '1.1.0',
  (pack) => {
    pack.template = {
      ...pack.template,
      dropFields: ['project.keywords', 'pi.email'],
      addFields: [...(pack.template?.addFields ?? []), { section: 'basic', field: { id: 'project.topics', kind: 'text', label: '主题词', renamedFrom: ['project.keywords'] } }],
      overrideFields: { 'pi.position': { label: '行政职务' }, 'pi.education': { options: [{ value: 'doctor', label: '博士研究生' }] } },
    };
  },
  45,
);

describe('upgrading a draft to a newer pack version', () => {
  const draft = blankDraftFor('qinghe-2026', '1.0.0', 'main');
  draft.values['project.keywords'] = '智能制造；工业软件';
  draft.values['pi.email'] = 'pi@example.com';
  draft.values['pi.education'] = 'master';
  // Born 1978-01-01: 48 at the window close, within 50 and over 45.
  draft.values['pi.idNumber'] = '11010519780101001X';

  it('reports fields added, removed, renamed and relabeled, and moves the renamed value', () => {
    const plan = planUpgrade(draft, v1, v2);
    expect(plan.report.fieldsRenamed).toEqual([{ from: { id: 'project.keywords', label: '关键词', section: '基本信息' }, to: { id: 'project.topics', label: '主题词', section: '基本信息' }, moved: true }]);
    expect(plan.report.fieldsRemoved.map((f) => f.id)).toEqual(['pi.email']);
    expect(plan.report.fieldsAdded).toEqual([]);
    expect(plan.report.fieldsRelabeled).toEqual([{ id: 'pi.position', from: '职务', to: '行政职务' }]);
    expect(plan.patch).toEqual({ guideline: { ...draft.guideline, packVersion: '1.1.0' }, values: { 'project.topics': '智能制造；工业软件', 'project.keywords': null } });
    expect(plan.upgraded.values['project.topics']).toBe('智能制造；工业软件');
  });

  it('keeps what no longer fits where it is and lists it (never lost)', () => {
    const plan = planUpgrade(draft, v1, v2);
    expect(plan.report.kept).toEqual([
      { id: 'pi.email', label: '电子邮箱', text: 'pi@example.com', why: '当前版本的申报书没有这一项' },
      { id: 'pi.education', label: '学历', text: 'master', why: '不在当前版本的选项中' },
    ]);
    expect(plan.upgraded.values['pi.email']).toBe('pi@example.com');
    expect(plan.upgraded.values['pi.education']).toBe('master');
  });

  it('lists the rules whose results change', () => {
    const plan = planUpgrade(draft, v1, v2);
    const ctx = { today: '2026-03-10' };
    const changes = ruleChanges(validateDraft(v1, draft, ctx)!, validateDraft(v2, plan.upgraded, ctx)!);
    expect(changes.newErrors.map((c) => c.ruleId)).toContain('r.p3');
    expect(changes.newErrors.find((c) => c.ruleId === 'r.p3')!.quote).toContain('不超过50周岁');
    const back = ruleChanges(validateDraft(v2, plan.upgraded, ctx)!, validateDraft(v1, draft, ctx)!);
    expect(back.nowPassing.map((c) => c.ruleId)).toContain('r.p3');
  });

  it('refuses a draft whose program the new version does not have, in Chinese', () => {
    const other = { ...draft, guideline: { ...draft.guideline!, programId: 'gone' } };
    expect(() => planUpgrade(other, v1, v2)).toThrow(/中找不到本草稿的专项「gone」/);
  });

  it('keeps the rows of a table the new version removed, and only what this upgrade leaves without a place', () => {
    const v3 = version('1.2.0', (pack) => {
      pack.template = { ...pack.template, dropSections: ['members'] };
    });
    const withRows = structuredClone(draft);
    withRows.tables.members = [{ name: '李四', title: '工程师' }];
    withRows.values['not.a.field'] = '早已没有位置的内容';
    const plan = planUpgrade(withRows, v1, v3);
    expect(plan.report.fieldsRemoved.map((f) => f.id)).toEqual(['members']);
    expect(plan.report.kept).toEqual([{ id: 'members', label: '项目组主要成员', text: '第 1 行：李四，工程师', why: '当前版本的申报书没有这张表' }]);
    expect(plan.upgraded.tables.members).toEqual([{ name: '李四', title: '工程师' }]);
    // The panel lists everything the form has no place for, the older orphan too.
    const fields = new Map(resolveProgram(v3, 'main', 'application')!.sections.flatMap((s) => s.fields.map((field) => [field.id, { field }] as const)));
    expect(keptContent(plan.upgraded, fields).map((k) => k.id)).toEqual(['not.a.field', 'members']);
  });
});
