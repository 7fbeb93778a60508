import type { StateCreator } from 'zustand';
import { chinaToday } from '../../../shared/dates';
import type { Pack } from '../../../shared/pack/pack';
import type { ValidationSession } from '../../../shared/rules/session';
import type { OtherDraft, RuleContext } from '../../../shared/rules/types';
import { call, errorMessage } from '../api/client';
import type { AppState } from './types';
import type { ValidationSlice } from './wizardTypes';

type Engine = typeof import('./validationEngine');

/** The engine loads on the first draft opened, not with the home page; until it has run, resolved stays null (规则尚未检查). */
const loadEngine = (): Promise<Engine> => import('./validationEngine');

/** Fetches and evaluates the engine's code ahead of need (while a draft is being fetched, or when the home page is idle). */
export function prefetchEngine(): void {
  void loadEngine().catch(() => undefined);
}

const NO_COUNTS = { incomplete: 0, pending: 0, errors: 0, warnings: 0, infos: 0 };

/**
 * Cross-draft rules need the other drafts of this computer: the services answer with each one's
 * guideline and the few values those rules compare, once when a draft is opened, not on every
 * keystroke (the other drafts do not change while this one is being edited in this window).
 */
async function fetchOtherDrafts(openId: string): Promise<OtherDraft[]> {
  return call('draftsOtherDrafts', { id: openId });
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

const EARLY_INPUTS_MAX_AGE_MS = 10_000;

/** Requests for one draft's other drafts and attachment facts started early, taken once by its startValidation. */
let early: { draftId: string; at: number; otherDrafts: Promise<OtherDraft[]>; attachmentFacts: Promise<RuleContext['attachmentFacts']> } | null = null;

/** Asks for what checking this draft needs besides its pack, ahead of the wizard's own request. */
export function prefetchValidationInputs(draftId: string): void {
  const otherDrafts = fetchOtherDrafts(draftId);
  // Awaited (and a failure reported) by startValidation; until then it is not unhandled.
  otherDrafts.catch(() => undefined);
  early = { draftId, at: Date.now(), otherDrafts, attachmentFacts: fetchAttachmentFacts(draftId) };
}

function takeValidationInputs(draftId: string): { otherDrafts: Promise<OtherDraft[]>; attachmentFacts: Promise<RuleContext['attachmentFacts']> } {
  // Only answers asked for moments ago: other drafts may have changed since an older request.
  const taken = early?.draftId === draftId && Date.now() - early.at < EARLY_INPUTS_MAX_AGE_MS ? early : null;
  early = null;
  return taken ?? { otherDrafts: fetchOtherDrafts(draftId), attachmentFacts: fetchAttachmentFacts(draftId) };
}

/** Packs by id@version, kept while being fetched too, so an early request and the wizard's share one. */
const packCache = new Map<string, Promise<Pack>>();

function fetchPack(id: string, version: string): Promise<Pack> {
  const key = `${id}@${version}`;
  const cached = packCache.get(key);
  if (cached) return cached;
  const loading = Promise.all([call('guidelinesGet', { id, version }), loadEngine()]).then(([raw, { PackSchema }]) => PackSchema.parse(raw));
  packCache.set(key, loading);
  // A failure is not kept: the next opening asks again.
  loading.catch(() => packCache.delete(key));
  return loading;
}

/** Fetches and parses a pack ahead of need; a failure is reported by the wizard's own request. */
export function prefetchPack(id: string, version: string): void {
  fetchPack(id, version).catch(() => undefined);
}

/** The clock to the minute: precise enough for an 18:00 deadline, coarse enough to keep incremental checks between minutes. */
function thisMinute(): string {
  return new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString();
}

export const createValidationSlice: StateCreator<AppState, [], [], ValidationSlice> = (set, get) => {
  let engine: Engine | null = null;
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
      const inputs = takeValidationInputs(draftId);
      try {
        const [loaded, pack, otherDrafts, attachmentFacts] = await Promise.all([loadEngine(), fetchPack(g.packId, g.packVersion), inputs.otherDrafts, inputs.attachmentFacts]);
        if (get().validationDraftId !== draftId) return;
        engine = loaded;
        session = engine.createValidationSession(pack);
        ctx = { today: chinaToday(), now: thisMinute(), otherDrafts, ...(attachmentFacts ? { attachmentFacts } : {}) };
        const resolved = engine.resolveProgram(pack, g.programId, g.documentType);
        const current = get().current?.draft;
        // resolved (the 「checked」 mark) is set together with the first results, never before them.
        const results = current && current.id === draftId ? session.check(current, ctx) : [];
        set({ pack, resolved, otherDrafts, results, issues: engine.issuesOf(results), counts: engine.summarize(results) });
      } catch (e) {
        if (get().validationDraftId === draftId) set({ validationError: `无法载入申报指南，暂不能检查规则：${errorMessage(e)}` });
      }
    },

    revalidate: (changed) => {
      const draft = get().current?.draft;
      if (!engine || !session || !ctx || !draft || draft.id !== get().validationDraftId) return;
      const today = chinaToday();
      const now = thisMinute();
      // A new day changes ages and deadlines, a new minute a deadline with a time of day: a fresh context makes the session check everything.
      if (ctx.today !== today || ctx.now !== now) ctx = { ...ctx, today, now };
      const results = session.check(draft, ctx, changed);
      set({ results, issues: engine.issuesOf(results), counts: engine.summarize(results) });
    },
  };
};
