import type { StateCreator } from 'zustand';
import { AppError } from '../../../shared/ipc/errors';
import { call, errorMessage } from '../api/client';
import { derivedEdits } from '../fields/derive';
import { fetchDraftOnce } from './firstDraft';
import { addEdit, applyEdits, editsOfPatch, isPatchEmpty, mergePatches, type Edit, type PendingPatch } from './pendingPatch';
import type { AppState, CurrentDraftSlice } from './types';

/** Quiet time after the last keystroke before edits are sent. */
export const AUTOSAVE_DELAY_MS = 500;

/** Save state of a draft just loaded: nothing queued, nothing failed. */
const CLEAN = {
  openError: null,
  pending: {},
  inFlight: null,
  saveStatus: 'idle',
  savedAt: null,
  saveError: null,
  saveErrorCode: null,
} as const satisfies Partial<CurrentDraftSlice>;

export const createCurrentDraftSlice: StateCreator<AppState, [], [], CurrentDraftSlice> = (set, get) => {
  let debounceTimer: ReturnType<typeof setTimeout> | undefined;
  /** The running save loop; at most one request is in flight so baseRevision is always the latest. */
  let running: Promise<void> | null = null;

  const cancelDebounce = (): void => {
    if (debounceTimer !== undefined) clearTimeout(debounceTimer);
    debounceTimer = undefined;
  };

  /** Sends queued edits one request at a time until the queue is empty or a save fails. */
  const saveLoop = async (): Promise<void> => {
    for (;;) {
      const { current, pending } = get();
      if (!current || isPatchEmpty(pending)) return;
      const id = current.draft.id;
      set({ pending: {}, inFlight: pending, saveStatus: 'saving', saveError: null, saveErrorCode: null });
      try {
        const result = await call('draftsSave', { id, baseRevision: current.revision, patch: pending });
        const now = get().current;
        // The user may have opened another draft meanwhile; this answer is not about it.
        if (!now || now.draft.id !== id) return;
        set({
          current: { ...now, revision: result.revision, draft: { ...now.draft, updatedAt: result.savedAt } },
          inFlight: null,
          saveStatus: 'saved',
          savedAt: result.savedAt,
        });
      } catch (e) {
        if (get().current?.draft.id !== id) return;
        // Keep the failed edits; newer edits to the same field win.
        set((s) => ({
          pending: mergePatches(pending, s.pending),
          inFlight: null,
          saveStatus: 'error',
          saveError: errorMessage(e),
          saveErrorCode: e instanceof AppError ? e.code : null,
        }));
        return;
      }
    }
  };

  const load = async (id: string): Promise<void> => {
    try {
      const stored = await fetchDraftOnce(id);
      const { [id]: unsent, ...others } = get().unsentByDraft;
      if (unsent && !isPatchEmpty(unsent)) {
        // Edits that could not be saved when the user left this draft: put them back and send them again.
        set({
          current: { ...stored, draft: applyEdits(stored.draft, editsOfPatch(unsent)) },
          pending: unsent,
          unsentByDraft: others,
        });
        void get().flushSave();
      } else {
        // savedAt stays null: 已保存 is claimed only for a save answered in this session.
        set({ current: stored });
      }
    } catch (e) {
      set({ openError: errorMessage(e) });
    }
  };

  /** Keeps what the open draft could not save, so leaving it (back button, another draft) loses nothing. */
  const stashUnsent = (): void => {
    const { current, pending, inFlight, unsentByDraft } = get();
    if (!current) return;
    const unsent = mergePatches(inFlight ?? {}, pending);
    if (isPatchEmpty(unsent)) return;
    const id = current.draft.id;
    set({ unsentByDraft: { ...unsentByDraft, [id]: mergePatches(unsentByDraft[id] ?? {}, unsent) } });
  };

  return {
    current: null,
    openError: null,
    pending: {},
    inFlight: null,
    saveStatus: 'idle',
    savedAt: null,
    saveError: null,
    saveErrorCode: null,
    unsentByDraft: {},

    openDraft: async (id) => {
      // Edits to the draft being left go out before it is replaced.
      await get().flushSave();
      const before = get();
      // Reopening a draft whose last save failed keeps the unsent edits instead of refetching over them.
      if (before.current?.draft.id === id && !isPatchEmpty(before.pending)) return;
      stashUnsent();
      cancelDebounce();
      set({ current: null, ...CLEAN });
      await load(id);
    },

    reloadDraft: async () => {
      const id = get().current?.draft.id;
      if (!id || running) return;
      cancelDebounce();
      set(CLEAN);
      await load(id);
    },

    edit: (edits, options) => {
      const { current } = get();
      if (!current || current.draft.status === 'final' || edits.length === 0) return;
      const all = [...edits, ...derivedEdits(current.draft, edits)];
      if (options?.record !== false) get().recordEdits(current.draft, all, options?.separateStep);
      set((s) => ({
        current: { ...current, draft: applyEdits(current.draft, all) },
        pending: all.reduce<PendingPatch>(addEdit, s.pending),
      }));
      get().revalidate(all.map((e: Edit) => e.id));
      cancelDebounce();
      debounceTimer = setTimeout(() => void get().flushSave(), AUTOSAVE_DELAY_MS);
    },

    setField: (fieldId, value) => get().edit([{ target: 'values', id: fieldId, value }]),

    flushSave: () => {
      cancelDebounce();
      // Edits made while a request is in flight are picked up by the running loop with the new revision.
      if (running) return running;
      // After a conflict every retry would fail the same way; only reloadDraft clears it.
      if (isPatchEmpty(get().pending) || get().saveErrorCode === 'conflict') return Promise.resolve();
      running = saveLoop().finally(() => {
        running = null;
      });
      return running;
    },
  };
};
