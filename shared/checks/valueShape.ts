import { isValidDate, isValidMonth } from '../dates';
import type { FieldValue } from '../model/draft';
import type { Column, Field, Option } from '../pack/fields';
import { yuanOf } from '../rules/access';

/**
 * Whether a stored value has the shape its field's kind keeps: what the wizard writes is always
 * right, but a draft file written by another tool can hold 「1,700,000」 in a money field, 「博士」
 * where the options are codes, or 「2020/3/1」 as a date. Every other rule reads such a value as
 * blank (an amount that is not a number has no amount), so without this check the draft would pass.
 */

/** What a field of the kind holds, as a noun: 「须填写有效的金额」. */
export const SHAPE_NOUNS: Record<Exclude<Field['kind'], 'region'>, string> = {
  text: '文字',
  longText: '文字',
  money: '金额',
  integer: '整数',
  date: '日期',
  monthRange: '起止年月',
  select: '选项',
  multiSelect: '选项',
  table: '表格内容',
};

/** A whole number, or its digits as text: what the amount rules read (yuanOf) without rounding. */
const isWhole = (value: FieldValue): boolean => (typeof value === 'number' ? Number.isInteger(value) : typeof value === 'string' && yuanOf(value) !== null);

function shown(value: FieldValue): string {
  return Array.isArray(value) ? value.join('、') : String(value);
}

/** Short option lists are named (「可选：博士研究生、硕士研究生…」); long ones would bury the message. */
function optionsHint(options: readonly Option[]): string {
  const labels = options.map((o) => o.label).join('、');
  return labels.length <= 60 ? `可选：${labels}` : '请从所列选项中选择';
}

function optionProblem(value: string, options: readonly Option[]): string | null {
  if (options.some((o) => o.value === value)) return null;
  return `「${value}」不是可选的选项（${optionsHint(options)}）`;
}

type ScalarKind = Column['kind'] | 'multiSelect';

/** The problem with one value of a kind (a field's or a column's), or null when it fits. Blank values fit. */
export function scalarShapeProblem(kind: ScalarKind, value: FieldValue | undefined, options: readonly Option[] | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  switch (kind) {
    case 'money':
      return isWhole(value) ? null : `「${shown(value)}」不是金额（草稿中的金额应为以元计的整数）`;
    case 'integer':
      return isWhole(value) ? null : `「${shown(value)}」不是整数`;
    case 'date':
      return typeof value === 'string' && isValidDate(value) ? null : `「${shown(value)}」不是有效日期（应为 YYYY-MM-DD）`;
    case 'month':
      return typeof value === 'string' && isValidMonth(value) ? null : `「${shown(value)}」不是有效年月（应为 YYYY-MM）`;
    case 'select':
      if (typeof value !== 'string') return `「${shown(value)}」不是可选的选项`;
      return options ? optionProblem(value, options) : null;
    case 'multiSelect': {
      if (!Array.isArray(value)) return `「${shown(value)}」不是选项列表`;
      for (const item of value) {
        const problem = item === '' ? null : options ? optionProblem(item, options) : null;
        if (problem) return problem;
      }
      return null;
    }
    default:
      // Text of every kind (text, longText, ID numbers, codes, phones): a number prints as itself.
      return typeof value === 'string' || typeof value === 'number' ? null : `「${shown(value)}」不是文字`;
  }
}

/** The problem with a field's value (not a table's rows), or null. */
export function fieldShapeProblem(field: Exclude<Field, { kind: 'table' }>, value: FieldValue | undefined): string | null {
  switch (field.kind) {
    case 'region':
      // regionWithin checks the code against GB/T 2260.
      return null;
    case 'monthRange': {
      if (value === null || value === undefined) return null;
      if (!Array.isArray(value) || value.length > 2) return `「${shown(value)}」不是起止年月（应为开始年月和结束年月，YYYY-MM）`;
      const bad = value.find((m) => m !== '' && !isValidMonth(m));
      return bad === undefined ? null : `「${bad}」不是有效年月（应为 YYYY-MM）`;
    }
    case 'select':
    case 'multiSelect':
      return scalarShapeProblem(field.kind, value, field.options);
    default:
      return scalarShapeProblem(field.kind, value, undefined);
  }
}
