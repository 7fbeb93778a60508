import { parseIdNumber } from '../../../shared/checks/idNumber';
import { isValidMonth, monthsInclusive } from '../../../shared/dates';
import type { Draft, FieldValue } from '../../../shared/model/draft';
import type { Edit } from '../store/pendingPatch';

const ID_SUFFIX = '.idNumber';

/**
 * Edits that follow from others: a person's sex and birth date from their ID number (`pi.idNumber`
 * fills `pi.sex` and `pi.birthDate`). They are stored, so rules reading the birth date and the
 * printed book see the same values; an invalid number clears them rather than leaving stale ones.
 */
export function derivedEdits(draft: Draft, edits: readonly Edit[]): Edit[] {
  const derived: Edit[] = [];
  for (const edit of edits) {
    if (edit.target !== 'values' || !edit.id.endsWith(ID_SUFFIX)) continue;
    const person = edit.id.slice(0, -ID_SUFFIX.length);
    const info = typeof edit.value === 'string' ? parseIdNumber(edit.value) : null;
    const sex: FieldValue = info?.sex ?? null;
    const birthDate: FieldValue = info?.birthDate ?? null;
    if ((draft.values[`${person}.sex`] ?? null) !== sex) derived.push({ target: 'values', id: `${person}.sex`, value: sex });
    if ((draft.values[`${person}.birthDate`] ?? null) !== birthDate) derived.push({ target: 'values', id: `${person}.birthDate`, value: birthDate });
  }
  return derived;
}

/** `[start, end]` months of a monthRange value, or null when incomplete. */
export function monthRangeOf(value: FieldValue | undefined): [string, string] | null {
  if (!Array.isArray(value) || value.length !== 2) return null;
  const [start, end] = value;
  return start && end && isValidMonth(start) && isValidMonth(end) ? [start, end] : null;
}

/** The period in months counting both ends (2020-01..2022-12 = 36), or null. */
export function periodMonths(value: FieldValue | undefined): number | null {
  const range = monthRangeOf(value);
  return range ? monthsInclusive(range[0], range[1]) : null;
}
