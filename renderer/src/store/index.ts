import { create } from 'zustand';
import { createCurrentDraftSlice } from './currentDraftSlice';
import { createExportSlice } from './exportSlice';
import { createBackupSlice } from './backupSlice';
import { createDraftsSlice } from './draftsSlice';
import { createNewDraftSlice } from './newDraftSlice';
import { createProfilesSlice } from './profilesSlice';
import { createUiSlice } from './uiSlice';
import { createValidationSlice } from './validationSlice';
import { createWizardSlice } from './wizardSlice';
import type { AppState } from './types';

/** The one store; slices are combined here and nowhere else. */
export const useAppStore = create<AppState>()((...a) => ({
  ...createDraftsSlice(...a),
  ...createCurrentDraftSlice(...a),
  ...createUiSlice(...a),
  ...createWizardSlice(...a),
  ...createValidationSlice(...a),
  ...createProfilesSlice(...a),
  ...createNewDraftSlice(...a),
  ...createExportSlice(...a),
  ...createBackupSlice(...a),
}));

export type { AppState, Route, ListTab, SaveStatus } from './types';
