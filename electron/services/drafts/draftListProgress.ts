import { chinaToday } from '../../../shared/dates';
import type { DraftSummary } from '../../../shared/ipc/contract';
import type { Draft } from '../../../shared/model/draft';
import { deadlineState, sectionStatuses, type DeadlineState } from '../../../shared/progress';
import { otherDraftsFrom } from '../../../shared/rules/otherDrafts';
import type { PackRegistry } from '../packs/registry';
import { validateAgainstPack } from '../packs/validation';
import type { DraftService } from './draftService';

type Progress = Required<Pick<DraftSummary, 'completion' | 'incompleteCount' | 'errorCount' | 'warningCount' | 'deadline' | 'unitName'>>;

const NO_DEADLINE: DeadlineState = { closes: null, daysLeft: null, state: 'none' };

/**
 * Adds completion, error/warning counts and the deadline state to the home page's summaries.
 * Everything is computed once per (date, set of draft revisions): reopening the home page with
 * nothing changed costs one map lookup per draft, and parsed drafts are kept per revision.
 */
export function createDraftListProgress(deps: { packs: PackRegistry; drafts: DraftService; now?: () => Date }) {
  const { packs, drafts, now = () => new Date() } = deps;
  const docs = new Map<string, { revision: number; draft: Draft }>();
  let last = new Map<string, Progress>();


  const draftOf = (summary: DraftSummary): Draft => {
    const cached = docs.get(summary.id);
    if (cached && cached.revision === summary.revision) return cached.draft;
    const stored = drafts.get(summary.id);
    docs.set(summary.id, { revision: stored.revision, draft: stored.draft });
    return stored.draft;
  };

  const progressOf = (draft: Draft, today: string, others: ReturnType<typeof otherDraftsFrom>): Progress => {
    const unitName = typeof draft.values['applicant.name'] === 'string' ? draft.values['applicant.name'] : null;
    const empty: Progress = { completion: 0, incompleteCount: 0, errorCount: 0, warningCount: 0, deadline: NO_DEADLINE, unitName };
    const g = draft.guideline;
    if (!g || !packs.packForDraft(g)) return empty;
    try {
      const { installed, engine, validation } = validateAgainstPack(packs, draft, { today, otherDrafts: others });
      const progress = sectionStatuses(installed.pack, g.programId, g.documentType, draft, validation.results);
      return {
        completion: progress?.completion ?? 0,
        incompleteCount: validation.summary.incomplete + validation.summary.pending,
        errorCount: validation.summary.errors,
        warningCount: validation.summary.warnings,
        deadline: deadlineState(engine.resolved.window, today),
        unitName,
      };
    } catch {
      // A draft whose pack or program is not installed still lists; it just has no progress.
      return empty;
    }
  };

  // What `last` was computed for: the day and each listed draft's revision.
  let lastToday = '';
  let lastRevisions = new Map<string, number>();
  const unchanged = (today: string, summaries: DraftSummary[]): boolean =>
    today === lastToday && summaries.length === lastRevisions.size && summaries.every((s) => lastRevisions.get(s.id) === s.revision);

  return (summaries: DraftSummary[]): DraftSummary[] => {
    const today = chinaToday(now());
    if (!unchanged(today, summaries)) {
      // A damaged draft lists as 已损坏 without progress; it must not take the others' down with it.
      const all = summaries.filter((s) => s.damage === undefined).map(draftOf);
      const others = otherDraftsFrom(all, packs.yearOf);
      last = new Map(all.map((d) => [d.id, progressOf(d, today, others)]));
      lastToday = today;
      lastRevisions = new Map(summaries.map((s) => [s.id, s.revision]));
      for (const id of docs.keys()) if (!lastRevisions.has(id)) docs.delete(id);
    }
    // Into the summaries themselves: the service made them for this call, and no copy of 2,000 rows is made.
    return summaries.map((s) => Object.assign(s, last.get(s.id)));
  };
}
