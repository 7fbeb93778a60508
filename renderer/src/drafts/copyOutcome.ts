import type { StoredDraft } from '../../../shared/ipc/contract';
import { draftTitle } from '../../../shared/model/draftNames';
import { call } from '../api/client';

export interface CopyOutcome {
  copyTitle: string;
  /** The original was final; the copy starts as an editable draft and needs its own 定稿. */
  wasFinal: boolean;
  /** Problems the copy has and the original had not: mostly rules over all drafts on this computer. */
  newProblems: string[];
  /** The copy could not be checked (no guideline chosen, or the check failed). */
  unchecked: boolean;
}

export type FailingRules = Map<string, string>;

/** The original's failing rules, read before the copy exists: afterwards cross-draft rules fail for both. */
export const failing = async (id: string): Promise<Map<string, string> | null> => {
  try {
    const v = await call('draftsValidate', { id });
    return new Map(v.results.filter((r) => r.outcome === 'fail' && r.severity !== 'info').map((r) => [`${r.ruleId}|${r.field ?? ''}`, r.message]));
  } catch {
    return null;
  }
};

/**
 * What a copy is and why it may differ from its original: the copy is checked against what the
 * original failed before the copy existed, so rules that look at every draft on this computer
 * (同一申请人同一年只能申请一个项目, 每单位限报 N 项) show what the second draft now triggers.
 */
export async function copyOutcome(original: { status: string; packId: string | null }, before: FailingRules | null, copy: StoredDraft): Promise<CopyOutcome> {
  const base = { copyTitle: draftTitle(copy.draft), wasFinal: original.status === 'final' };
  if (original.packId === null) return { ...base, newProblems: [], unchecked: true };
  const after = await failing(copy.draft.id);
  if (!before || !after) return { ...base, newProblems: [], unchecked: true };
  return { ...base, newProblems: [...after].filter(([key]) => !before.has(key)).map(([, message]) => message), unchecked: false };
}
