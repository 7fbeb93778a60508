import { createHash } from 'node:crypto';
import { chinaToday } from '../../../shared/dates';
import type { DraftSummary } from '../../../shared/ipc/contract';
import type { Draft } from '../../../shared/model/draft';
import { deadlineState, sectionStatuses, type DeadlineState } from '../../../shared/progress';
import { otherDraftsFrom } from '../../../shared/rules/otherDrafts';
import type { OtherDraft } from '../../../shared/rules/types';
import type { PackRegistry } from '../packs/registry';
import { validateAgainstPack } from '../packs/validation';
import { checkWithKeys, crossEntryOf, draftOfEntry, entryPrefix, parseProgress, type CrossDraft, type NewCheck, type Progress, type StoredCheck } from './draftChecks';
import type { DraftService } from './draftService';
import { installedCrossKeys, packsSignatureOf } from './packsSignature';

const NO_DEADLINE: DeadlineState = { closes: null, daysLeft: null, state: 'none' };

export interface DraftListProgressDeps {
  packs: PackRegistry;
  drafts: DraftService;
  now?: () => Date;
  /**
   * Reuses the checks earlier lists stored in the drafts' summary rows and stores new ones (the app's
   * list). Without it every draft is checked from its document: the reference the tests compare with.
   */
  stored?: boolean;
}

/** One listed draft: its document where it has been read, else the check an earlier list stored for it. */
interface Source {
  summary: DraftSummary;
  check: StoredCheck | undefined;
  full: Draft | undefined;
  /** crossEntryOf the draft with the keys in use now. */
  entry: string;
}

/**
 * Adds completion, error/warning counts and the deadline state to the home page's summaries.
 *
 * A draft's progress depends on its document, the China date, the installed packs, the code that
 * checks, and what the other drafts' 限报数量 rules see of them (each draft's entry: its guideline
 * and compared values). All but the document make the `basis`; a progress is reused while its
 * draft's revision and the basis are unchanged: from memory within a run, and across runs from the
 * check stored in the draft's summary row, so the first list after a start reads no document whose
 * check still holds. The entries come from the documents already read and from the stored checks.
 * A change of any part of the basis has every draft checked again; a changed draft whose entry is
 * unchanged is checked again by itself.
 */
export function createDraftListProgress(deps: DraftListProgressDeps) {
  const { packs, drafts, now = () => new Date(), stored = false } = deps;
  const docs = new Map<string, { revision: number; draft: Draft }>();
  let memo = new Map<string, { revision: number; token: object; basis: string; progress: Progress }>();

  /** The document when it has been read already (by this module or by the list's check), without reading it. */
  const knownDraft = (summary: DraftSummary): Draft | undefined => {
    const cached = docs.get(summary.id);
    // A document changed outside the service keeps its revision number and is read again by every
    // list: then the list's copy is not the one kept here.
    const listed = drafts.listedDraft(summary.id, summary.revision);
    if (cached && cached.revision === summary.revision && (listed === undefined || listed === cached.draft)) return cached.draft;
    if (listed) docs.set(summary.id, { revision: summary.revision, draft: listed });
    return listed;
  };
  // Per document read, with the keys it was made for: a list after one save does not make 2,000 entries again.
  const entries = new WeakMap<Draft, { prefix: string; entry: string }>();
  const entryOf = (draft: Draft, prefix: string, keys: readonly string[]): string => {
    const kept = entries.get(draft);
    if (kept && kept.prefix === prefix) return kept.entry;
    const entry = crossEntryOf(keys, draft);
    entries.set(draft, { prefix, entry });
    return entry;
  };
  const readDraft = (summary: DraftSummary): Draft => {
    const read = drafts.get(summary.id);
    docs.set(summary.id, { revision: read.revision, draft: read.draft });
    return read.draft;
  };

  const progressOf = (draft: Draft, today: string, others: OtherDraft[]): Progress => {
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

  /** The progress of every sound listed draft, reusing what still holds. */
  const compute = (sound: readonly DraftSummary[], today: string, packsSignature: string): Map<string, Progress> => {
    const keys = installedCrossKeys(packs);
    const prefix = entryPrefix(keys);
    const sources: Source[] = sound.map((summary) => {
      // A check made while other packs were installed holds the values of other keys: then the document is read.
      const check = stored ? checkWithKeys(drafts.listedCheck(summary.id, summary.revision), prefix) : undefined;
      const full = knownDraft(summary) ?? (check ? undefined : readDraft(summary));
      return { summary, check, full, entry: full ? entryOf(full, prefix, keys) : check!.entry };
    });
    // Drafts without a guideline are seen by no cross-draft rule: a new blank draft changes no basis.
    const seen = sources.filter((s) => (s.full ? s.full.guideline !== null : s.summary.packId !== null)).map((s) => s.entry);
    const build = stored ? drafts.codeVersion() : '';
    const basis = createHash('sha256')
      .update(JSON.stringify([build, today, packsSignature]))
      .update(seen.sort().join('\n'))
      .digest('hex');
    // What the cross-draft rules see, made only when a draft is checked again.
    let others: OtherDraft[] | undefined;
    const othersNow = (): OtherDraft[] =>
      (others ??= otherDraftsFrom(
        sources.map((s): CrossDraft => s.full ?? draftOfEntry(s.entry) ?? readDraft(s.summary)) as Draft[],
        packs.yearOf,
      ));
    const next = new Map<string, Progress>();
    const toStore: { id: string; check: NewCheck }[] = [];
    const nextMemo: typeof memo = new Map();
    for (const s of sources) {
      const { id, revision } = s.summary;
      const token = s.full ?? s.check!;
      const kept = memo.get(id);
      let progress = kept && kept.revision === revision && kept.token === token && kept.basis === basis ? kept.progress : undefined;
      if (!progress && s.check && s.check.basis === basis) progress = parseProgress(s.check.progress);
      if (!progress) {
        const draft = s.full ?? readDraft(s.summary);
        progress = progressOf(draft, today, othersNow());
        // Stored only for the revision that was read (another process may have saved meanwhile).
        if (stored && docs.get(id)?.revision === revision) {
          toStore.push({ id, check: { revision, updatedAt: s.summary.updatedAt, build, basis, entry: entryOf(draft, prefix, keys), progress } });
        }
      }
      next.set(id, progress);
      nextMemo.set(id, { revision, token, basis, progress });
    }
    if (stored) drafts.storeChecks(toStore);
    memo = nextMemo;
    for (const id of docs.keys()) if (!next.has(id)) docs.delete(id);
    return next;
  };

  // What `last` was computed for: the day, the packs, each listed draft's revision and document, the damaged ones.
  let last = new Map<string, Progress>();
  let lastToday = '';
  let lastPacks = '';
  let lastRevisions = new Map<string, number>();
  let lastTokens = new Map<string, object>();
  let lastDamaged = new Set<string>();
  const sameDocument = (s: DraftSummary): boolean => {
    if (s.damage !== undefined) return lastDamaged.has(s.id);
    if (lastDamaged.has(s.id)) return false;
    const listed = drafts.listedDraft(s.id, s.revision);
    return listed === undefined || listed === lastTokens.get(s.id);
  };
  const unchanged = (today: string, packsSignature: string, summaries: DraftSummary[]): boolean =>
    today === lastToday &&
    packsSignature === lastPacks &&
    summaries.length === lastRevisions.size &&
    summaries.every((s) => lastRevisions.get(s.id) === s.revision && sameDocument(s));

  return (summaries: DraftSummary[]): DraftSummary[] => {
    const today = chinaToday(now());
    const packsSignature = packsSignatureOf(packs);
    if (!unchanged(today, packsSignature, summaries)) {
      // A damaged draft lists as 已损坏 without progress; it must not take the others' down with it.
      last = compute(
        summaries.filter((s) => s.damage === undefined),
        today,
        packsSignature,
      );
      lastToday = today;
      lastPacks = packsSignature;
      lastRevisions = new Map(summaries.map((s) => [s.id, s.revision]));
      lastTokens = new Map([...memo].map(([id, m]) => [id, m.token]));
      lastDamaged = new Set(summaries.filter((s) => s.damage !== undefined).map((s) => s.id));
    }
    // Into the summaries themselves: the service made them for this call, and no copy of 2,000 rows is made.
    // A damaged draft has no progress (last has none for it).
    return summaries.map((s) => Object.assign(s, last.get(s.id)));
  };
}
