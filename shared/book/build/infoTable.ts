import type { TableBlock, TableCell } from '../ast';
import type { Field } from '../../pack/fields';
import { cell, labelCell } from './cells';
import { isVisible, valueText, type BuildContext } from './context';

type ValueField = Exclude<Field, { kind: 'table' }>;

export interface InfoItem {
  label: string;
  value: string;
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
      return { label: f.label, value, wide: isWide(f, value) };
    });
}

/**
 * 基本信息表 style: label | value | label | value, with wide items on a row of their own.
 * Short items pair up in order; a short item left alone widens to the full row.
 */
export function infoTable(items: InfoItem[]): TableBlock {
  const rows: TableCell[][] = [];
  let pending: InfoItem | null = null;
  const flush = (): void => {
    if (!pending) return;
    rows.push([labelCell(pending.label), cell(pending.value, { colSpan: 3 })]);
    pending = null;
  };
  for (const item of items) {
    if (item.wide) {
      flush();
      rows.push([labelCell(item.label), cell(item.value, { colSpan: 3, align: 'left' })]);
    } else if (pending) {
      rows.push([labelCell(pending.label), cell(pending.value), labelCell(item.label), cell(item.value)]);
      pending = null;
    } else {
      pending = item;
    }
  }
  flush();
  return { type: 'table', role: 'info', widths: [2.2, 3.3, 2.2, 3.3], headerRows: [], rows };
}
