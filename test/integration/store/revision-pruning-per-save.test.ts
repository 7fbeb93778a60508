import { describe, expect, it } from 'vitest';
import { FULL_PRUNE_EVERY, REVISION_POLICY } from '../../../electron/services/drafts/revisionPolicy';
import { servicesPerTest } from '../../support/servicesPerTest';
import { revisionsPolicyKeeps } from '../durability/retention';

const HOUR = 3_600_000;

/**
 * A save prunes with statements that read only the rows its own step can change, and the full
 * policy statement runs every FULL_PRUNE_EVERY revisions. After every single save (those between the
 * full runs included) the stored revisions must be exactly what the policy keeps, computed here
 * independently of the SQL, plus the named ones.
 */
describe('revision pruning after each save', () => {
  const env = servicesPerTest('2026-01-01T01:00:00.000Z');

  it('keeps exactly the policy’s revisions after every save, across days, the retention period and named versions', () => {
    const { draft } = env.services.drafts.create({});
    const savedAt = new Map<number, string>([[1, env.clock.now().toISOString()]]);
    const named = new Set<number>();
    let revision = 1;
    // Irregular steps: bursts within a day, gaps of days, and gaps longer than the retention period.
    const steps = [20 * 60_000, 2 * HOUR, 7 * HOUR, 26 * HOUR, 11 * HOUR, 3 * 24 * HOUR];
    const saves = FULL_PRUNE_EVERY * 9 + 7;
    for (let i = 0; i < saves; i++) {
      env.clock.advance(i === 260 ? (REVISION_POLICY.keepDailyDays + 5) * 24 * HOUR : steps[(i * 7) % steps.length]!);
      revision = env.services.drafts.save({ id: draft.id, baseRevision: revision, patch: { values: { counter: i } } }).revision;
      savedAt.set(revision, env.clock.now().toISOString());
      if (i % 97 === 13) {
        env.services.drafts.nameRevision({ id: draft.id, revision, label: `第 ${i} 次保存` });
        named.add(revision);
      }
      const expected = [...new Set([...revisionsPolicyKeeps(savedAt, revision), ...named])].sort((a, b) => a - b);
      const stored = env.services.drafts
        .revisions(draft.id)
        .map((r) => r.revision)
        .sort((a, b) => a - b);
      expect(stored, `after the save of revision ${revision}`).toEqual(expected);
    }
    // The sequence did prune daily keepers for age and kept named ones beyond the retention period.
    expect(revisionsPolicyKeeps(savedAt, revision).length).toBeLessThan(revision);
    expect(named.size).toBeGreaterThan(2);
  });
});
