import { parseIdNumber } from '../../checks/idNumber';
import { formatYuanAsWan } from '../../money';
import type { FieldValue } from '../../model/draft';
import type { Column, Field, Option } from '../../pack/fields';
import { yuanOf } from '../../rules/access';
import { regionName } from '../../regions';

/** 「2020-06」 → 「2020年6月」; anything else is shown as typed. */
export function monthText(value: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(value.trim());
  return m ? `${m[1]}年${Number(m[2])}月` : value;
}

/** 「2020-03-02」 → 「2020年3月2日」; anything else is shown as typed. */
export function dateText(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : value;
}

/** Plain text of any stored value, with no knowledge of the field. */
export function plainText(value: FieldValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  return value.map((v) => v.trim()).filter((v) => v !== '').join('；');
}

function optionLabel(options: Option[] | undefined, value: string): string {
  return options?.find((o) => o.value === value)?.label ?? value;
}

/** 万元 with the four decimals the book's 填报说明 sets (「精确到小数点后四位」), in every table and field alike. */
export function wanText(yuan: bigint): string {
  return formatYuanAsWan(yuan, { fixed: true });
}

/** Integer yuan shown in 万元 (four decimals); non-money input falls back to its text. */
export function moneyText(value: FieldValue | undefined): string {
  const yuan = yuanOf(value);
  return yuan === null ? plainText(value) : wanText(yuan);
}

/** A field's value as printed: option labels, 年月 ranges, 万元 amounts. */
export function fieldText(field: Field, value: FieldValue | undefined): string {
  switch (field.kind) {
    case 'select':
      return typeof value === 'string' ? optionLabel(field.options, value) : plainText(value);
    case 'multiSelect':
      return Array.isArray(value) ? value.map((v) => optionLabel(field.options, v)).join('；') : plainText(value);
    case 'monthRange':
      if (Array.isArray(value) && value.length === 2) return `${monthText(value[0]!)}至${monthText(value[1]!)}`;
      return plainText(value);
    case 'date':
      return typeof value === 'string' ? dateText(value) : plainText(value);
    case 'region':
      return typeof value === 'string' ? (regionName(value.trim()) ?? plainText(value)) : plainText(value);
    case 'money': {
      const text = moneyText(value);
      return text === '' ? '' : `${text}万元`;
    }
    case 'integer':
      return value === null || value === undefined || value === '' ? '' : `${plainText(value)}${field.unit ?? ''}`;
    default:
      return plainText(value);
  }
}

/** A table cell as printed, by the column's kind. */
export function cellText(column: Column, value: FieldValue | undefined): string {
  switch (column.kind) {
    case 'select':
      return typeof value === 'string' ? optionLabel(column.options, value) : plainText(value);
    case 'money':
      return moneyText(value);
    case 'month':
      return typeof value === 'string' ? monthText(value) : plainText(value);
    case 'date':
      return typeof value === 'string' ? dateText(value) : plainText(value);
    default:
      return plainText(value);
  }
}

/** 性别 and 出生日期 are derived from the ID number when the draft does not carry them. */
export function derivedPiValue(fieldId: string, idNumber: FieldValue | undefined): string | undefined {
  if (typeof idNumber !== 'string') return undefined;
  const info = parseIdNumber(idNumber);
  if (!info) return undefined;
  if (fieldId === 'pi.sex') return info.sex;
  if (fieldId === 'pi.birthDate') return info.birthDate;
  return undefined;
}

/** 「2020-03-02T11:05:00+08:00」 → China date and time parts, or null when unparsable. */
export function chinaParts(iso: string): { date: string; time: string } | null {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  const text = new Date(ms + 8 * 60 * 60 * 1000).toISOString();
  return { date: text.slice(0, 10), time: text.slice(11, 16) };
}
