import type { StateCreator } from 'zustand';
import { chinaToday } from '../../../shared/dates';
import { PackSchema, type Pack } from '../../../shared/pack/pack';
import { resolveProgram } from '../../../shared/pack/resolve';
import { issuesOf, summarize } from '../../../shared/rules/engine';
import { createValidationSession, type ValidationSession } from '../../../shared/rules/session';
import { otherDraftsFrom } from '../../../shared/rules/otherDrafts';
import type { OtherDraft, RuleContext } from '../../../shared/rules/types';
import { call, errorMessage } from '../api/client';
import type { AppState } from './types';
import type { ValidationSlice } from './wizardTypes';

const NO_COUNTS = { incomplete: 0, pending: 0, errors: 0, warnings: 0, infos: 0 };

/**
 * Cross-draft rules need the other drafts of this computer. They are fetched once when a draft is
 * opened (draftsList, then draftsGet for each draft with a guideline), not on every keystroke:
 * the other drafts do not change while this one is being edited in this window.
 */
async function fetchOtherDrafts(openId: string): Promise<OtherDraft[]> {
  const [summaries, guidelines] = await Promise.all([call('draftsList', {}), call('guidelinesList', {})]);
  const yearOf = new Map(guidelines.map((g) => [g.id, g.year ?? null]));
  const withGuideline = summaries.filter((s) => s.id !== openId && s.packId !== null);
  const stored = await Promise.all(withGuideline.map((s) => call('draftsGet', { id: s.id }).catch(() => null)));
  // The same selection the services make (shared/rules/otherDrafts).
  return otherDraftsFrom(
    stored.filter((entry) => entry !== null),
    (packId) => yearOf.get(packId) ?? null,
  );
}

/**
 * What the store knows of this draft's attachment files (missing, altered, content type): the
 * services see the files, the renderer does not, so it checks with the facts they report. A
 * failure here only means the files are checked by name and size until the next opening.
 */
async function fetchAttachmentFacts(draftId: string): Promise<RuleContext['attachmentFacts']> {
  try {
    return (await call('draftsValidate', { id: draftId })).attachmentFacts ?? undefined;
  } catch {
    return undefined;
  }
}

const packCache = new Map<string, Pack>();

async function fetchPack(id: string, version: string): Promise<Pack> {
  const key = `${id}@${version}`;
  const cached = packCache.get(key);
  if (cached) return cached;
  const pack = PackSchema.parse(await call('guidelinesGet', { id, version }));
  packCache.set(key, pack);
  return pack;
}

/** The clock to the minute: precise enough for an 18:00 deadline, coarse enough to keep incremental checks between minutes. */
function thisMinute(): string {
  return new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString();
}

export const createValidationSlice: StateCreator<AppState, [], [], ValidationSlice> = (set, get) => {
  let session: ValidationSession | null = null;
  /** One context per opened draft and day: the session re-checks only changed rules while it stays the same object. */
  let ctx: RuleContext | null = null;

  return {
    pack: null,
    resolved: null,
    results: [],
    issues: [],
    counts: NO_COUNTS,
    otherDrafts: [],
    validationDraftId: null,
    validationError: null,

    startValidation: async (draftId) => {
      session = null;
      ctx = null;
      set({ pack: null, resolved: null, results: [], issues: [], counts: NO_COUNTS, otherDrafts: [], validationDraftId: draftId, validationError: null });
      const draft = get().current?.draft;
      const g = draft?.id === draftId ? draft.guideline : null;
      if (!g) return;
      try {
        const [pack, otherDrafts, attachmentFacts] = await Promise.all([fetchPack(g.packId, g.packVersion), fetchOtherDrafts(draftId), fetchAttachmentFacts(draftId)]);
        if (get().validationDraftId !== draftId) return;
        session = createValidationSession(pack);
        ctx = { today: chinaToday(), now: thisMinute(), otherDrafts, ...(attachmentFacts ? { attachmentFacts } : {}) };
        set({ pack, resolved: resolveProgram(pack, g.programId, g.documentType), otherDrafts });
        get().revalidate();
      } catch (e) {
        if (get().validationDraftId === draftId) set({ validationError: `无法载入申报指南，暂不能检查规则：${errorMessage(e)}` });
      }
    },

    revalidate: (changed) => {
      const draft = get().current?.draft;
      if (!session || !ctx || !draft || draft.id !== get().validationDraftId) return;
      const today = chinaToday();
      const now = thisMinute();
      // A new day changes ages and deadlines, a new minute a deadline with a time of day: a fresh context makes the session check everything.
      if (ctx.today !== today || ctx.now !== now) ctx = { ...ctx, today, now };
      const results = session.check(draft, ctx, changed);
      set({ results, issues: issuesOf(results), counts: summarize(results) });
    },
  };
};
