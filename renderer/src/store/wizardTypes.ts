import type { Draft } from '../../../shared/model/draft';
import type { Pack } from '../../../shared/pack/pack';
import type { ResolvedProgram } from '../../../shared/pack/resolve';
import type { ValidationSummary } from '../../../shared/rules/engine';
import type { OtherDraft, RuleResult } from '../../../shared/rules/types';
import type { Edit } from './pendingPatch';

/** One undoable step: the edits made together and what they replaced. */
export interface UndoStep {
  before: Edit[];
  after: Edit[];
  /** Typing in one field within a short time is one step, not one per keystroke. */
  key: string;
  at: number;
}

/** Ask a section view to scroll to and focus a field; `nonce` makes a repeat request distinct. */
export interface FocusRequest {
  field: string;
  nonce: number;
}

export interface WizardSlice {
  /** The section shown in the centre; `REVIEW_STEP` is the 审阅与定稿 step after the last section. */
  sectionId: string | null;
  focusRequest: FocusRequest | null;
  undoStack: UndoStep[];
  redoStack: UndoStep[];
  guidanceOpen: boolean;
  previewOpen: boolean;
  setSection: (sectionId: string) => void;
  /** Switches to the section holding the field (`budget`, `members`, `pi.idNumber`…), scrolls to it and focuses it. */
  goToField: (fieldPath: string) => void;
  recordEdits: (draft: Draft, edits: Edit[], separateStep?: boolean) => void;
  undo: () => void;
  redo: () => void;
  /** Forgets the history (another draft was opened). */
  resetHistory: () => void;
  setGuidanceOpen: (open: boolean) => void;
  setPreviewOpen: (open: boolean) => void;
}

export interface ValidationSlice {
  /** The open draft's pack and resolved program; null for a draft without a guideline (default template, no rules). */
  pack: Pack | null;
  resolved: ResolvedProgram | null;
  /** Every rule's current result (pass, fail, met, notApplicable). */
  results: RuleResult[];
  /** Failures and met priorities, errors first. */
  issues: RuleResult[];
  counts: ValidationSummary;
  /** The other drafts of the local store, fetched once when a draft is opened (for cross-draft rules). */
  otherDrafts: OtherDraft[];
  validationDraftId: string | null;
  validationError: string | null;
  /** Loads the pack and the other drafts for the open draft and runs a full check. */
  startValidation: (draftId: string) => Promise<void>;
  /** Re-checks the rules reading `changed` (all rules when omitted). */
  revalidate: (changed?: string[]) => void;
}
