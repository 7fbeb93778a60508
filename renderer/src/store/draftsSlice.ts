import type { StateCreator } from 'zustand';
import type { DraftSummary } from '../../../shared/ipc/contract';
import { routeFromHash } from '../app/hashRoute';
import { call, errorMessage } from '../api/client';
import type { AppState, DraftsSlice } from './types';

let firstListSettled: Promise<void> = Promise.resolve();

/** Settles once the home page's first list (asked for as the store is created) has arrived and is in the store, or has failed. */
export function firstDraftsListSettled(): Promise<void> {
  return firstListSettled;
}

export const createDraftsSlice: StateCreator<AppState, [], [], DraftsSlice> = (set, get) => {
  /**
   * When the page opens on the home page, its list is asked for as the store is created, before
   * React's first render, so the request and that render overlap instead of following each other.
   * Used once, by the list's first load (the home page's mount); every later load asks again.
   */
  let firstList: Promise<DraftSummary[]> | null = routeFromHash(window.location.hash).name === 'list' ? call('draftsList', {}) : null;
  // In the store as soon as it arrives, so the first render can already show the rows. A failure is
  // reported by the load that uses the request (the home page's mount), not here.
  if (firstList) {
    firstListSettled = firstList.then(
      (drafts) => set({ drafts, listError: null, listLoading: false }),
      () => undefined,
    );
  }

  /** Every change reloads both lists so the two tabs never disagree with the store. */
  const reloadLists = async (): Promise<void> => {
    await Promise.all([get().loadDrafts(), get().loadTrash()]);
  };

  return {
    drafts: [],
    trash: [],
    // True until the first answer, so the empty-state advice never flashes before the list arrives.
    listLoading: true,
    listError: null,

    loadDrafts: async () => {
      set({ listLoading: true });
      try {
        const pending = firstList;
        firstList = null;
        const drafts = await (pending ?? call('draftsList', {}));
        set({ drafts, listError: null });
      } catch (e) {
        set({ listError: errorMessage(e) });
      } finally {
        set({ listLoading: false });
      }
    },

    loadTrash: async () => {
      try {
        const trash = await call('draftsList', { trash: true });
        set({ trash, listError: null });
      } catch (e) {
        set({ listError: errorMessage(e) });
      }
    },

    createDraft: async () => {
      const created = await call('draftsCreate', {});
      await get().loadDrafts();
      return created.draft.id;
    },

    renameDraft: async (id, title) => {
      await call('draftsRename', { id, title });
      await get().loadDrafts();
    },

    duplicateDraft: async (id) => {
      const copy = await call('draftsDuplicate', { id });
      await get().loadDrafts();
      return copy;
    },

    deleteDraft: async (id) => {
      await call('draftsDelete', { id });
      await reloadLists();
    },

    restoreDraft: async (id) => {
      await call('draftsRestore', { id });
      await reloadLists();
    },

    purgeDraft: async (id) => {
      await call('draftsPurge', { id });
      await get().loadTrash();
    },

    importDraft: async (content) => {
      const imported = await call('draftsImport', { content });
      await get().loadDrafts();
      return imported;
    },

    importDraftArchive: async (base64) => {
      const imported = await call('draftsImportArchive', { base64 });
      await get().loadDrafts();
      return imported;
    },

    exportDraft: (id) => call('draftsExportArchive', { id }),
  };
};
