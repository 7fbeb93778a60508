import { parseIdNumber } from '../checks/idNumber';
import type { Draft, FieldValue } from '../model/draft';

const ID_SUFFIX = '.idNumber';

/** A value stored because another says it: `pi.sex` and `pi.birthDate` follow `pi.idNumber`. */
export interface DerivedValue {
  id: string;
  value: FieldValue;
}

/** The person prefix of an ID number field (`pi` for `pi.idNumber`), or null. */
export function personOf(idField: string): string | null {
  return idField.endsWith(ID_SUFFIX) ? idField.slice(0, -ID_SUFFIX.length) : null;
}

/** Sex and birth date an ID number says; both null when the number is empty or invalid (never stale). */
export function valuesFromIdNumber(idField: string, idValue: FieldValue | undefined): DerivedValue[] {
  const person = personOf(idField);
  if (person === null) return [];
  const info = typeof idValue === 'string' ? parseIdNumber(idValue) : null;
  return [
    { id: `${person}.sex`, value: info?.sex ?? null },
    { id: `${person}.birthDate`, value: info?.birthDate ?? null },
  ];
}

/**
 * The derived values of a whole draft that differ from what is stored: the CLI and imported drafts
 * recompute them with this, the wizard per edit, so the book never prints a stale birth date.
 */
export function staleDerivedValues(draft: Pick<Draft, 'values'>): DerivedValue[] {
  const out: DerivedValue[] = [];
  for (const id of Object.keys(draft.values)) {
    if (personOf(id) === null) continue;
    for (const d of valuesFromIdNumber(id, draft.values[id])) {
      const stored = Object.hasOwn(draft.values, d.id) ? draft.values[d.id] : null;
      if ((stored ?? null) !== d.value) out.push(d);
    }
  }
  return out;
}

/** The draft with its derived values recomputed (the same object when nothing was stale). */
export function withDerivedValues<D extends Pick<Draft, 'values'>>(draft: D): D {
  const stale = staleDerivedValues(draft);
  if (stale.length === 0) return draft;
  const values = { ...draft.values };
  for (const d of stale) {
    if (d.value === null) delete values[d.id];
    else values[d.id] = d.value;
  }
  return { ...draft, values };
}
