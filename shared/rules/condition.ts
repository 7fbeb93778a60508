import type { Draft, FieldValue } from '../model/draft';
import type { Condition } from '../pack/condition';
import { isFilled, isIdFilled, valueOf } from './access';
import { GUIDELINE_KEY } from './types';

function sameScalar(value: FieldValue | undefined, expected: string | number | boolean): boolean {
  if (value === expected) return true;
  // A select stores strings; a pack may write a number for a numeric option.
  if (typeof value === 'string' && typeof expected === 'number') return value.trim() === String(expected);
  if (typeof value === 'number' && typeof expected === 'string') return String(value) === expected.trim();
  return false;
}

/** Interprets a typed condition over the draft. Data only: never code. */
export function evalCondition(condition: Condition, draft: Draft): boolean {
  if ('all' in condition) return condition.all.every((c) => evalCondition(c, draft));
  if ('any' in condition) return condition.any.some((c) => evalCondition(c, draft));
  if ('not' in condition) return !evalCondition(condition.not, draft);
  if ('program' in condition) return draft.guideline !== null && condition.program.includes(draft.guideline.programId);
  if ('documentType' in condition) return draft.guideline?.documentType === condition.documentType;
  if ('directionUnder' in condition) {
    const path = draft.guideline?.directionPath ?? [];
    return condition.directionUnder.every((id, i) => path[i] === id);
  }
  const value = valueOf(draft, condition.field);
  if ('equals' in condition) return sameScalar(value, condition.equals);
  if ('in' in condition) return condition.in.some((v) => sameScalar(value, v));
  if ('notIn' in condition) return !condition.notIn.some((v) => sameScalar(value, v));
  if ('includes' in condition) return Array.isArray(value) ? value.includes(condition.includes) : sameScalar(value, condition.includes);
  if ('filled' in condition) return (isFilled(value) || isIdFilled(draft, condition.field)) === condition.filled;
  return false;
}

/** The ids a condition reads, for the engine's index. */
export function conditionReads(condition: Condition | undefined, into: string[] = []): string[] {
  if (!condition) return into;
  if ('all' in condition) condition.all.forEach((c) => conditionReads(c, into));
  else if ('any' in condition) condition.any.forEach((c) => conditionReads(c, into));
  else if ('not' in condition) conditionReads(condition.not, into);
  else if ('field' in condition) into.push(condition.field);
  else into.push(GUIDELINE_KEY);
  return into;
}

/**
 * The inputs of a condition that are not filled in yet and that decide it (a field compared to a
 * value, the chosen direction): while they are empty a rule guarded by it cannot be said not to
 * apply. `filled` conditions are about emptiness itself and never wait.
 */
export function unknownConditionInputs(condition: Condition, draft: Draft, into: string[] = []): string[] {
  if ('all' in condition) condition.all.forEach((c) => unknownConditionInputs(c, draft, into));
  else if ('any' in condition) condition.any.forEach((c) => unknownConditionInputs(c, draft, into));
  else if ('not' in condition) unknownConditionInputs(condition.not, draft, into);
  else if ('directionUnder' in condition) {
    if ((draft.guideline?.directionPath ?? []).length === 0) into.push(GUIDELINE_KEY);
  } else if ('field' in condition && !('filled' in condition)) {
    if (!isFilled(valueOf(draft, condition.field)) && !into.includes(condition.field)) into.push(condition.field);
  }
  return into;
}
