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
