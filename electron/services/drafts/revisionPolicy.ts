/**
 * Revision pruning policy, applied inside every save transaction:
 *  - keep the newest KEEP_NEWEST (100) revisions of each draft, whatever their age;
 *  - beyond those, keep the last revision of each calendar day (UTC) for KEEP_DAILY_DAYS (90) days;
 *  - drop everything else. The current revision is always among the newest, so it is never pruned.
 * The prune query only touches one draft's rows (≈ 100 + 90 at steady state), so it stays cheap.
 */
export const REVISION_POLICY = { keepNewest: 100, keepDailyDays: 90 } as const;

export function pruneParams(draftId: string, currentRevision: number, now: Date) {
  return {
    draftId,
    windowFloor: currentRevision - REVISION_POLICY.keepNewest,
    dailyCutoff: new Date(now.getTime() - REVISION_POLICY.keepDailyDays * 86_400_000).toISOString(),
  };
}
