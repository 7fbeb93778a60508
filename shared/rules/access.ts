import type { Draft, FieldValue, TableRow } from '../model/draft';
import type { Amount } from '../pack/rules';
import type { KindRef } from './types';
import { formatWan } from '../money';
import { richDocFromJson } from '../richtext/parse';
import { richToPlainText } from '../richtext/plainText';

/** Plain texts of recent rich values: narratives are re-read on every check, parsed once. */
const plainTextCache = new Map<string, string>();
const PLAIN_TEXT_CACHE_SIZE = 64;

/**
 * The text the applicant wrote: narrative fields store a rich document (ProseMirror JSON, see
 * shared/richtext), other text fields the string itself. An empty editor's document is empty text.
 */
export function plainTextOf(value: string): string {
  if (value.charCodeAt(0) !== 123 /* { */ && !value.trimStart().startsWith('{')) return value;
  const cached = plainTextCache.get(value);
  if (cached !== undefined) return cached;
  const doc = richDocFromJson(value);
  const text = doc ? richToPlainText(doc) : value;
  if (plainTextCache.size >= PLAIN_TEXT_CACHE_SIZE) plainTextCache.delete(plainTextCache.keys().next().value as string);
  plainTextCache.set(value, text);
  return text;
}

/** A value counts as filled when it carries something the applicant typed or chose. */
export function isFilled(value: FieldValue | undefined): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return plainTextOf(value).trim() !== '';
  if (Array.isArray(value)) return value.some((v) => v.trim() !== '');
  if (typeof value === 'boolean') return value;
  return Number.isFinite(value);
}

/** A value of a record, or undefined; reads only own keys so ids like `toString` never reach the prototype. */
export function ownValue(values: Record<string, FieldValue>, id: string): FieldValue | undefined {
  return Object.hasOwn(values, id) ? values[id] : undefined;
}

export function valueOf(draft: Draft, id: string): FieldValue | undefined {
  return ownValue(draft.values, id);
}

export function rowsOf(draft: Draft, table: string): TableRow[] {
  return Object.hasOwn(draft.tables, table) ? (draft.tables[table] ?? []) : [];
}

export function cellOf(row: TableRow, column: string): FieldValue | undefined {
  return Object.hasOwn(row, column) ? row[column] : undefined;
}

/** A row is filled when any cell except the fixed-row `key` is filled. */
export function isRowFilled(row: TableRow): boolean {
  return Object.entries(row).some(([k, v]) => k !== 'key' && isFilled(v));
}

export function filledRows(draft: Draft, table: string): TableRow[] {
  return rowsOf(draft, table).filter(isRowFilled);
}

/** Whatever the id names (value, table, attachment slot or declaration) is filled. */
export function isIdFilled(draft: Draft, id: string): boolean {
  if (Object.hasOwn(draft.values, id) && isFilled(draft.values[id])) return true;
  if (filledRows(draft, id).length > 0) return true;
  if (Object.hasOwn(draft.attachments, id) && (draft.attachments[id]?.length ?? 0) > 0) return true;
  return Object.hasOwn(draft.declarations, id) && draft.declarations[id] === true;
}

export function textOf(value: FieldValue | undefined): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** Integer yuan from a money value (a number, or an integer string); null when blank or not money. */
export function yuanOf(value: FieldValue | undefined): bigint | null {
  if (typeof value === 'number') return Number.isFinite(value) ? BigInt(Math.round(value)) : null;
  if (typeof value === 'string' && /^\s*-?\d{1,20}\s*$/.test(value)) return BigInt(value.trim());
  return null;
}

export interface AmountValue {
  yuan: bigint;
  /** False when nothing contributing to the amount is filled in. */
  filled: boolean;
}

/** A money field, or the exact sum of a table column (only the listed fixed rows if given); blank cells count 0. */
export function amountOf(draft: Draft, amount: Amount): AmountValue {
  if ('field' in amount) {
    const yuan = yuanOf(valueOf(draft, amount.field));
    return { yuan: yuan ?? 0n, filled: yuan !== null };
  }
  const only = amount.rows ? new Set(amount.rows) : null;
  let sum = 0n;
  let filled = false;
  for (const row of rowsOf(draft, amount.table)) {
    if (only) {
      const key = cellOf(row, 'key');
      if (typeof key !== 'string' || !only.has(key)) continue;
    }
    const yuan = yuanOf(cellOf(row, amount.column));
    if (yuan !== null) {
      sum += yuan;
      filled = true;
    }
  }
  return { yuan: sum, filled };
}

/** What an amount refers to, at `at` in its rule: a money field (of the given kinds), or a budget column. */
export function amountRefs(at: string, amount: Amount, kinds?: Pick<Extract<KindRef, { field: string }>, 'kinds' | 'kindRule'>): KindRef[] {
  return 'field' in amount ? [{ at: `${at}.field`, field: amount.field, ...kinds }] : [{ at: `${at}.column`, table: amount.table, column: amount.column }];
}

/** 「12.5万元」 */
export function wan(yuan: bigint): string {
  return formatWan(yuan);
}

export function valueLabel(value: FieldValue | undefined): string {
  if (Array.isArray(value)) return value.join('、');
  if (value === null || value === undefined) return '（空）';
  return String(value);
}

/** What the applicant sees an id as: a field's label, a declaration's text, a checklist item's name. */
export function labelOf(env: { fields: Map<string, { field: import('../pack/fields').Field | null }>; resolved?: { declarations: { id: string; text: string }[]; checklist: { id: string; name: string }[] } }, id: string): string {
  if (id === 'guideline') return '支持方向';
  const field = env.fields.get(id)?.field;
  if (field) return field.label;
  const item = env.resolved?.checklist.find((a) => a.id === id);
  if (item) return item.name;
  const d = env.resolved?.declarations.find((x) => x.id === id);
  return d ? '承诺事项' : id;
}

/** Options of a select/multiSelect field, or of a table column when `column` is given. */
function optionsOf(env: { fields: Map<string, { field: import('../pack/fields').Field | null }> }, fieldId: string, column?: string) {
  const f = env.fields.get(fieldId)?.field;
  if (!f) return undefined;
  if (column !== undefined) return f.kind === 'table' ? f.columns.find((c) => c.id === column)?.options : undefined;
  return f.kind === 'select' || f.kind === 'multiSelect' ? f.options : undefined;
}

/**
 * What the applicant saw when choosing: the option's label (「甘肃省」, 「党政机关」) rather than
 * its stored value (「62」, 「government」); unknown values are shown as stored.
 */
export function optionLabel(
  env: { fields: Map<string, { field: import('../pack/fields').Field | null }> },
  fieldId: string,
  value: string,
  column?: string,
): string {
  return optionsOf(env, fieldId, column)?.find((o) => o.value === value)?.label ?? value;
}
