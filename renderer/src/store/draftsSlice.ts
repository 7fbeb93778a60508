import type { StateCreator } from 'zustand';
import type { DraftPage } from '../../../shared/ipc/contract';
import { NO_FILTER } from '../../../shared/model/draftFilter';
import { routeFromHash } from '../app/hashRoute';
import { call, errorMessage } from '../api/client';
import type { AppState, DraftPageRequest, DraftsSlice } from './types';

let firstListSettled: Promise<void> = Promise.resolve();

/** Settles once the home page's first list (asked for as the store is created) has arrived and is in the store, or has failed. */
export function firstDraftsListSettled(): Promise<void> {
  return firstListSettled;
}

/** Rows per page of the home page's table, and of the 回收站's. */
export const DRAFTS_PAGE_SIZE = 20;
const FIRST_REQUEST: DraftPageRequest = { page: 1, pageSize: DRAFTS_PAGE_SIZE, filter: NO_FILTER, sort: 'updatedDesc' };
const NO_PAGE: DraftPage = { rows: [], total: 0, all: 0, packs: [] };

const ask = (r: DraftPageRequest): Promise<DraftPage> =>
  call('draftsPage', {
    page: r.page,
    pageSize: r.pageSize,
    sort: r.sort,
    ...(r.filter.query.trim() === '' ? {} : { query: r.filter.query }),
    ...(r.filter.packId === null ? {} : { packId: r.filter.packId }),
    ...(r.filter.status === null ? {} : { status: r.filter.status }),
    ...(r.filter.onlyWithErrors ? { onlyWithErrors: true } : {}),
  });

export const createDraftsSlice: StateCreator<AppState, [], [], DraftsSlice> = (set, get) => {
  /**
   * When the page opens on the home page, its first page is asked for as the store is created,
   * before React's first render, so the request and that render overlap instead of following each other.
   * Used once, by the list's first load (the home page's mount); every later load asks again.
   */
  let firstList: Promise<DraftPage> | null = routeFromHash(window.location.hash).name === 'list' ? ask(FIRST_REQUEST) : null;
  // In the store as soon as it arrives, so the first render can already show the rows. A failure is
  // reported by the load that uses the request (the home page's mount), not here.
  if (firstList) {
    firstListSettled = firstList.then(
      (draftPage) => set({ draftPage, listError: null, listLoading: false }),
      () => undefined,
    );
  }
  // Answers that arrive after a later request was sent (a search word typed on) are dropped.
  let latest = 0;
  let latestTrash = 0;

  /** Every change reloads both lists so the two tabs never disagree with the store. */
  const reloadLists = async (): Promise<void> => {
    await Promise.all([get().loadDrafts(), get().loadTrash()]);
  };

  return {
    drafts: [],
    draftPage: NO_PAGE,
    draftPageRequest: FIRST_REQUEST,
    trashPage: NO_PAGE,
    trashPageNumber: 1,
    // True until the first answer, so the empty-state advice never flashes before the list arrives.
    listLoading: true,
    listError: null,

    loadDrafts: async (change = {}) => {
      let request = { ...get().draftPageRequest, ...change };
      const mine = ++latest;
      set({ listLoading: true, draftPageRequest: request });
      try {
        const pending = firstList;
        firstList = null;
        let draftPage = await (pending && Object.keys(change).length === 0 ? pending : ask(request));
        // A page past the end (its last drafts deleted, say) shows the last page there is.
        const last = Math.max(1, Math.ceil(draftPage.total / request.pageSize));
        if (request.page > last && mine === latest) {
          request = { ...request, page: last };
          draftPage = await ask(request);
        }
        if (mine === latest) set({ draftPage, draftPageRequest: request, listError: null });
      } catch (e) {
        if (mine === latest) set({ listError: errorMessage(e) });
      } finally {
        if (mine === latest) set({ listLoading: false });
      }
    },

    loadAllDrafts: async () => {
      try {
        set({ drafts: await call('draftsList', {}) });
      } catch (e) {
        set({ listError: errorMessage(e) });
      }
    },

    loadTrash: async (page = get().trashPageNumber) => {
      const mine = ++latestTrash;
      try {
        let trashPage = await call('draftsPage', { trash: true, page, pageSize: DRAFTS_PAGE_SIZE });
        // A page past the end (its last drafts restored or purged) shows the last page there is.
        const last = Math.max(1, Math.ceil(trashPage.total / DRAFTS_PAGE_SIZE));
        if (page > last && mine === latestTrash) {
          page = last;
          trashPage = await call('draftsPage', { trash: true, page, pageSize: DRAFTS_PAGE_SIZE });
        }
        if (mine === latestTrash) set({ trashPage, trashPageNumber: page, listError: null });
      } catch (e) {
        if (mine === latestTrash) set({ listError: errorMessage(e) });
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
