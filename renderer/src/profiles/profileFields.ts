import type { ProfileKind } from '../../../shared/ipc/domains/profiles.contract';
import { checkFormat, FORMAT_LABELS } from '../../../shared/checks';
import { DEFAULT_SECTIONS } from '../../../shared/pack/defaultTemplate';
import type { Field } from '../../../shared/pack/fields';
import type { FieldValue, TableRow } from '../../../shared/model/draft';
import { regionName } from '../../../shared/regions';

type TemplateField = Extract<Field, { kind: 'text' | 'select' | 'region' }>;

const SECTION_OF: Record<ProfileKind, string> = { unit: 'applicant', person: 'pi' };

/**
 * The fields a profile holds: the template's 申报单位 or 项目负责人 fields, the ids every pack keeps.
 * Derived ones (性别, 出生日期 from the ID number) are left out: they follow the ID wherever it goes;
 * so are fields shown only conditionally (the old drafts' text 注册地).
 */
export function profileFieldsOf(kind: ProfileKind): TemplateField[] {
  const section = DEFAULT_SECTIONS.find((s) => s.id === SECTION_OF[kind]);
  return (section?.fields ?? []).filter((f): f is TemplateField => (f.kind === 'text' || f.kind === 'select' || f.kind === 'region') && !f.derived && !f.visibleWhen);
}

/** The label a profile value is shown with: the pack's own when it renamed the field, else the template's. */
export function profileFieldLabel(id: string, packLabels?: ReadonlyMap<string, string>): string {
  const own = packLabels?.get(id);
  if (own) return own;
  for (const section of DEFAULT_SECTIONS) for (const f of section.fields) if (f.id === id) return f.label;
  return id;
}

/** The text a value is shown as, with select options by their Chinese label. */
export function profileValueText(id: string, value: FieldValue | undefined): string {
  if (value === undefined || value === '') return '（空）';
  for (const section of DEFAULT_SECTIONS) {
    for (const f of section.fields) {
      if (f.id === id && f.kind === 'select') return f.options.find((o) => o.value === value)?.label ?? String(value);
      if (f.id === id && f.kind === 'region' && typeof value === 'string') return regionName(value) ?? value;
    }
  }
  return typeof value === 'boolean' ? (value ? '是' : '否') : String(value);
}

/** A format problem of one profile value, in Chinese, or null. */
export function profileValueProblem(field: TemplateField, value: string): string | null {
  if (field.kind !== 'text' || !field.format || value.trim() === '') return null;
  return checkFormat(field.format, value) ? null : `${FORMAT_LABELS[field.format]}格式不正确`;
}

/** A member row ↔ a person profile: the columns both know. */
const MEMBER_COLUMN_OF_PI: Record<string, string> = { 'pi.name': 'name', 'pi.idNumber': 'idNumber', 'pi.title': 'title' };

export function memberRowFromProfile(values: Record<string, FieldValue>, unitName: FieldValue | undefined): TableRow {
  const row: TableRow = {};
  for (const [pi, column] of Object.entries(MEMBER_COLUMN_OF_PI)) {
    const v = values[pi];
    if (v !== undefined && v !== '') row[column] = v;
  }
  if (typeof unitName === 'string' && unitName.trim() !== '') row.unit = unitName;
  return row;
}

export function profileValuesFromMember(row: TableRow): Record<string, FieldValue> {
  const values: Record<string, FieldValue> = {};
  for (const [pi, column] of Object.entries(MEMBER_COLUMN_OF_PI)) {
    const v = row[column];
    if (typeof v === 'string' && v.trim() !== '') values[pi] = v.trim();
  }
  return values;
}
