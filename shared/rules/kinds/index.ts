import type { Rule, RuleKind } from '../../pack/rules';
import type { KindSpec, RuleOf } from '../types';
import { directionChosen, format, numberRange, required, textLength, valueIn, valueNotIn } from './basic';
import { crossDraftLimit } from './crossDraft';
import { attachmentFiles, derivedFromId, narrativeAmount, narrativePeriod, rowsWithinPeriod } from './form';
import { ageAtDate, bornOnOrAfter, dateOnOrAfter, dateOnOrBefore, dateOrder, periodMonths, yearsSince } from './dates';
import { moneyRange, ratioAtLeast, shareOfTotalAtLeast, sumEquals } from './money';
import { applicationWindow, attachmentPresent, dateInWindow, declarationTrue, priorityClaimed, programAccepting } from './program';
import { regionWithin } from './region';
import { valueShape } from './shape';
import { columnConstraint, partnerOutsideRegion, tableRowCount } from './tables';

/** One spec per rule kind; a kind added to the schema without a spec here is a type error. */
export const KINDS: { [K in RuleKind]: KindSpec<RuleOf<K>> } = {
  required,
  directionChosen,
  format,
  textLength,
  ageAtDate,
  bornOnOrAfter,
  yearsSince,
  periodMonths,
  dateOrder,
  dateOnOrAfter,
  dateOnOrBefore,
  moneyRange,
  numberRange,
  ratioAtLeast,
  shareOfTotalAtLeast,
  sumEquals,
  tableRowCount,
  columnConstraint,
  valueIn,
  valueNotIn,
  declarationTrue,
  attachmentPresent,
  partnerOutsideRegion,
  regionWithin,
  applicationWindow,
  dateInWindow,
  programAccepting,
  priorityClaimed,
  crossDraftLimit,
  rowsWithinPeriod,
  attachmentFiles,
  derivedFromId,
  valueShape,
  narrativeAmount,
  narrativePeriod,
};

export function specOf(rule: Rule): KindSpec<Rule> {
  return KINDS[rule.kind] as KindSpec<Rule>;
}
