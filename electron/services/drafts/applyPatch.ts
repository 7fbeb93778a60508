import type { Draft, DraftPatch } from '../../../shared/model/draft';

/**
 * DraftPatch semantics: records merge key by key; in tables/attachments/declarations a `null`
 * deletes the key, while in `values` null is a legitimate "cleared" value and is stored.
 * Scalars (guideline, planTasks) replace. The result still has to pass DraftSchema.
 */
export function applyPatch(draft: Draft, patch: DraftPatch): Draft {
  const next: Draft = { ...draft };
  if (patch.guideline !== undefined) next.guideline = patch.guideline;
  if (patch.planTasks !== undefined) next.planTasks = [...patch.planTasks];
  if (patch.values) next.values = { ...draft.values, ...patch.values };
  if (patch.tables) next.tables = mergeDeleting(draft.tables, patch.tables);
  if (patch.attachments) next.attachments = mergeDeleting(draft.attachments, patch.attachments);
  if (patch.declarations) next.declarations = mergeDeleting(draft.declarations, patch.declarations);
  return next;
}

function mergeDeleting<T>(base: Record<string, T>, patch: Record<string, T | null>): Record<string, T> {
  const merged: Record<string, T> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}
