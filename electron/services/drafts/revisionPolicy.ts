/**
 * Revision pruning policy, applied inside every save transaction:
 *  - keep the newest KEEP_NEWEST (100) revisions of each draft, whatever their age;
 *  - beyond those, keep the last revision of each calendar day (UTC) for KEEP_DAILY_DAYS (90) days;
 *  - drop everything else. The current revision is always among the newest, so it is never pruned.
 * A save applies the policy with statements that read only the rows its own step can change
 * (draftRows.pruneAfterSave); every FULL_PRUNE_EVERY revisions the full statement runs too, so what a
 * clock set back (or an older build) left behind is still pruned.
 */
export const REVISION_POLICY = { keepNewest: 100, keepDailyDays: 90 } as const;

export const FULL_PRUNE_EVERY = 50;

export function isFullPruneRevision(revision: number): boolean {
  return revision % FULL_PRUNE_EVERY === 0;
}

export function pruneParams(draftId: string, currentRevision: number, now: Date) {
  return {
    draftId,
    windowFloor: currentRevision - REVISION_POLICY.keepNewest,
    dailyCutoff: new Date(now.getTime() - REVISION_POLICY.keepDailyDays * 86_400_000).toISOString(),
  };
}
