import type { Draft, FieldValue, TableRow } from '../../../shared/model/draft';
import { DEFAULT_SECTIONS } from '../../../shared/pack/defaultTemplate';
import { cellText, fieldText, plainText } from '../../../shared/book/build/format';
import type { Column, Field } from '../../../shared/pack/fields';
import type { ResolvedProgram, ResolvedSection } from '../../../shared/pack/resolve';
import { isFilled, plainTextOf } from '../../../shared/rules/access';

export interface ReadableEntry {
  id: string;
  label: string;
  text: string;
}

export interface ReadableSection {
  id: string;
  title: string;
  entries: ReadableEntry[];
}

/** A value as the book prints it (option labels, 年月, 万元, region names); narrative text as its plain words. */
function valueText(field: Field, value: FieldValue): string {
  return field.kind === 'longText' && typeof value === 'string' ? plainTextOf(value).trim() : fieldText(field, value);
}

function rowText(columns: Column[], row: TableRow): string {
  return columns
    .filter((c) => Object.hasOwn(row, c.id) && isFilled(row[c.id]))
    .map((c) => `${c.label}：${cellText(c, row[c.id] ?? null)}`)
    .join('；');
}

function fieldEntry(field: Field, draft: Draft): ReadableEntry | null {
  if (field.kind === 'table') {
    const rows = (Object.hasOwn(draft.tables, field.id) ? (draft.tables[field.id] ?? []) : []).map((r) => rowText(field.columns, r)).filter((t) => t !== '');
    return rows.length === 0 ? null : { id: field.id, label: `${field.label}（${rows.length} 行）`, text: rows.map((t, i) => `${i + 1}. ${t}`).join('\n') };
  }
  const value = Object.hasOwn(draft.values, field.id) ? draft.values[field.id] : undefined;
  if (value === undefined || !isFilled(value)) return null;
  return { id: field.id, label: field.label, text: valueText(field, value) };
}

/**
 * A revision as a readable list by section: labels from the program when the revision was written
 * for it, else from the default template; values the program does not show are listed at the end.
 */
export function readableRevision(draft: Draft, resolved: ResolvedProgram | null): ReadableSection[] {
  const sameProgram = resolved !== null && draft.guideline?.packId === resolved.pack.id && draft.guideline.programId === resolved.program.id;
  const sections: ResolvedSection[] = sameProgram ? resolved.sections : DEFAULT_SECTIONS;
  const shown = new Set<string>();
  const result: ReadableSection[] = [];
  for (const section of sections) {
    const entries: ReadableEntry[] = [];
    for (const field of section.fields) {
      shown.add(field.id);
      const entry = fieldEntry(field, draft);
      if (entry) entries.push(entry);
    }
    if (section.declarations) {
      const ticked = section.declarations.filter((d) => draft.declarations[d.id] === true).length;
      if (section.declarations.length > 0) entries.push({ id: 'declarations', label: '已勾选承诺', text: `${ticked} / ${section.declarations.length} 项` });
    }
    if (section.attachments) {
      for (const item of section.attachments) {
        const files = Object.hasOwn(draft.attachments, item.id) ? (draft.attachments[item.id] ?? []) : [];
        if (files.length > 0) entries.push({ id: item.id, label: item.name, text: files.map((f) => f.name).join('、') });
      }
    }
    if (entries.length > 0) result.push({ id: section.id, title: section.title, entries });
  }
  const others: ReadableEntry[] = Object.entries(draft.values)
    .filter(([id, v]) => !shown.has(id) && isFilled(v))
    .map(([id, v]) => ({ id, label: id, text: plainText(v) }));
  if (draft.planTasks.length > 0) others.push({ id: 'planTasks', label: '支撑的规划任务', text: draft.planTasks.join('、') });
  if (others.length > 0) result.push({ id: '__other', title: '其他内容', entries: others });
  return result;
}
