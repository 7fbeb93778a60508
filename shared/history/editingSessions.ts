/** Autosaves closer together than this belong to one editing session; a longer pause starts a new one. */
export const SESSION_PAUSE_MS = 5 * 60_000;

export interface TimedRevision {
  revision: number;
  savedAt: string;
}

/**
 * Groups revisions (any order) into editing sessions, oldest session first, each oldest revision first.
 * Sessions are found by the pauses between saves only: they say when someone sat down to work.
 */
export function groupIntoSessions<T extends TimedRevision>(revisions: readonly T[], pauseMs = SESSION_PAUSE_MS): T[][] {
  const sorted = [...revisions].sort((a, b) => a.revision - b.revision);
  const sessions: T[][] = [];
  let last: number | null = null;
  for (const r of sorted) {
    const at = Date.parse(r.savedAt);
    const current = sessions.at(-1);
    if (current === undefined || last === null || at - last > pauseMs) sessions.push([r]);
    else current.push(r);
    last = at;
  }
  return sessions;
}
