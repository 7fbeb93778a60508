import { describe, expect, it } from 'vitest';
import { DRAFT_PART_IDS } from '../../../shared/history/changedFields';
import type { Draft } from '../../../shared/model/draft';
import { compareDrafts } from '../../../renderer/src/history/compareDrafts';
import { fieldLabeler, summarizeChanged } from '../../../renderer/src/history/fieldLabels';
import { resolveProgram } from '../../../shared/pack/resolve';
import { blankDraft } from '../../support/drafts';
import { makePack } from '../rules/helpers';

const draft = (values: Draft['values']): Draft => blankDraft({ values });

describe('changed fields by their form labels', () => {
  const labeler = fieldLabeler(null);

  it('lists them in form order, the first three by name and how many in all', () => {
    expect(summarizeChanged(['project.summary', 'project.name'], labeler)).toBe('项目名称、项目摘要');
    expect(summarizeChanged(['applicant.name', 'project.keywords', 'project.summary', 'project.name', DRAFT_PART_IDS.planTasks], labeler)).toBe(
      '项目名称、项目摘要、关键词 等 5 项',
    );
    expect(summarizeChanged([], labeler)).toBe('内容没有变化');
  });

  it('an id no form knows is shown as it is rather than dropped', () => {
    expect(labeler.label('custom.field')).toBe('custom.field');
  });
});

describe('compareDrafts', () => {
  it('gives each differing field old and new text, in form order, and nothing for equal ones', () => {
    const older = draft({ 'project.name': '甲', 'project.summary': '旧摘要', 'project.keywords': '农业' });
    const now = draft({ 'project.name': '乙', 'project.summary': '新摘要', 'project.keywords': '农业' });
    expect(compareDrafts(older, now, null)).toEqual([
      { id: 'project.name', label: '项目名称', before: '甲', after: '乙', narrative: false },
      { id: 'project.summary', label: '项目摘要', before: '旧摘要', after: '新摘要', narrative: true },
    ]);
  });

  it('any long value reads as a narrative (a text diff), even one no form knows', () => {
    const [change] = compareDrafts(draft({ 'custom.note': '长'.repeat(100) }), draft({ 'custom.note': '长'.repeat(101) }), null);
    expect(change?.narrative).toBe(true);
  });

  it('a version on another guideline version says which, by name: an upgrade is not 「（空） → （空）」', () => {
    const resolved = resolveProgram(makePack([]), 'p1', 'application');
    const on = (packVersion: string, programId = 'p1'): Draft => ({ ...draft({ 'project.name': '甲' }), guideline: { packId: 'test-pack', packVersion, programId, directionPath: ['a', 'a1'], documentType: 'application' } });
    expect(compareDrafts(on('1.0.0'), on('1.1.0'), resolved)).toEqual([
      { id: DRAFT_PART_IDS.guideline, label: '申报指南和专项', before: '1.0.0 版指南 · 测试专项 · 项目申报书 · 方向A › 方向A1', after: '1.1.0 版指南 · 测试专项 · 项目申报书 · 方向A › 方向A1', narrative: false },
    ]);
    // Another program's names are not at hand: it is said to be another, never shown by its id.
    expect(compareDrafts(on('1.0.0', 'p9'), on('1.0.0'), resolved)[0]!.before).toBe('1.0.0 版指南 · 另一个专项 · 项目申报书');
  });
});
