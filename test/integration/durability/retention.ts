import { REVISION_POLICY } from '../../../electron/services/drafts/revisionPolicy';

const DAY = 86_400_000;

/**
 * The revisions the pruning policy must have kept once `current` is the newest: the newest
 * window, plus the last revision of each UTC day that is still inside the daily retention period.
 * Written independently of the prune SQL so the two check each other. `savedAt` holds every
 * revision ever committed up to `current`, pruned ones included (they decide which one was a day's last).
 */
export function revisionsPolicyKeeps(savedAt: ReadonlyMap<number, string>, current: number): number[] {
  const currentAt = savedAt.get(current);
  if (currentAt === undefined) throw new Error(`no save time known for revision ${current}`);
  const cutoff = new Date(Date.parse(currentAt) - REVISION_POLICY.keepDailyDays * DAY).toISOString();
  const lastOfDay = new Map<string, number>();
  for (const [revision, at] of savedAt) {
    if (revision > current) continue;
    const day = at.slice(0, 10);
    if ((lastOfDay.get(day) ?? 0) < revision) lastOfDay.set(day, revision);
  }
  const kept: number[] = [];
  for (const [revision, at] of savedAt) {
    if (revision > current) continue;
    const newest = revision > current - REVISION_POLICY.keepNewest;
    const dailyKeeper = lastOfDay.get(at.slice(0, 10)) === revision && at >= cutoff;
    if (newest || dailyKeeper) kept.push(revision);
  }
  return kept.sort((a, b) => a - b);
}
