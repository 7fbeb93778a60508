import type { StateCreator } from 'zustand';
import type { GuidelineSummary } from '../../../shared/ipc/contract';
import type { DocumentType, DraftPatch, FieldValue, TableRow } from '../../../shared/model/draft';
import { call } from '../api/client';
import type { AppState, NewDraftSlice, NewDraftState } from './types';

export const EMPTY_NEW_DRAFT: NewDraftState = {
  guidelines: [],
  pack: null,
  programId: null,
  documentType: null,
  directionPath: [],
  answers: { values: {}, tables: {} },
  copyFrom: null,
  unitProfileId: null,
  personProfileId: null,
  projectName: '',
};

/** Later sources win: carried-over fields, then profiles, then the pre-check answers the applicant just gave. */
export function mergePatches(...patches: Pick<DraftPatch, 'values' | 'tables'>[]): Required<Pick<DraftPatch, 'values' | 'tables'>> {
  const values: Record<string, FieldValue> = {};
  const tables: Record<string, TableRow[]> = {};
  for (const p of patches) {
    Object.assign(values, p.values ?? {});
    for (const [id, rows] of Object.entries(p.tables ?? {})) if (rows && rows.length > 0) tables[id] = rows;
  }
  return { values, tables };
}

export const createNewDraftSlice: StateCreator<AppState, [], [], NewDraftSlice> = (set, get) => ({
  newDraft: EMPTY_NEW_DRAFT,

  resetNewDraft: async () => {
    set({ newDraft: EMPTY_NEW_DRAFT });
    const all: GuidelineSummary[] = await call('guidelinesList', {});
    // A plan (武威「十四五」规划) is a policy reference, not a call one can apply to.
    set({ newDraft: { ...get().newDraft, guidelines: all.filter((g) => g.kind === 'call') } });
  },

  chooseGuideline: async (id) => {
    // The pack schema (and zod) load with the new-draft flow, not with the home page.
    const [raw, { PackSchema }] = await Promise.all([call('guidelinesGet', { id }), import('../../../shared/pack/pack')]);
    const pack = PackSchema.parse(raw);
    set({ newDraft: { ...get().newDraft, pack, programId: null, documentType: null, directionPath: [], answers: { values: {}, tables: {} } } });
  },

  chooseProgram: (programId, documentType) => {
    const current = get().newDraft;
    const changed = current.programId !== programId;
    set({
      newDraft: {
        ...current,
        programId,
        documentType,
        directionPath: changed ? [] : current.directionPath,
      },
    });
  },

  updateNewDraft: (partial) => set({ newDraft: { ...get().newDraft, ...partial } }),

  createPrefilledDraft: async (patch) => {
    const { pack, programId, documentType, directionPath } = get().newDraft;
    if (!pack || !programId || !documentType) throw new Error('请先选择申报指南和专项');
    const created = await call('draftsCreate', {
      guideline: { packId: pack.id, packVersion: pack.version, programId, directionPath, documentType },
    });
    const hasContent = Object.keys(patch.values).length > 0 || Object.keys(patch.tables).length > 0;
    if (hasContent) await call('draftsSave', { id: created.draft.id, baseRevision: created.revision, patch });
    await get().loadDrafts();
    return created.draft.id;
  },
});

export type { DocumentType };
