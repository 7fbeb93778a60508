import { isValidMonth, monthsInclusive } from '../dates';
import type { FieldValue } from '../model/draft';

/** `[start, end]` months of a monthRange value, or null when incomplete or invalid. */
export function monthRangeOf(value: FieldValue | undefined): [string, string] | null {
  if (!Array.isArray(value) || value.length !== 2) return null;
  const [start, end] = value.map((v) => v.trim());
  return start && end && isValidMonth(start) && isValidMonth(end) ? [start, end] : null;
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
