import { isValidMonth, monthsInclusive } from '../dates';
import type { FieldValue } from '../model/draft';
import { textOf } from '../rules/access';

/** A monthRange value read once for everyone: empty (待填写), invalid, or its two `YYYY-MM` months. */
export function monthRangeState(value: FieldValue | undefined): { start: string; end: string } | 'empty' | 'invalid' {
  if (!Array.isArray(value) || value.every((v) => v.trim() === '')) return textOf(value) === null ? 'empty' : 'invalid';
  const [start = '', end = ''] = value.map((v) => v.trim());
  if (!isValidMonth(start) || !isValidMonth(end)) return 'invalid';
  return { start, end };
}

/** `[start, end]` months of a monthRange value, or null when incomplete or invalid. */
export function monthRangeOf(value: FieldValue | undefined): [string, string] | null {
  const state = Array.isArray(value) && value.length === 2 ? monthRangeState(value) : 'invalid';
  return typeof state === 'object' ? [state.start, state.end] : null;
}

/** The period in months counting both ends (2020-01..2022-12 = 36), or null. */
export function periodMonths(value: FieldValue | undefined): number | null {
  const range = monthRangeOf(value);
  return range ? monthsInclusive(range[0], range[1]) : null;
}

export type StageProblem = 'reversed' | 'beforeStart' | 'afterEnd';

/**
 * What is wrong with a schedule stage (`YYYY-MM` months; null when not given) against the project
 * period: the rule 进度安排须在起止年月之内 and the review page's timeline both read this.
 */
export function stageProblems(start: string | null, end: string | null, period: readonly [string, string] | null): StageProblem[] {
  const problems: StageProblem[] = [];
  if (start !== null && end !== null && start > end) problems.push('reversed');
  if (period && start !== null && start < period[0]) problems.push('beforeStart');
  if (period && end !== null && end > period[1]) problems.push('afterEnd');
  return problems;
}
