import type { TableBlock, TableCell } from '../ast';
import type { Field } from '../../pack/fields';
import { cell, labelCell } from './cells';
import { isVisible, valueText, type BuildContext } from './context';

type ValueField = Exclude<Field, { kind: 'table' }>;

export interface InfoItem {
  label: string;
  value: string;
  /** Money: right-aligned like every amount in the book. */
  money?: boolean;
  /** An ID number, credit code, phone, postcode or date: one unbroken line. */
  noBreak?: boolean;
  /** Takes a whole row (摘要, long names) instead of half of one. */
  wide: boolean;
}

/** Long texts and lists take a whole row, so a form never squeezes a paragraph into a quarter column. */
function isWide(field: ValueField, value: string): boolean {
  if (field.kind === 'longText' || field.kind === 'multiSelect') return true;
  return Array.from(value).length > 16 || Array.from(field.label).length > 8;
}

/** Printed on the cover only: the 基本信息表 would repeat it. */
export const COVER_ONLY_FIELDS: ReadonlySet<string> = new Set(['project.applicationDate']);

export function infoItems(ctx: BuildContext, fields: Field[]): InfoItem[] {
  return fields
    .filter((f): f is ValueField => f.kind !== 'table' && isVisible(ctx, f) && !COVER_ONLY_FIELDS.has(f.id))
    .map((f) => {
      const value = valueText(ctx, f);
      const noBreak = f.kind === 'date' || (f.kind === 'text' && f.format !== undefined && f.format !== 'email');
      return { label: f.label, value, wide: isWide(f, value), money: f.kind === 'money', noBreak };
    });
}

/**
 * 基本信息表 style: label | value | label | value, with wide items on a row of their own.
 * Short items pair up in order; a short item left alone widens to the full row.
 */
export function infoTable(items: InfoItem[]): TableBlock {
  const rows: TableCell[][] = [];
  let pending: InfoItem | null = null;
  const value = (item: InfoItem, props: { colSpan?: number; align?: 'left' } = {}) =>
    cell(item.value, { ...props, ...(item.money ? { align: 'right' as const } : {}), ...(item.noBreak ? { noBreak: true } : {}) });
  const flush = (): void => {
    if (!pending) return;
    rows.push([labelCell(pending.label), value(pending, { colSpan: 3 })]);
    pending = null;
  };
  for (const item of items) {
    if (item.wide) {
      flush();
      rows.push([labelCell(item.label), value(item, { colSpan: 3, align: 'left' })]);
    } else if (pending) {
      rows.push([labelCell(pending.label), value(pending), labelCell(item.label), value(item)]);
      pending = null;
    } else {
      pending = item;
    }
  }
  flush();
  return { type: 'table', role: 'info', widths: [2.2, 3.3, 2.2, 3.3], headerRows: [], rows };
}
