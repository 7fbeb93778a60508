import type { StateCreator } from 'zustand';
import { guidancePreference, rememberGuidance, rememberSection } from '../wizard/wizardPreferences';
import { locateField, wizardSections } from '../wizard/sections';
import { emptyValueOf, valueBefore, type Edit } from './pendingPatch';
import type { AppState } from './types';
import type { UndoStep, WizardSlice } from './wizardTypes';

/** Keystrokes in one field closer together than this undo as one step. */
const COALESCE_MS = 1000;
const MAX_STEPS = 200;

// The first edit is the user's; derived ones follow it and may come and go between keystrokes.
const keyOf = (edits: readonly Edit[]): string => (edits[0] ? `${edits[0].target}:${edits[0].id}` : '');

export const createWizardSlice: StateCreator<AppState, [], [], WizardSlice> = (set, get) => {
  let nonce = 0;

  /** Replays one side of a step without recording it again. */
  const replay = (edits: Edit[]): void => {
    get().edit(edits, { record: false });
  };

  return {
    sectionId: null,
    focusRequest: null,
    undoStack: [],
    redoStack: [],
    guidanceOpen: typeof window === 'undefined' ? true : guidancePreference(),
    previewOpen: false,

    setSection: (sectionId) => {
      if (get().sectionId === sectionId) return;
      // Leaving a section sends what was typed in it.
      void get().flushSave();
      set({ sectionId });
      const draftId = get().current?.draft.id;
      if (draftId) rememberSection(draftId, sectionId);
    },

    goToField: (fieldPath) => {
      const found = locateField(wizardSections(get().resolved), fieldPath);
      if (!found) return;
      get().setSection(found.sectionId);
      nonce += 1;
      set({ focusRequest: { field: found.fieldId, nonce } });
    },

    recordEdits: (draft, edits, separateStep = false) => {
      const before = edits.map((e) => ({ ...e, value: valueBefore(draft, e.target, e.id) ?? emptyValueOf(e.target) }) as Edit);
      const key = keyOf(edits);
      const now = Date.now();
      set((s) => {
        const last = s.undoStack.at(-1);
        if (!separateStep && last && last.key === key && now - last.at < COALESCE_MS) {
          // Same field still being typed: extend the step, keep its original "before".
          const merged: UndoStep = { ...last, after: edits, at: now };
          return { undoStack: [...s.undoStack.slice(0, -1), merged], redoStack: [] };
        }
        return { undoStack: [...s.undoStack, { before, after: edits, key, at: now }].slice(-MAX_STEPS), redoStack: [] };
      });
    },

    undo: () => {
      const step = get().undoStack.at(-1);
      if (!step || get().current?.draft.status === 'final') return;
      set((s) => ({ undoStack: s.undoStack.slice(0, -1), redoStack: [...s.redoStack, step] }));
      replay(step.before);
    },

    redo: () => {
      const step = get().redoStack.at(-1);
      if (!step || get().current?.draft.status === 'final') return;
      set((s) => ({ redoStack: s.redoStack.slice(0, -1), undoStack: [...s.undoStack, { ...step, at: 0 }] }));
      replay(step.after);
    },

    resetHistory: () => set({ undoStack: [], redoStack: [], sectionId: null, focusRequest: null }),
    setGuidanceOpen: (guidanceOpen) => {
      rememberGuidance(guidanceOpen);
      set({ guidanceOpen });
    },
    setPreviewOpen: (previewOpen) => set({ previewOpen }),
  };
};
