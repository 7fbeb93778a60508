import type { Draft } from '../model/draft';

/** Ids that name parts of a draft which are not pack fields; the renderer gives them Chinese labels. */
export const DRAFT_PART_IDS = { guideline: '$guideline', planTasks: '$planTasks', declarations: '$declarations', status: '$status' } as const;

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

const isEmpty = (v: unknown): boolean => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

function changedKeys(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => {
    const a = Object.hasOwn(before, k) ? before[k] : undefined;
    const b = Object.hasOwn(after, k) ? after[k] : undefined;
    // A field cleared back to nothing and one never filled read the same to the applicant.
    if (isEmpty(a) && isEmpty(b)) return false;
    return !deepEqual(a, b);
  });
}

/**
 * The parts of a draft that differ between two versions: field, table and attachment-item ids,
 * plus DRAFT_PART_IDS for the rest. `before` null means "from nothing" (the first version).
 * The time stamps and the draft's identity are not content and never count.
 */
export function changedFieldIds(before: Draft | null, after: Draft): string[] {
  const empty = { values: {}, tables: {}, attachments: {}, declarations: {}, planTasks: [], guideline: null, status: after.status };
  const from = before ?? empty;
  const ids = [
    ...changedKeys(from.values, after.values),
    ...changedKeys(from.tables, after.tables),
    ...changedKeys(from.attachments, after.attachments),
  ];
  if (!deepEqual(from.guideline, after.guideline)) ids.push(DRAFT_PART_IDS.guideline);
  if (!deepEqual(from.planTasks, after.planTasks)) ids.push(DRAFT_PART_IDS.planTasks);
  if (changedKeys(from.declarations, after.declarations).length > 0) ids.push(DRAFT_PART_IDS.declarations);
  if (from.status !== after.status) ids.push(DRAFT_PART_IDS.status);
  return [...new Set(ids)];
}
