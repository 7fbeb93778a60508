import { parseIdNumber } from '../../checks/idNumber';
import { monthRangeState } from '../../derive/period';
import { chinaDateOf, fullYearsAt, isValidDate, isValidMonth, monthsInclusive } from '../../dates';
import type { FieldValue } from '../../model/draft';
import type { DateRef } from '../../pack/rules';
import { labelOf, textOf, valueOf } from '../access';
import { GUIDELINE_REF, fail, pass, pending, type EvalEnv, type KindSpec, type RuleOf } from '../types';

type BirthSource = RuleOf<'ageAtDate'>['person'];

const birthField = (p: BirthSource): string => ('birthDateField' in p ? p.birthDateField : p.idNumberField);

/** The birth date, or null when the source is empty or invalid (the format rule reports that). */
function birthDateOf(p: BirthSource, env: EvalEnv): string | null {
  const text = textOf(valueOf(env.draft, birthField(p)));
  if (text === null) return null;
  if ('birthDateField' in p) return isValidDate(text) ? text : null;
  return parseIdNumber(text)?.birthDate ?? null;
}

/** Without a (valid) birth date the age cannot be checked: the format rule names an invalid number, this names what to fill. */
function birthPending(p: BirthSource, env: EvalEnv) {
  const id = birthField(p);
  const label = labelOf(env, id);
  return pending([textOf(valueOf(env.draft, id)) === null ? label : `有效的${label}`], id);
}

/** The reference date: fixed, or the China date of the window's close (the validation date when there is none). */
export function referenceDate(at: DateRef, env: EvalEnv): string {
  if ('date' in at) return at.date;
  const closes = env.resolved.window?.closes;
  return (closes ? chinaDateOf(closes) : null) ?? env.ctx.today;
}

export const ageAtDate: KindSpec<RuleOf<'ageAtDate'>> = {
  refs: (r) => [{ at: 'person', field: birthField(r.person) }, GUIDELINE_REF],
  evaluate: (r, env) => {
    const birth = birthDateOf(r.person, env);
    if (birth === null) return birthPending(r.person, env);
    const at = referenceDate(r.at, env);
    const age = fullYearsAt(birth, at);
    const said = `出生于${birth}，截至${at}年满${age}周岁`;
    if (r.max !== undefined && age > r.max) return fail(`${said}，超过${r.max}周岁`);
    if (r.min !== undefined && age < r.min) return fail(`${said}，不满${r.min}周岁`);
    return pass(said);
  },
};

export const bornOnOrAfter: KindSpec<RuleOf<'bornOnOrAfter'>> = {
  refs: (r) => [{ at: 'person', field: birthField(r.person) }],
  evaluate: (r, env) => {
    const birth = birthDateOf(r.person, env);
    if (birth === null) return birthPending(r.person, env);
    return birth >= r.date ? pass(`出生于${birth}`) : fail(`出生于${birth}，早于${r.date}`);
  },
};

export const periodMonths: KindSpec<RuleOf<'periodMonths'>> = {
  refs: (r) => [{ at: 'field', field: r.field, kinds: ['monthRange'], kindRule: '起止月数规则只能读取 monthRange 字段' }],
  evaluate: (r, env) => {
    const range = monthRangeState(valueOf(env.draft, r.field));
    if (range === 'empty') return pending([labelOf(env, r.field)]);
    if (range === 'invalid') return fail('起止年月应填写为「开始年月」和「结束年月」（YYYY-MM）');
    const months = monthsInclusive(range.start, range.end);
    const said = `${range.start}至${range.end}共${months}个月`;
    if (months < 1) return fail(`结束年月${range.end}早于开始年月${range.start}`);
    if (r.max !== undefined && months > r.max) return fail(`${said}，超过${r.max}个月`);
    if (r.min !== undefined && months < r.min) return fail(`${said}，不足${r.min}个月`);
    return pass(said);
  },
};

/** A date or month as a comparable key: months compare by month, so 2019-01 is on or after 2019-01-15 is false but not before its month. */
function dateLike(value: FieldValue | undefined): string | null {
  const text = textOf(value);
  if (text === null) return null;
  if (isValidDate(text) || isValidMonth(text)) return text;
  return null;
}

function compare(a: string, b: string): number {
  // Compare at the coarser precision when one side is a month.
  const len = Math.min(a.length, b.length);
  const x = a.slice(0, len);
  const y = b.slice(0, len);
  return x < y ? -1 : x > y ? 1 : 0;
}

export const dateOrder: KindSpec<RuleOf<'dateOrder'>> = {
  refs: (r) => [
    { at: 'earlier', field: r.earlier },
    { at: 'later', field: r.later },
  ],
  evaluate: (r, env) => {
    const a = dateLike(valueOf(env.draft, r.earlier));
    const b = dateLike(valueOf(env.draft, r.later));
    if (a === null || b === null) return pending([...(a === null ? [labelOf(env, r.earlier)] : []), ...(b === null ? [labelOf(env, r.later)] : [])]);
    return compare(a, b) <= 0 ? pass() : fail(`${a}晚于${b}`, r.later);
  },
};

export const dateOnOrAfter: KindSpec<RuleOf<'dateOnOrAfter'>> = {
  refs: (r) => [{ at: 'field', field: r.field }],
  evaluate: (r, env) => {
    const text = textOf(valueOf(env.draft, r.field));
    if (text === null) return pending([labelOf(env, r.field)]);
    const d = dateLike(text);
    if (d === null) return fail(`「${text}」不是有效日期`);
    return compare(d, r.date) >= 0 ? pass(`填写为${d}`) : fail(`填写为${d}，早于${r.date}`);
  },
};

export const dateOnOrBefore: KindSpec<RuleOf<'dateOnOrBefore'>> = {
  refs: (r) => [{ at: 'field', field: r.field }],
  evaluate: (r, env) => {
    const text = textOf(valueOf(env.draft, r.field));
    if (text === null) return pending([labelOf(env, r.field)]);
    const d = dateLike(text);
    if (d === null) return fail(`「${text}」不是有效日期`);
    return compare(d, r.date) <= 0 ? pass(`填写为${d}`) : fail(`填写为${d}，晚于${r.date}`);
  },
};

/** 「成立满3年」: whole years from a date field (成立日期) to the reference date, as ages are counted. */
export const yearsSince: KindSpec<RuleOf<'yearsSince'>> = {
  refs: (r) => [{ at: 'field', field: r.field, kinds: ['date'], kindRule: '年限规则只能读取日期字段' }, ...('windowClose' in r.at ? [GUIDELINE_REF] : [])],
  evaluate: (r, env) => {
    const text = textOf(valueOf(env.draft, r.field));
    if (text === null) return pending([labelOf(env, r.field)]);
    if (!isValidDate(text)) return fail(`「${text}」不是有效日期`);
    const at = referenceDate(r.at, env);
    const years = fullYearsAt(text, at);
    const said = `${labelOf(env, r.field)}为${text}，截至${at}满${Math.max(years, 0)}年`;
    if (r.min !== undefined && years < r.min) return fail(`${said}，不满${r.min}年`);
    if (r.max !== undefined && years > r.max) return fail(`${said}，超过${r.max}年`);
    return pass(said);
  },
};
