import type { DraftSummary, StoredDraft } from '../../../shared/ipc/contract';
import type { Profile, ProfileKind } from '../../../shared/ipc/domains/profiles.contract';
import type { ErrorCode } from '../../../shared/ipc/errors';
import type { FieldValue } from '../../../shared/model/draft';
import type { Edit, PendingPatch } from './pendingPatch';
import type { ValidationSlice, WizardSlice } from './wizardTypes';

export type Route = { name: 'list' } | { name: 'editor'; draftId: string } | { name: 'review'; draftId: string };
export type ListTab = 'drafts' | 'trash';

export interface DraftsSlice {
  drafts: DraftSummary[];
  trash: DraftSummary[];
  listLoading: boolean;
  listError: string | null;
  loadDrafts: () => Promise<void>;
  loadTrash: () => Promise<void>;
  createDraft: () => Promise<string>;
  renameDraft: (id: string, title: string) => Promise<void>;
  duplicateDraft: (id: string) => Promise<void>;
  deleteDraft: (id: string) => Promise<void>;
  restoreDraft: (id: string) => Promise<void>;
  purgeDraft: (id: string) => Promise<void>;
  importDraft: (content: string) => Promise<StoredDraft>;
  exportDraft: (id: string) => Promise<{ fileName: string; content: string }>;
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
  edit: (edits: Edit[], options?: { record?: boolean }) => void;
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
  saveProfile: (kind: ProfileKind, name: string, values: Record<string, FieldValue>) => Promise<Profile>;
  deleteProfile: (id: string) => Promise<void>;
}

export type AppState = DraftsSlice & CurrentDraftSlice & UiSlice & ProfilesSlice & WizardSlice & ValidationSlice;
