import { z } from 'zod';
import { FieldIdSchema } from '../model/draft';
import { isRegionCode } from '../regions';
import { ConditionSchema } from './condition';

export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

/** An amount of money (integer yuan): a money field, or the sum of a table column (optionally some rows only). */
export const AmountSchema = z.union([
  z.object({ field: FieldIdSchema }).strict(),
  z.object({ table: FieldIdSchema, column: FieldIdSchema, rows: z.array(z.string().max(100)).max(100).optional() }).strict(),
]);
export type Amount = z.infer<typeof AmountSchema>;

/** A date reference: a fixed date, or the program's application window close (the default reference date for ages). */
export const DateRefSchema = z.union([
  z.object({ date: z.iso.date() }).strict(),
  z.object({ windowClose: z.literal(true) }).strict(),
]);
export type DateRef = z.infer<typeof DateRefSchema>;

/** Where a person's birth date comes from: a date field, or an 18-digit ID number field. */
export const BirthSourceSchema = z.union([
  z.object({ birthDateField: FieldIdSchema }).strict(),
  z.object({ idNumberField: FieldIdSchema }).strict(),
]);

/** Constraint applied to every row's cell of one table column. */
export const CellConstraintSchema = z.union([
  z.object({ filled: z.literal(true) }).strict(),
  z.object({ in: z.array(z.string().max(200)).min(1).max(100) }).strict(),
  z.object({ notIn: z.array(z.string().max(200)).min(1).max(100) }).strict(),
  z.object({ dateOnOrAfter: z.iso.date() }).strict(),
  z.object({ dateOnOrBefore: z.iso.date() }).strict(),
  z.object({ format: z.enum(['uscc', 'idNumber', 'phone', 'mobile', 'email', 'postcode']) }).strict(),
  /** Money and counts are never negative. */
  z.object({ nonNegative: z.literal(true) }).strict(),
]);

const ruleBase = {
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, '规则编号只能由小写字母、数字、点、下划线和连字符组成').max(120),
  severity: SeveritySchema,
  /** The headline in Chinese; the engine appends the computed values. */
  message: z.string().min(1).max(500),
  /** The clause this rule checks (an id in `pack.clauses`). */
  clause: z.string().min(1).max(100),
  /** The rule applies only when this holds (unit type, chosen program or option…). */
  when: ConditionSchema.optional(),
  /** The section the wizard shows it under; defaults to the section of the first field read. */
  section: FieldIdSchema.optional(),
};

const r = <K extends string, S extends z.ZodRawShape>(kind: K, shape: S) =>
  z.object({ ...ruleBase, kind: z.literal(kind), ...shape }).strict();

export const RuleSchema = z.discriminatedUnion('kind', [
  /** The field (value, table rows or attachment slot) is filled. */
  r('required', { field: FieldIdSchema }),
  /** A direction of the program's tree is chosen (down to a leaf when `leaf`). */
  r('directionChosen', { leaf: z.boolean().optional() }),
  r('format', { field: FieldIdSchema, format: z.enum(['uscc', 'idNumber', 'phone', 'mobile', 'email', 'postcode']) }),
  /** Character count like Word's 字数. */
  r('textLength', { field: FieldIdSchema, min: z.number().int().nonnegative().optional(), max: z.number().int().positive().optional() }),
  /** Age in full years (周岁) at the reference date. */
  r('ageAtDate', { person: BirthSourceSchema, at: DateRefSchema, min: z.number().int().optional(), max: z.number().int().optional() }),
  /**
   * Full years from the date in a date field to the reference date, within [min, max]: 「成立满3年」
   * is `min: 3`, 「成立不满5年」 is `max: 4`. Counted like ages (the anniversary completes a year), so
   * the rule holds without knowing the deadline when the pack is written.
   */
  r('yearsSince', { field: FieldIdSchema, at: DateRefSchema, min: z.number().int().nonnegative().optional(), max: z.number().int().nonnegative().optional() }),
  /** Born on or after a date ("出生年月为1972年1月以后" = on or after 1972-01-01). */
  r('bornOnOrAfter', { person: BirthSourceSchema, date: z.iso.date() }),
  /** Months from start to end of a monthRange field, counting both ends (2020-01..2022-12 = 36). */
  r('periodMonths', { field: FieldIdSchema, min: z.number().int().positive().optional(), max: z.number().int().positive().optional() }),
  r('dateOrder', { earlier: FieldIdSchema, later: FieldIdSchema }),
  r('dateOnOrAfter', { field: FieldIdSchema, date: z.iso.date() }),
  r('dateOnOrBefore', { field: FieldIdSchema, date: z.iso.date() }),
  /** The amount lies in [min, max] yuan (either bound optional). */
  /** `max: 0` expresses 「不得用于…」: the amount must be zero. */
  /** Without `ifFilled`, an empty amount cannot be checked and is reported as pending (「无法检查：请先填写…」). */
  r('moneyRange', { amount: AmountSchema, min: z.number().int().optional(), max: z.number().int().nonnegative().optional(), ifFilled: z.boolean().optional() }),
  r('numberRange', { field: FieldIdSchema, min: z.number().optional(), max: z.number().optional() }),
  /** numerator : denominator ≥ ratio, exactly (e.g. 1:2 self-funding is numerator selfRaised, denominator fiscal, ratio 2). */
  r('ratioAtLeast', { numerator: AmountSchema, denominator: AmountSchema, ratio: z.number().positive(), ratioLabel: z.string().max(20).optional() }),
  /** part ≥ percent% of (part + others), exactly. */
  r('shareOfTotalAtLeast', { part: AmountSchema, others: z.array(AmountSchema).min(1).max(10), percent: z.number().positive().max(100) }),
  /**
   * The amounts add up to `equals`, exactly. With `ifFilled` (a stated total such as 申请财政资金
   * against the budget table), an empty `equals` is left to its own 必填 rule and empty amounts make
   * the check wait (无法检查) while none of them is filled (blank cells of a filled table count 0).
   */
  r('sumEquals', { amounts: z.array(AmountSchema).min(1).max(20), equals: AmountSchema, ifFilled: z.boolean().optional() }),
  /** Row count of a table, counting only rows that satisfy `where` cells if given. */
  r('tableRowCount', {
    table: FieldIdSchema,
    min: z.number().int().nonnegative().optional(),
    max: z.number().int().nonnegative().optional(),
    where: z.array(z.object({ column: FieldIdSchema, constraint: CellConstraintSchema }).strict()).max(5).optional(),
  }),
  /** Every filled row's cell in `column` satisfies the constraint. */
  r('columnConstraint', { table: FieldIdSchema, column: FieldIdSchema, constraint: CellConstraintSchema }),
  r('valueIn', { field: FieldIdSchema, values: z.array(z.union([z.string().max(200), z.number()])).min(1).max(200) }),
  r('valueNotIn', { field: FieldIdSchema, values: z.array(z.union([z.string().max(200), z.number()])).min(1).max(200) }),
  /** A 承诺 checkbox (`draft.declarations[id]`) is ticked. */
  r('declarationTrue', { declaration: FieldIdSchema }),
  /** An attachment slot of the checklist has at least one file (the checklist item's own `when` applies too). */
  r('attachmentPresent', { slot: FieldIdSchema }),
  /** At least `min` rows of a partner table whose region column is outside the given region(s). */
  r('partnerOutsideRegion', { table: FieldIdSchema, column: FieldIdSchema, regions: z.array(z.string().max(50)).min(1).max(50), min: z.number().int().positive() }),
  /**
   * A region field (注册地, GB/T 2260 code) lies inside one of `regions` (「在城关区注册」: 620102).
   * Empty, or chosen only down to a coarser level than the rule needs: 无法检查 (pending), never passed.
   * Without `regions` it checks only that the code is one of the code table (the form's own check).
   */
  r('regionWithin', {
    field: FieldIdSchema,
    regions: z.array(z.string().refine(isRegionCode, '不是行政区划代码表（GB/T 2260）中的代码')).min(1).max(50).optional(),
  }),
  /** Each filled row's start ≤ end, both inside the monthRange field `period` (进度安排 within 起止年月). */
  r('rowsWithinPeriod', { table: FieldIdSchema, start: FieldIdSchema, end: FieldIdSchema, period: FieldIdSchema }),
  /** The files of a checklist slot: extension, size and, where the caller knows them, stored bytes and content type. */
  r('attachmentFiles', { slot: FieldIdSchema }),
  /**
   * The stored value has the shape its field's kind keeps (money a whole number of yuan, a date
   * YYYY-MM-DD, a select one of its options…); for a table, every filled row's cells by column.
   * The form adds one per field (formRules.ts): a draft file from another tool is checked too.
   */
  r('valueShape', { field: FieldIdSchema }),
  /** A value stored beside an ID number (性别, 出生日期) agrees with what the number says. */
  r('derivedFromId', { idField: FieldIdSchema, field: FieldIdSchema, part: z.enum(['sex', 'birthDate']) }),
  /** Amounts in 万元 written in a narrative after one of the phrases agree with the structured amount (a warning). */
  r('narrativeAmount', { field: FieldIdSchema, phrases: z.array(z.string().min(1).max(30)).min(1).max(10), amount: AmountSchema }),
  /** A period written in a narrative after one of the phrases (「实施期2年」「实施周期24个月」) agrees with the monthRange field. */
  r('narrativePeriod', { field: FieldIdSchema, phrases: z.array(z.string().min(1).max(30)).min(1).max(10), period: FieldIdSchema }),
  /** Warns when the application window has closed or not yet opened, at the validation date. */
  r('applicationWindow', {}),
  /** A filled date (申报日期) lies inside the application window (China dates, both ends counted); blank is not checked. */
  r('dateInWindow', { field: FieldIdSchema }),
  /** The program accepts applications in this round (本次暂不受理 → no final package). */
  r('programAccepting', {}),
  /** An 优先支持 condition the applicant claims (an option of a multiSelect): reported as info. */
  r('priorityClaimed', { field: FieldIdSchema, option: z.string().max(100) }),
  /**
   * Counted over all drafts in the local store (the app cannot see other applicants' drafts):
   * at most `max` drafts in the same year share the key field's value (and the group, if given).
   */
  r('crossDraftLimit', {
    key: FieldIdSchema,
    max: z.number().int().positive(),
    scope: z.enum(['sameYear', 'samePack']),
    groupBy: z.enum(['none', 'program', 'directionRoot']),
  }),
]);
export type Rule = z.infer<typeof RuleSchema>;
export type RuleKind = Rule['kind'];
