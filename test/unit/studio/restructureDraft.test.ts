import { describe, expect, it } from 'vitest';
import { editedClauseTree } from '../../../shared/studio/outlineEdits';
import { carryDecisions, restructureDraft } from '../../../shared/studio/restructureDraft';
import type { StudioEdits } from '../../../shared/studio/studioEdits';
import { draftFromNotice } from '../../../shared/studio/studioFile';

/** （一） ends without a full stop: merged with （二）, its sentence runs on into （二）'s, so both quotes move. */
const TEXT = '关于申报2026年度科技计划项目的通知\n一、申报要求\n（一）项目负责人年龄不超过50周岁\n（二）项目实施期限不超过2年。\n（三）申报项目由区科技局统一组织评审\n（四）项目须具有明确的产业化前景。\n（五）每个单位限报1项。\n';
const edits = (over: Partial<StudioEdits> = {}): StudioEdits => ({ meta: { id: 'test-2026', title: '测试指南', version: '1.0.0', year: 2026 }, proposals: {}, unrecognized: {}, fields: {}, ...over });
const clause = (marker: string) => editedClauseTree(TEXT).tree.clauses.find((c) => c.marker === marker)!;

describe('decisions survive a merge that moves the quotes', () => {
  it('a merge that joins two sentences keeps the decisions on both proposals (same kind and parameters, overlapping quote)', () => {
    const draft = draftFromNotice('n.txt', TEXT);
    const age = draft.proposals.find((p) => p.kind === 'ageAtDate')!;
    const period = draft.proposals.find((p) => p.kind === 'periodMonths')!;
    const before = edits({ proposals: { [age.id]: { status: 'accepted', params: { ...age.params, max: 45 } }, [period.id]: { status: 'rejected' } } });
    const after = restructureDraft(draft, before, [{ op: 'merge', clause: clause('（一）').id }]);
    expect(after.problems).toEqual([]);
    const movedAge = after.draft.proposals.find((p) => p.kind === 'ageAtDate')!;
    const movedPeriod = after.draft.proposals.find((p) => p.kind === 'periodMonths')!;
    // The quotes did move: the old span key no longer finds them.
    expect([movedAge.start, movedAge.end]).not.toEqual([age.start, age.end]);
    expect(movedAge.quote).toContain(age.quote.trim());
    expect(after.edits.proposals).toEqual({ [movedAge.id]: { status: 'accepted', params: { ...age.params, max: 45 } }, [movedPeriod.id]: { status: 'rejected' } });
  });

  it('an unrecognized requirement whose sentence grew keeps its decision', () => {
    const draft = draftFromNotice('n.txt', TEXT);
    expect(draft.unrecognized.map((u) => u.quote)).toEqual(['（三）申报项目由区科技局统一组织评审', '（四）项目须具有明确的产业化前景。']);
    const decision = { action: 'notCheckable' as const, reason: '由专家评审判断' };
    const after = restructureDraft(draft, edits({ unrecognized: { u1: decision } }), [{ op: 'merge', clause: clause('（三）').id }]);
    expect(after.draft.unrecognized.map((u) => u.quote)).toEqual(['（三）申报项目由区科技局统一组织评审\n（四）项目须具有明确的产业化前景。']);
    expect(after.edits.unrecognized).toEqual({ u0: decision });
  });
});

describe('carryDecisions', () => {
  const item = (id: string, kind: string, params: Record<string, unknown>, start: number, end: number) => ({ id, kind, params, start, end });
  const ids = (x: { id: string }) => x.id;

  it('does not carry to a proposal with other parameters, nor to the same sentence elsewhere in the notice', () => {
    const before = [item('p1', 'ageAtDate', { max: 50 }, 10, 30)];
    expect(carryDecisions(before, [item('p1', 'ageAtDate', { max: 55 }, 10, 40)], { p1: 'ok' }, ids)).toEqual({});
    expect(carryDecisions(before, [item('p7', 'ageAtDate', { max: 50 }, 300, 320)], { p1: 'ok' }, ids)).toEqual({});
    expect(carryDecisions(before, [item('p2', 'ageAtDate', { max: 50 }, 5, 40)], { p1: 'ok' }, ids)).toEqual({ p2: 'ok' });
  });

  it('an exact span match wins; two equal proposals of one sentence keep their own decisions in order', () => {
    const before = [item('p1', 'attachment', { name: '甲' }, 0, 10), item('p2', 'attachment', { name: '甲' }, 0, 10)];
    const after = [item('p3', 'attachment', { name: '甲' }, 0, 10), item('p4', 'attachment', { name: '甲' }, 0, 10)];
    expect(carryDecisions(before, after, { p1: 'a', p2: 'b' }, ids)).toEqual({ p3: 'a', p4: 'b' });
  });
});

describe('program edits through a merge', () => {
  /** Three program headings; merging the line before 乙专项 into it takes 乙专项's heading away. */
  const NOTICE = '关于申报2026年度某市科技计划项目的通知\n各有关单位：\n现将有关事项通知如下。\n甲专项\n1.资助方式\n单个项目资助不超过30万元。\n乙专项\n1.资助方式\n单个项目资助不超过20万元。\n丙专项\n1.资助方式\n单个项目资助不超过10万元。\n';

  it('an edited program is found again by its proposed name; one whose heading is gone stays as the user\'s own', () => {
    const draft = draftFromNotice('n.txt', NOTICE);
    expect(draft.pack.programs.map((p) => [p.id, p.name])).toEqual([
      ['program-1', '甲专项'],
      ['program-2', '乙专项'],
      ['program-3', '丙专项'],
    ]);
    const programs = [
      { id: 'program-1', from: 'program-1', name: '甲专项' },
      { id: 'program-2', from: 'program-2', name: '乙专项（改名）' },
      { id: 'program-3', from: 'program-3', name: '丙专项（改名）', fundingMaxWan: 8 },
    ];
    const before = draft.clauses.find((c) => c.text.includes('30万元'))!;
    const after = restructureDraft(draft, edits({ programs }), [{ op: 'merge', clause: before.id }]);
    expect(after.problems).toEqual([]);
    expect(after.draft.pack.programs.map((p) => [p.id, p.name])).toEqual([
      ['program-1', '甲专项'],
      ['program-2', '丙专项'],
    ]);
    expect(after.edits.programs).toEqual([
      { id: 'program-1', from: 'program-1', name: '甲专项' },
      { id: 'program-2', name: '乙专项（改名）' },
      { id: 'program-3', from: 'program-2', name: '丙专项（改名）', fundingMaxWan: 8 },
    ]);
  });
});
