import type { StateCreator } from 'zustand';
import { call, errorMessage } from '../api/client';
import type { AppState, DraftsSlice } from './types';

export const createDraftsSlice: StateCreator<AppState, [], [], DraftsSlice> = (set, get) => {
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
        const drafts = await call('draftsList', {});
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
