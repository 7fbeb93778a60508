import type { DraftPage, DraftSort, DraftSummary, StoredDraft } from '../../../shared/ipc/contract';
import type { DraftFilter } from '../../../shared/model/draftFilter';
import type { Profile, ProfileKind } from '../../../shared/ipc/domains/profiles.contract';
import type { GuidelineSummary } from '../../../shared/ipc/contract';
import type { DocumentType, DraftPatch } from '../../../shared/model/draft';
import type { Pack } from '../../../shared/pack/pack';
import type { PrecheckAnswers } from '../../../shared/precheck';
import type { ErrorCode } from '../../../shared/ipc/errors';
import type { FieldValue } from '../../../shared/model/draft';
import type { Edit, PendingPatch } from './pendingPatch';
import type { ValidationSlice, WizardSlice } from './wizardTypes';
import type { ExportSlice } from './exportSlice';
import type { BackupSlice } from './backupSlice';

export type Route =
  | { name: 'list' }
  | { name: 'newDraft' }
  | { name: 'editor'; draftId: string }
  | { name: 'review'; draftId: string }
  | { name: 'export'; draftId: string }
  | { name: 'verify' }
  | { name: 'settings' }
  | { name: 'profiles' }
  | { name: 'studio' };
export type ListTab = 'drafts' | 'trash';

/** What the home page asks the services for: one page, searched, filtered and sorted there. */
export interface DraftPageRequest {
  page: number;
  pageSize: number;
  filter: DraftFilter;
  sort: DraftSort;
}

export interface DraftsSlice {
  /** Every draft not in the trash (新建's 从已有草稿带入 chooses among them); loaded by loadAllDrafts. */
  drafts: DraftSummary[];
  /** The home page's page of drafts, as asked by draftPageRequest. */
  draftPage: DraftPage;
  draftPageRequest: DraftPageRequest;
  /** The 回收站 tab's page (its `all` counts the trash), and which page it is. */
  trashPage: DraftPage;
  trashPageNumber: number;
  listLoading: boolean;
  listError: string | null;
  /** Loads the home page's page again (after any change, or with `request` changed). */
  loadDrafts: (request?: Partial<DraftPageRequest>) => Promise<void>;
  loadAllDrafts: () => Promise<void>;
  /** Loads the 回收站's page again, or page `page`. */
  loadTrash: (page?: number) => Promise<void>;
  createDraft: () => Promise<string>;
  renameDraft: (id: string, title: string) => Promise<void>;
  duplicateDraft: (id: string) => Promise<StoredDraft>;
  deleteDraft: (id: string) => Promise<void>;
  restoreDraft: (id: string) => Promise<void>;
  purgeDraft: (id: string) => Promise<void>;
  importDraft: (content: string) => Promise<StoredDraft>;
  /** A 草稿数据文件 (zip with the attachments), as Base64. */
  importDraftArchive: (base64: string) => Promise<StoredDraft & { attachmentCount: number; missing: string[] }>;
  /** 导出草稿数据: the draft and its attachments in one zip. */
  exportDraft: (id: string) => Promise<{ fileName: string; base64: string; attachmentCount: number; missing: string[] }>;
}

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'error';
export type FieldChanges = Record<string, FieldValue>;

export interface CurrentDraftSlice {
  /** The open draft as the user sees it, edits included, and the revision the server last confirmed. */
  current: StoredDraft | null;
  openError: string | null;
  /** Edits not yet sent. */
  pending: PendingPatch;
  /** Edits in the save request that has not answered yet. */
  inFlight: PendingPatch | null;
  /** Edits of drafts left before they could be saved; sent again when the draft is reopened. */
  unsentByDraft: Record<string, PendingPatch>;
  saveStatus: SaveStatus;
  /** The server's time of the last save confirmed in this session (ISO). */
  savedAt: string | null;
  saveError: string | null;
  /** `conflict` means another window saved first: retrying cannot help, reloading can. */
  saveErrorCode: ErrorCode | null;
  openDraft: (id: string) => Promise<void>;
  setField: (fieldId: string, value: FieldValue) => void;
  /** Applies edits (and the derived ones) to the open draft, queues them for autosave and re-validates; `record: false` skips undo history. */
  /** `separateStep`: one undo step of its own (applying a profile), never merged with typing in the same field. */
  edit: (edits: Edit[], options?: { record?: boolean; separateStep?: boolean }) => void;
  /** Sends pending edits now; resolves once nothing is queued or a save failed. */
  flushSave: () => Promise<void>;
  /** Drops unsent edits and loads the stored draft again (after a conflict). */
  reloadDraft: () => Promise<void>;
}

export interface UiSlice {
  route: Route;
  listTab: ListTab;
  setRoute: (route: Route) => void;
  setListTab: (tab: ListTab) => void;
}

export interface ProfilesSlice {
  /** Unit and person profiles, both kinds; components filter by kind. */
  profiles: Profile[];
  profilesLoaded: boolean;
  profilesError: string | null;
  loadProfiles: () => Promise<void>;
  /** Saving under an existing name of the same kind replaces it. */
  saveProfile: (kind: ProfileKind, name: string, values: Record<string, FieldValue>, id?: string) => Promise<Profile>;
  deleteProfile: (id: string) => Promise<void>;
}

/** The 新建申报书 steps' choices; kept in the store so going back and forth between steps keeps them. */
export interface NewDraftState {
  guidelines: GuidelineSummary[];
  pack: Pack | null;
  programId: string | null;
  documentType: DocumentType | null;
  directionPath: string[];
  answers: PrecheckAnswers;
  /** The earlier draft to copy from and which groups to copy. */
  copyFrom: { draftId: string; groups: string[] } | null;
  unitProfileId: string | null;
  personProfileId: string | null;
  projectName: string;
}

export interface NewDraftSlice {
  newDraft: NewDraftState;
  resetNewDraft: () => Promise<void>;
  chooseGuideline: (id: string) => Promise<void>;
  chooseProgram: (programId: string, documentType: DocumentType) => void;
  updateNewDraft: (partial: Partial<NewDraftState>) => void;
  /** Creates the draft for the chosen program and saves the pre-filled values; returns its id. */
  createPrefilledDraft: (patch: Required<Pick<DraftPatch, 'values' | 'tables'>>) => Promise<string>;
}

export type AppState = DraftsSlice & CurrentDraftSlice & UiSlice & ProfilesSlice & NewDraftSlice & WizardSlice & ValidationSlice & ExportSlice & BackupSlice;
