import { chinaToday } from '../../../shared/dates';
import type { DraftSummary } from '../../../shared/ipc/contract';
import type { Draft } from '../../../shared/model/draft';
import { deadlineState, sectionStatuses, type DeadlineState } from '../../../shared/progress';
import { crossDraftKeysOf, otherDraftsFrom } from '../../../shared/rules/otherDrafts';
import type { OtherDraft } from '../../../shared/rules/types';
import type { PackRegistry } from '../packs/registry';
import { validateAgainstPack } from '../packs/validation';
import type { DraftService } from './draftService';

type Progress = Required<Pick<DraftSummary, 'completion' | 'incompleteCount' | 'errorCount' | 'warningCount' | 'deadline' | 'unitName'>>;

const NO_DEADLINE: DeadlineState = { closes: null, daysLeft: null, state: 'none' };

/**
 * Adds completion, error/warning counts and the deadline state to the home page's summaries.
 * Reopening the home page with nothing changed costs one map lookup per draft. After saves, only
 * the drafts whose revision changed are checked again, unless what drafts see of each other
 * changed (a crossDraftLimit key value, a guideline, a draft added, deleted or damaged) or the
 * date did: then every draft is, as before. Parsed drafts are kept per revision.
 */
export function createDraftListProgress(deps: { packs: PackRegistry; drafts: DraftService; now?: () => Date }) {
  const { packs, drafts, now = () => new Date() } = deps;
  const docs = new Map<string, { revision: number; draft: Draft }>();
  let last = new Map<string, Progress>();
  const keysOfPack = new WeakMap<object, string[]>();

  const draftOf = (summary: DraftSummary): Draft => {
    const cached = docs.get(summary.id);
    // The list that made these summaries has just read and validated the document (damageOf). A
    // document changed outside the service keeps its revision number and is read again by every
    // list: then the list's copy is not the one kept here.
    const listed = drafts.listedDraft(summary.id, summary.revision);
    if (cached && cached.revision === summary.revision && (listed === undefined || listed === cached.draft)) return cached.draft;
    const stored = listed ? { revision: summary.revision, draft: listed } : drafts.get(summary.id);
    docs.set(summary.id, { revision: stored.revision, draft: stored.draft });
    return stored.draft;
  };

  /** Every crossDraftLimit key of the packs these drafts are checked against. */
  const crossKeysOf = (all: readonly Draft[]): string[] => {
    const keys = new Set<string>();
    for (const d of all) {
      const pack = d.guideline ? packs.packForDraft(d.guideline)?.installed.pack : undefined;
      if (!pack) continue;
      let own = keysOfPack.get(pack);
      if (!own) {
        own = crossDraftKeysOf(pack);
        keysOfPack.set(pack, own);
      }
      for (const k of own) keys.add(k);
    }
    return [...keys].sort();
  };

  /** What the other drafts' checks can see of these drafts: equal texts, equal cross-draft results. */
  const crossView = (others: OtherDraft[], keys: readonly string[]): string =>
    JSON.stringify([keys, others.map((o) => [o.id, o.packId, o.packVersion, o.year, o.programId, o.directionPath, o.documentType, keys.map((k) => o.values[k] ?? null)]).sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1))]);

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

  // What `last` was computed for: the day, each listed draft's revision, and the drafts' view of each other.
  let lastToday = '';
  let lastRevisions = new Map<string, number>();
  // The documents `last` was computed from, and which listed drafts were damaged then.
  let lastDrafts = new Map<string, Draft>();
  let lastDamaged = new Set<string>();
  let lastCrossView = '';
  const sameDocument = (s: DraftSummary): boolean => {
    if (s.damage !== undefined) return lastDamaged.has(s.id);
    if (lastDamaged.has(s.id)) return false;
    const listed = drafts.listedDraft(s.id, s.revision);
    return listed === undefined || listed === lastDrafts.get(s.id);
  };
  const unchanged = (today: string, summaries: DraftSummary[]): boolean =>
    today === lastToday &&
    summaries.length === lastRevisions.size &&
    summaries.every((s) => lastRevisions.get(s.id) === s.revision && sameDocument(s));

  return (summaries: DraftSummary[]): DraftSummary[] => {
    const today = chinaToday(now());
    if (!unchanged(today, summaries)) {
      // A damaged draft lists as 已损坏 without progress; it must not take the others' down with it.
      const sound = summaries.filter((s) => s.damage === undefined);
      const all = sound.map(draftOf);
      const others = otherDraftsFrom(all, packs.yearOf);
      const view = crossView(others, crossKeysOf(all));
      const everyDraft = today !== lastToday || view !== lastCrossView;
      const next = new Map<string, Progress>();
      all.forEach((d, i) => {
        const kept = everyDraft || lastRevisions.get(d.id) !== sound[i]!.revision || lastDrafts.get(d.id) !== d ? undefined : last.get(d.id);
        next.set(d.id, kept ?? progressOf(d, today, others));
      });
      last = next;
      lastToday = today;
      lastCrossView = view;
      lastRevisions = new Map(summaries.map((s) => [s.id, s.revision]));
      lastDrafts = new Map(all.map((d) => [d.id, d]));
      lastDamaged = new Set(summaries.filter((s) => s.damage !== undefined).map((s) => s.id));
      for (const id of docs.keys()) if (!lastRevisions.has(id)) docs.delete(id);
    }
    // Into the summaries themselves: the service made them for this call, and no copy of 2,000 rows is made.
    // A damaged draft has no progress (last has none for it).
    return summaries.map((s) => Object.assign(s, last.get(s.id)));
  };
}
