import { describe, expect, it } from 'vitest';
import { changedFieldIds, DRAFT_PART_IDS } from '../../../shared/history/changedFields';
import { groupIntoSessions } from '../../../shared/history/editingSessions';
import type { Draft } from '../../../shared/model/draft';
import { blankDraft } from '../../support/drafts';

const base: Draft = blankDraft({ values: { 'project.name': '智慧农业', 'project.summary': '' } });

describe('changedFieldIds', () => {
  it('names changed values, tables and parts, not time stamps or empty-to-empty', () => {
    const after: Draft = {
      ...base,
      values: { 'project.name': '智慧农业平台', 'project.keywords': null },
      tables: { members: [{ name: '李四' }] },
      declarations: { d1: true },
      updatedAt: '2026-02-01T00:00:00.000Z',
    };
    expect(changedFieldIds(base, after)).toEqual(['project.name', 'members', DRAFT_PART_IDS.declarations]);
    expect(changedFieldIds(base, { ...base, updatedAt: '2027-01-01T00:00:00.000Z' })).toEqual([]);
  });

  it('from nothing, every filled part counts', () => {
    expect(changedFieldIds(null, base)).toEqual(['project.name']);
  });
});

describe('groupIntoSessions', () => {
  const at = (min: number) => new Date(Date.UTC(2026, 0, 1, 8, min)).toISOString();
  it('splits at pauses longer than five minutes, whatever the input order', () => {
    const revs = [1, 2, 3, 4, 5].map((revision, i) => ({ revision, savedAt: at([0, 1, 5, 20, 24][i]!) }));
    const sessions = groupIntoSessions([...revs].reverse());
    expect(sessions.map((s) => s.map((r) => r.revision))).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });
});
