import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { paramLeaves } from '../../../shared/studio/paramLeaves';
import { draftFromNotice } from '../../../shared/studio/studioFile';
import { fieldNamesOf, paramText } from '../../../renderer/src/studio/fieldNames';

// A 2027 notice written for this test in the language of western-China city notices (not a seed).
const XINING = readFileSync(path.resolve(import.meta.dirname, '../../fixtures/studio/2027-xining-two-programs-notice.txt'), 'utf8');
const draft = draftFromNotice('西宁2027.txt', XINING);
const names = fieldNamesOf(draft);
const shown = (kind: string): string[] =>
  draft.proposals.filter((p) => p.kind === kind).flatMap((p) => paramLeaves(p.params).map((leaf) => paramText(names, p.params, leaf.path, leaf.value, leaf.editable)));

describe('proposal parameters as the 规则建议 card shows them', () => {
  it('shows no identifier of the pack (column ids, scope and grouping choices) and no raw ISO time', () => {
    const texts = draft.proposals.flatMap((p) => paramLeaves(p.params).map((leaf) => paramText(names, p.params, leaf.path, leaf.value, leaf.editable)));
    expect(texts.length).toBeGreaterThan(20);
    for (const text of texts) {
      expect(text, text).not.toMatch(/[A-Za-z]{3,}/);
      expect(text, text).not.toMatch(/\dT\d/);
    }
  });

  it('names the budget columns, the counting scope and the window times in Chinese', () => {
    expect(shown('ratioAtLeast')).toEqual(expect.arrayContaining(['经费预算表（万元）', '自筹资金', '财政资金']));
    expect(shown('crossDraftLimit')).toEqual(expect.arrayContaining(['同一指南的草稿', '同一年度的草稿', '不分组']));
    expect(shown('applicationWindow')).toEqual(expect.arrayContaining(['2027年3月1日 00:00', '2027年4月15日 17:30']));
  });

  it('keeps a time in another offset as written rather than shift it silently', () => {
    expect(paramText(names, { window: { closes: '2027-04-15T09:30:00Z' } }, ['window', 'closes'], '2027-04-15T09:30:00Z', true)).toBe('2027-04-15T09:30:00Z');
  });
});
