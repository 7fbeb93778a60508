import type { AttachmentRef, Draft, FieldValue, GuidelineRef, TableRow } from '../../../shared/model/draft';

/** One change to the open draft, in the shape the save patch carries it. */
export type Edit =
  | { target: 'values'; id: string; value: FieldValue }
  | { target: 'tables'; id: string; value: TableRow[] }
  | { target: 'attachments'; id: string; value: AttachmentRef[] }
  | { target: 'declarations'; id: string; value: boolean }
  /** The whole list of plan tasks the project supports (not a record: one id). */
  | { target: 'planTasks'; id: 'planTasks'; value: string[] }
  /** The guideline reference as a whole: the wizard changes its 支持方向 (directionPath) through it. */
  | { target: 'guideline'; id: 'guideline'; value: GuidelineRef | null };

export type EditTarget = Edit['target'];
type RecordTarget = Exclude<EditTarget, 'planTasks' | 'guideline'>;

/** Edits not yet confirmed by the store, keyed like `drafts:save`'s patch: the newest value per id. */
export interface PendingPatch {
  values?: Record<string, FieldValue>;
  tables?: Record<string, TableRow[]>;
  attachments?: Record<string, AttachmentRef[]>;
  declarations?: Record<string, boolean>;
  planTasks?: string[];
  guideline?: GuidelineRef | null;
}

const RECORD_TARGETS: RecordTarget[] = ['values', 'tables', 'attachments', 'declarations'];

export function isPatchEmpty(patch: PendingPatch | null | undefined): boolean {
  if (!patch) return true;
  return patch.planTasks === undefined && patch.guideline === undefined && RECORD_TARGETS.every((t) => Object.keys(patch[t] ?? {}).length === 0);
}

export function addEdit(patch: PendingPatch, edit: Edit): PendingPatch {
  if (edit.target === 'planTasks') return { ...patch, planTasks: edit.value };
  if (edit.target === 'guideline') return { ...patch, guideline: edit.value };
  return { ...patch, [edit.target]: { ...(patch[edit.target] ?? {}), [edit.id]: edit.value } };
}

/** `newer` wins per id. */
export function mergePatches(older: PendingPatch, newer: PendingPatch): PendingPatch {
  const merged: PendingPatch = { ...older };
  for (const t of RECORD_TARGETS) {
    if (older[t] || newer[t]) Object.assign(merged, { [t]: { ...(older[t] ?? {}), ...(newer[t] ?? {}) } });
  }
  if (newer.planTasks !== undefined) merged.planTasks = newer.planTasks;
  if (newer.guideline !== undefined) merged.guideline = newer.guideline;
  return merged;
}

export function editsOfPatch(patch: PendingPatch): Edit[] {
  const edits: Edit[] = [];
  for (const t of RECORD_TARGETS) {
    for (const [id, value] of Object.entries(patch[t] ?? {})) edits.push({ target: t, id, value } as Edit);
  }
  if (patch.planTasks !== undefined) edits.push({ target: 'planTasks', id: 'planTasks', value: patch.planTasks });
  if (patch.guideline !== undefined) edits.push({ target: 'guideline', id: 'guideline', value: patch.guideline });
  return edits;
}

export function applyEdits(draft: Draft, edits: readonly Edit[]): Draft {
  let next = draft;
  for (const edit of edits) {
    if (edit.target === 'planTasks') next = { ...next, planTasks: edit.value };
    else if (edit.target === 'guideline') next = { ...next, guideline: edit.value };
    else next = { ...next, [edit.target]: { ...next[edit.target], [edit.id]: edit.value } };
  }
  return next;
}

/** The current value an edit would replace (for undo); undefined when absent. */
export function valueBefore(draft: Draft, target: EditTarget, id: string): Edit['value'] | undefined {
  if (target === 'planTasks') return draft.planTasks;
  if (target === 'guideline') return draft.guideline;
  const record = draft[target] as Record<string, Edit['value']>;
  return Object.hasOwn(record, id) ? record[id] : undefined;
}

/** What "absent" means for each target when undo restores a value that did not exist. */
export function emptyValueOf(target: EditTarget): Edit['value'] {
  switch (target) {
    case 'values':
      return null;
    case 'tables':
    case 'attachments':
    case 'planTasks':
      return [];
    case 'declarations':
      return false;
    case 'guideline':
      return null;
  }
}
