import type { Draft } from '../../../shared/model/draft';
import { valuesFromIdNumber } from '../../../shared/derive/person';
import type { Edit } from '../store/pendingPatch';

/**
 * Edits that follow from others, computed by shared/derive (the same module the CLI and import
 * use): a person's sex and birth date from their ID number. They are stored, so the rules and the
 * printed book see the same values; an invalid number clears them rather than leaving stale ones.
 */
export function derivedEdits(draft: Draft, edits: readonly Edit[]): Edit[] {
  const derived: Edit[] = [];
  for (const edit of edits) {
    if (edit.target !== 'values') continue;
    for (const d of valuesFromIdNumber(edit.id, edit.value)) {
      if ((draft.values[d.id] ?? null) !== d.value) derived.push({ target: 'values', id: d.id, value: d.value });
    }
  }
  return derived;
}
