import { describe, expect, it } from 'vitest';
import { PackSchema } from '../../../shared/pack/pack';
import { checkPackSemantics } from '../../../shared/pack/semantic';
import { editedClauseTree, OutlineEditSchema, splitPoints } from '../../../shared/studio/outlineEdits';
import { restructureDraft } from '../../../shared/studio/restructureDraft';
import { studioPackFromNotice, type StudioEdits } from '../../../shared/studio/studioEdits';
import { draftFromNotice } from '../../../shared/studio/studioFile';

const TEXT = '关于申报2026年度科技计划项目的通知\n一、申报要求\n（一）企业注册时间在2018年1月1日以后。项目负责人年龄不超过50周岁。\n（二）项目须具有明确的产业化前景。\n（三）实施期限不超过2年。\n';
const AGE = TEXT.indexOf('项目负责人');

const edits = (over: Partial<StudioEdits> = {}): StudioEdits => ({ meta: { id: 'test-2026', title: '测试指南', version: '1.0.0', year: 2026 }, proposals: {}, unrecognized: {}, fields: {}, ...over });
const clauseOf = (marker: string) => editedClauseTree(TEXT).tree.clauses.find((c) => c.marker === marker)!;

describe('merging and splitting the clause tree (the studio and the server replay the same steps)', () => {
  it('offers split points after each sentence end inside a clause, not at its end', () => {
    expect(splitPoints(clauseOf('（一）'))).toEqual([AGE]);
    expect(splitPoints(clauseOf('（二）'))).toEqual([]);
  });

  it('a split puts the second sentence in its own clause; the saved pack quotes it under that clause', () => {
    const outline = [{ op: 'split' as const, clause: clauseOf('（一）').id, offset: AGE }];
    const { tree, problems } = editedClauseTree(TEXT, outline);
    expect(problems).toEqual([]);
    expect(tree.clauses.map((c) => c.text)).toContain('项目负责人年龄不超过50周岁。');
    const plain = studioPackFromNotice(TEXT, edits({ proposals: { p2: { status: 'accepted' } } }));
    const split = studioPackFromNotice(TEXT, edits({ proposals: { p2: { status: 'accepted' } }, outline }));
    const ruleClause = (pack: typeof plain.pack) => pack.clauses.find((c) => c.id === pack.programs[0]!.rules[0]!.clause)!;
    expect(plain.pack.programs[0]!.rules[0]!.kind).toBe('ageAtDate');
    expect(ruleClause(plain.pack).path).toBe('一、申报要求（一）');
    expect(ruleClause(split.pack).path).toBe('一、申报要求项目负责人年龄不超过50周岁');
    expect(split.problems).toEqual([]);
    expect(checkPackSemantics(PackSchema.parse(split.pack), TEXT)).toEqual([]);
  });

  it('a merge takes the next clause in; its proposals now belong to the merged clause', () => {
    const two = clauseOf('（二）');
    const draft = restructureDraft(draftFromNotice('n.txt', TEXT), edits(), [{ op: 'merge', clause: two.id }]).draft;
    expect(draft.clauses.find((c) => c.id === two.id)!.text).toBe('（二）项目须具有明确的产业化前景。\n（三）实施期限不超过2年。');
    expect(draft.clauses.some((c) => c.marker === '（三）')).toBe(false);
    expect(draft.proposals.find((p) => p.kind === 'periodMonths')!.clauseId).toBe(two.id);
  });

  it('a step that no longer fits is named as a problem, not silently skipped', () => {
    const last = editedClauseTree(TEXT).tree.clauses.at(-1)!;
    const result = studioPackFromNotice(TEXT, edits({ outline: [{ op: 'merge', clause: last.id }, { op: 'split', clause: 'c9', offset: 3 }] }));
    expect(result.problems).toEqual([`条款结构 › 第 1 处合并（条款 ${last.id}）：这是最后一条，没有可合并的下一条`, '条款结构 › 第 2 处拆分（条款 c9）：没有条款 c9']);
    expect(OutlineEditSchema.safeParse({ op: 'split', clause: 'c1', offset: -1 }).success).toBe(false);
  });

  it('decisions already made follow their proposals through a split, and the server builds the same pack the browser shows', () => {
    const draft = draftFromNotice('n.txt', TEXT);
    const period = draft.proposals.find((p) => p.kind === 'periodMonths')!;
    const before = edits({ proposals: { [period.id]: { status: 'accepted', params: { maxMonths: 18 } } }, unrecognized: { u0: { action: 'notCheckable', reason: '专家评审' } } });
    // A split before the period clause renumbers the clauses after it.
    const after = restructureDraft(draft, before, [{ op: 'split', clause: clauseOf('（一）').id, offset: AGE }]);
    expect(after.problems).toEqual([]);
    const moved = after.draft.proposals.find((p) => p.kind === 'periodMonths')!;
    expect(moved.clauseId).not.toBe(period.clauseId);
    expect(after.edits.proposals).toEqual({ [moved.id]: { status: 'accepted', params: { maxMonths: 18 } } });
    expect(after.edits.unrecognized).toEqual({ u0: { action: 'notCheckable', reason: '专家评审' } });
    const saved = studioPackFromNotice(TEXT, after.edits);
    expect(saved.pack.programs[0]!.rules).toEqual([expect.objectContaining({ kind: 'periodMonths', clause: expect.any(String) })]);
    expect(saved.pack.clauses.find((c) => c.quote === '（二）项目须具有明确的产业化前景。')!.coverage).toEqual({ kind: 'notCheckable', reason: '专家评审' });
  });
});
