import type { DraftSummary } from '../../../shared/ipc/contract';
import type { Draft, GuidelineRef } from '../../../shared/model/draft';

/** What the home page shows of a draft beyond its summary row. */
export type Progress = Required<Pick<DraftSummary, 'completion' | 'incompleteCount' | 'errorCount' | 'warningCount' | 'deadline' | 'unitName'>>;

/** What other drafts' 限报数量 rules see of a draft: its guideline and the values they compare. */
export type CrossDraft = Pick<Draft, 'id' | 'guideline' | 'values'>;

/**
 * The list's check of a draft as its summary row holds it (migration 0006), found valid for the
 * document there now by the list's own query (same revision, update time and code). Kept as text:
 * the entry is hashed as it is, the progress parsed only where it is used.
 */
export interface StoredCheck {
  /** What the progress was computed for: the build, the China date, the packs and every draft's entry. */
  basis: string;
  /** crossEntryOf the draft, with the keys in use then. */
  entry: string;
  progress: string;
}

/** A check to store, for the document of this revision and update time, read by this code. */
export interface NewCheck {
  revision: number;
  updatedAt: string;
  build: string;
  basis: string;
  entry: string;
  progress: Progress;
}

/** How every entry made with these keys begins: an entry made with other keys holds other values. */
export const entryPrefix = (keys: readonly string[]): string => `[${JSON.stringify(keys)},`;

/** The stored check when its entry was made with these keys (entryPrefix), else none: one made while other packs were installed holds other values. */
export function checkWithKeys(check: StoredCheck | undefined, prefix: string): StoredCheck | undefined {
  return check?.entry.startsWith(prefix) ? check : undefined;
}

/**
 * The draft as other drafts' cross-draft rules see it, as one text: equal texts, equal results for
 * them. Built field by field so equal drafts always give equal texts.
 */
export function crossEntryOf(keys: readonly string[], draft: CrossDraft): string {
  const g = draft.guideline;
  const guideline = g && { packId: g.packId, packVersion: g.packVersion, programId: g.programId, directionPath: g.directionPath, documentType: g.documentType };
  const values = Object.fromEntries(keys.filter((k) => Object.hasOwn(draft.values, k)).map((k) => [k, draft.values[k]]));
  return `${entryPrefix(keys)}${JSON.stringify([draft.id, guideline, values])}]`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function isGuideline(v: unknown): v is GuidelineRef {
  return (
    isObject(v) &&
    typeof v.packId === 'string' &&
    typeof v.packVersion === 'string' &&
    typeof v.programId === 'string' &&
    Array.isArray(v.directionPath) &&
    v.directionPath.every((p) => typeof p === 'string') &&
    (v.documentType === 'proposal' || v.documentType === 'application')
  );
}

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** The draft an entry describes, or undefined when it does not read back as one (then its document is read). */
export function draftOfEntry(entry: string): CrossDraft | undefined {
  const v = parse(entry);
  if (!Array.isArray(v) || v.length !== 2 || !Array.isArray(v[1])) return undefined;
  const [id, guideline, values] = v[1] as unknown[];
  if (typeof id !== 'string' || (guideline !== null && !isGuideline(guideline)) || !isObject(values)) return undefined;
  return { id, guideline, values: values as Draft['values'] };
}

/** A stored progress, or undefined when it does not read back as one (then the draft is checked again). */
export function parseProgress(text: string): Progress | undefined {
  const v = parse(text);
  if (!isObject(v) || !isObject(v.deadline)) return undefined;
  const d = v.deadline;
  const ok =
    isCount(v.completion) &&
    isCount(v.incompleteCount) &&
    isCount(v.errorCount) &&
    isCount(v.warningCount) &&
    (v.unitName === null || typeof v.unitName === 'string') &&
    (d.closes === null || typeof d.closes === 'string') &&
    (d.daysLeft === null || isCount(d.daysLeft)) &&
    (d.state === 'open' || d.state === 'closed' || d.state === 'notYetOpen' || d.state === 'none');
  return ok ? (v as Progress) : undefined;
}
