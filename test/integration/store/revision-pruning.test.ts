import { describe, expect, it } from 'vitest';
import { REVISION_POLICY } from '../../../electron/services/drafts/revisionPolicy';
import { servicesPerTest } from '../../support/servicesPerTest';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('revision pruning policy', () => {
  const env = servicesPerTest('2026-01-01T01:00:00.000Z');

  function saveMany(id: string, from: number, count: number, step: number): number {
    let revision = from;
    for (let i = 0; i < count; i++) {
      env.clock.advance(step);
      revision = env.services.drafts.save({ id, baseRevision: revision, patch: { values: { counter: i } } }).revision;
    }
    return revision;
  }

  it('keeps every revision while a draft has at most the newest-window count', () => {
    const { draft } = env.services.drafts.create({});
    saveMany(draft.id, 1, REVISION_POLICY.keepNewest - 1, 1000);
    expect(env.services.drafts.revisions(draft.id)).toHaveLength(REVISION_POLICY.keepNewest);
  });

  it('beyond the newest window keeps only the last revision of each UTC day', () => {
    const { draft } = env.services.drafts.create({});
    // 10 saves per day (every 2 h starting 03:00) for 30 days = 300 saves, revisions 2..301.
    let revision = 1;
    for (let day = 0; day < 30; day++) {
      env.clock.set(new Date(Date.UTC(2026, 0, 1 + day, 1)).toISOString());
      revision = saveMany(draft.id, revision, 10, 2 * HOUR);
    }
    const kept = env.services.drafts.revisions(draft.id);
    const newest = kept.slice(0, REVISION_POLICY.keepNewest);
    expect(newest.map((r) => r.revision)).toEqual(Array.from({ length: 100 }, (_, i) => revision - i));
    const older = kept.slice(REVISION_POLICY.keepNewest);
    const olderDays = older.map((r) => r.savedAt.slice(0, 10));
    expect(new Set(olderDays).size).toBe(olderDays.length);
    // Each kept older revision is its day's last one: the 10th save of the day at 21:00.
    for (const r of older) expect(r.savedAt.slice(11, 19)).toBe('21:00:00');
    // Days wholly older than the window: 30 days minus the 10 days the newest 100 cover.
    expect(older).toHaveLength(20);
    expect(env.services.drafts.get(draft.id).revision).toBe(revision);
  });

  it('drops daily keepers older than the retention period, but never the current revision', () => {
    const { draft } = env.services.drafts.create({});
    let revision = 1;
    // One save a day for 200 days.
    revision = saveMany(draft.id, revision, 200, DAY);
    const kept = env.services.drafts.revisions(draft.id);
    const newestSavedAt = new Date(kept[0]!.savedAt).getTime();
    const cutoff = newestSavedAt - REVISION_POLICY.keepDailyDays * DAY;
    const outside = kept.slice(REVISION_POLICY.keepNewest);
    expect(outside.every((r) => new Date(r.savedAt).getTime() >= cutoff)).toBe(true);
    expect(kept.length).toBeLessThan(201);
    expect(kept[0]?.revision).toBe(revision);

    // A draft left alone for a year still keeps its current revision after the next save.
    env.clock.advance(365 * DAY);
    const next = env.services.drafts.save({ id: draft.id, baseRevision: revision, patch: { values: { late: true } } });
    const after = env.services.drafts.revisions(draft.id);
    expect(after[0]?.revision).toBe(next.revision);
    expect(after).toHaveLength(REVISION_POLICY.keepNewest);
  });
});
