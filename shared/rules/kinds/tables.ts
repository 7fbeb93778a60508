import { FORMAT_LABELS, checkFormat } from '../../checks/formats';
import { isValidDate, isValidMonth } from '../../dates';
import type { FieldValue, TableRow } from '../../model/draft';
import { cellOf, filledRows, isFilled, isRowFilled, labelOf, optionLabel, rowsOf, textOf, valueLabel } from '../access';
import { fail, missing, pass, pending, type EvalEnv, type KindSpec, type RuleOf, type Verdict } from '../types';

type CellConstraint = RuleOf<'columnConstraint'>['constraint'];

/** Whether a cell satisfies the constraint; blank cells satisfy everything except `filled`. */
export function cellSatisfies(value: FieldValue | undefined, c: CellConstraint): boolean {
  if ('filled' in c) return isFilled(value);
  const text = textOf(value);
  if (text === null) return true;
  if ('in' in c) return c.in.includes(text);
  if ('notIn' in c) return !c.notIn.includes(text);
  if ('format' in c) return checkFormat(c.format, text);
  if ('nonNegative' in c) return !/^\s*-/.test(text);
  if (!isValidDate(text) && !isValidMonth(text)) return false;
  const len = Math.min(text.length, 'dateOnOrAfter' in c ? c.dateOnOrAfter.length : c.dateOnOrBefore.length);
  if ('dateOnOrAfter' in c) return text.slice(0, len) >= c.dateOnOrAfter.slice(0, len);
  return text.slice(0, len) <= c.dateOnOrBefore.slice(0, len);
}

function describe(c: CellConstraint): string {
  if ('filled' in c) return '未填写';
  if ('in' in c) return '不在允许的范围内';
  if ('notIn' in c) return '属于不允许的情形';
  if ('format' in c) return `不是有效的${FORMAT_LABELS[c.format]}`;
  if ('nonNegative' in c) return '为负数';
  if ('dateOnOrAfter' in c) return `早于${c.dateOnOrAfter}`;
  return `晚于${c.dateOnOrBefore}`;
}

function columnLabel(env: EvalEnv, table: string, column: string): string {
  const f = env.fields.get(table)?.field;
  return (f?.kind === 'table' ? f.columns.find((c) => c.id === column)?.label : undefined) ?? column;
}

/** 「第2行」, or the fixed row's own name (「一、设备费」) in a table with fixed rows. */
export function rowName(env: EvalEnv, table: string, row: TableRow, index: number): string {
  const f = env.fields.get(table)?.field;
  const key = cellOf(row, 'key');
  const fixed = f?.kind === 'table' && typeof key === 'string' ? f.fixedRows?.find((x) => x.key === key) : undefined;
  return fixed ? `「${fixed.label}」行` : `第${index + 1}行`;
}

function rowsWhere(rows: TableRow[], where: RuleOf<'tableRowCount'>['where']): TableRow[] {
  if (!where) return rows;
  // Row filters are about what a row says, so a blank cell does not match them.
  return rows.filter((row) => where.every((w) => isFilled(cellOf(row, w.column)) && cellSatisfies(cellOf(row, w.column), w.constraint)));
}

export const tableRowCount: KindSpec<RuleOf<'tableRowCount'>> = {
  refs: (r) => [{ at: 'table', table: r.table }, ...(r.where ?? []).map((w, i) => ({ at: `where.${i}.column`, table: r.table, column: w.column }))],
  evaluate: (r, env) => {
    const filled = filledRows(env.draft, r.table);
    const count = rowsWhere(filled, r.where).length;
    // An empty table is not filled in yet: a plain row minimum is the requirement to fill it (待填写);
    // a minimum of qualifying rows waits for the rows (无法检查). Rows that do not qualify are wrong.
    if (r.min !== undefined && filled.length === 0 && r.min > 0) return r.where ? pending([labelOf(env, r.table)]) : missing(`尚未填写，至少需要 ${r.min} 行`);
    if (r.min !== undefined && count < r.min) return fail(`现有 ${count} 行，至少需要 ${r.min} 行`);
    if (r.max !== undefined && count > r.max) return fail(`现有 ${count} 行，最多 ${r.max} 行`);
    return pass(`现有 ${count} 行`);
  },
};

export const columnConstraint: KindSpec<RuleOf<'columnConstraint'>> = {
  refs: (r) => [{ at: 'column', table: r.table, column: r.column }],
  evaluate: (r, env): Verdict => {
    const rows = rowsOf(env.draft, r.table);
    const bad: string[] = [];
    let first: number | null = null;
    rows.forEach((row, i) => {
      // Row numbers are those the applicant sees: blank rows count, so 第3行 is the third row shown.
      if (!isRowFilled(row)) return;
      const value = cellOf(row, r.column);
      if (!cellSatisfies(value, r.constraint)) {
        const shown = typeof value === 'string' ? optionLabel(env, r.table, value, r.column) : valueLabel(value);
        const where = rowName(env, r.table, row, i);
        bad.push(isFilled(value) ? `${where}「${shown}」` : where);
        first ??= i;
      }
    });
    if (bad.length === 0 || first === null) return pass();
    const shown = bad.length > 5 ? `${bad.slice(0, 5).join('、')}等${bad.length}行` : bad.join('、');
    const detail = `「${columnLabel(env, r.table, r.column)}」${shown}${describe(r.constraint)}`;
    const at = `${r.table}[${first}].${r.column}`;
    return 'filled' in r.constraint ? missing(detail, at) : fail(detail, at);
  },
};

export const partnerOutsideRegion: KindSpec<RuleOf<'partnerOutsideRegion'>> = {
  refs: (r) => [{ at: 'column', table: r.table, column: r.column }],
  evaluate: (r, env) => {
    const rows = filledRows(env.draft, r.table);
    const outside = rows.filter((row) => {
      const region = textOf(cellOf(row, r.column));
      return region !== null && !r.regions.includes(region);
    });
    const said = `共有合作单位 ${rows.length} 家，其中区域外 ${outside.length} 家`;
    // No partner at all is not filled in yet; partners that do not qualify are wrong.
    if (rows.length === 0) return pending([labelOf(env, r.table)]);
    return outside.length >= r.min ? pass(said) : fail(`${said}，至少需要 ${r.min} 家`);
  },
};
