import { z } from 'zod';
import { FieldIdSchema } from '../model/draft';
import { DEFAULT_SECTIONS } from '../pack/defaultTemplate';
import type { Field, Section, TemplatePatch } from '../pack/fields';
import type { Pack } from '../pack/pack';
import { applyTemplatePatch } from '../pack/resolve';
import type { StudioEdits } from './studioEdits';

const MaxChars = z.number().int('字数上限应为整数').positive('字数上限应大于 0').max(200_000, '字数上限不能超过 200000');

/** The kinds a field added in the studio may have, with their names. */
export const ADDED_FIELD_KINDS = {
  text: '短文字',
  longText: '长文字（正文）',
  money: '金额（万元）',
  integer: '整数',
  date: '日期',
  monthRange: '起止年月',
  region: '行政区划（省市县）',
  select: '单选（下拉选择）',
  multiSelect: '多选',
} as const;
export type AddedFieldKind = keyof typeof ADDED_FIELD_KINDS;

/** Every field kind of the default template by its Chinese name (the form editor's 类型 column). */
export const FIELD_KIND_NAMES: Record<Field['kind'], string> = { ...ADDED_FIELD_KINDS, table: '表格' };
const KINDS = Object.keys(ADDED_FIELD_KINDS) as [AddedFieldKind, ...AddedFieldKind[]];
export const CHOICE_KINDS = new Set<string>(['select', 'multiSelect']);
export const TEXT_KINDS = new Set<string>(['text', 'longText']);

export const AddedFieldSchema = z
  .object({
    id: z.string().regex(/^custom\.f\d{1,4}$/, '新字段编号不正确'),
    section: FieldIdSchema,
    label: z.string().trim().min(1, '请填写新字段的名称').max(200, '字段名称不能超过 200 个字'),
    kind: z.enum(KINDS),
    required: z.boolean(),
    maxChars: MaxChars.optional(),
    /** The choices of a 单选 / 多选 field, as the user reads them. */
    options: z.array(z.string().trim().min(1, '选项不能为空').max(200, '选项不能超过 200 个字')).max(200, '选项不能超过 200 个').optional(),
  })
  .strict();
export type AddedField = z.infer<typeof AddedFieldSchema>;

export const AddedSectionSchema = z
  .object({
    id: z.string().regex(/^custom\.s\d{1,4}$/, '新栏目编号不正确'),
    title: z.string().trim().min(1, '请填写新栏目的名称').max(200, '栏目名称不能超过 200 个字'),
  })
  .strict();
export type AddedSection = z.infer<typeof AddedSectionSchema>;

/** The order the user arranged: sections, and fields within each section (by id). */
export const FormOrderSchema = z
  .object({
    sections: z.array(FieldIdSchema).max(100, '栏目不能超过 100 个').optional(),
    fields: z.record(FieldIdSchema, z.array(FieldIdSchema).max(500, '一个栏目的字段不能超过 500 个')).optional(),
  })
  .strict();
export type FormOrder = z.infer<typeof FormOrderSchema>;

export const FieldEditSchema = z
  .object({
    label: z.string().trim().min(1, '字段名称不能为空').max(200, '字段名称不能超过 200 个字').optional(),
    required: z.boolean().optional(),
    maxChars: MaxChars.nullable().optional(),
    removed: z.boolean().optional(),
  })
  .strict();
export type FieldEdit = z.infer<typeof FieldEditSchema>;

/** Sections the wizard fills itself from the pack's 承诺 and checklist: kept, never removed or added to. */
const FIXED_SECTIONS = new Set(['declarations', 'attachments']);
export const isFixedSection = (id: string): boolean => FIXED_SECTIONS.has(id);

/** The form fields of a pack before the studio's own changes: the default template plus the fields the draft pack adds. */
export function formFieldsOf(pack: Pack): { section: string; sectionTitle: string; field: Field }[] {
  const out = DEFAULT_SECTIONS.flatMap((s) => s.fields.map((field) => ({ section: s.id, sectionTitle: s.title, field })));
  for (const add of pack.template?.addFields ?? []) {
    const title = DEFAULT_SECTIONS.find((s) => s.id === add.section)?.title ?? add.section;
    out.push({ section: add.section, sectionTitle: title, field: add.field });
  }
  return out;
}

/** A field the user added, as the pack states it (options get stable values o1, o2…). */
export function addedFieldOf(added: AddedField): Field {
  const base = { id: added.id, label: added.label, ...(added.required ? { required: true } : {}) };
  if (CHOICE_KINDS.has(added.kind)) {
    const options = (added.options ?? []).map((label, i) => ({ value: `o${i + 1}`, label }));
    return { ...base, kind: added.kind, options } as Field;
  }
  return { ...base, kind: added.kind, ...(added.maxChars !== undefined && TEXT_KINDS.has(added.kind) ? { maxChars: added.maxChars } : {}) } as Field;
}

/**
 * The studio's form changes as a template patch on the draft pack: renamed, added and removed
 * sections, added fields, field edits, then the order the user arranged. A change that cannot be
 * made is named as a problem (Chinese, naming the place).
 */
export function applyFormEdits(pack: Pack, edits: StudioEdits, problems: string[]): void {
  const template: TemplatePatch = structuredClone(pack.template ?? {});
  const titles = new Map(DEFAULT_SECTIONS.map((sec) => [sec.id, sec.title]));
  for (const [id, title] of Object.entries(edits.sections ?? {})) {
    if (!titles.has(id)) problems.push(`申报书表单 › 栏目 ${id}：没有这个栏目`);
    else if (title !== titles.get(id)) template.renameSections = { ...template.renameSections, [id]: title };
  }
  const removed = new Set(edits.removedSections ?? []);
  for (const added of edits.addedSections ?? []) {
    if (titles.has(added.id)) continue;
    titles.set(added.id, added.title);
    if (!removed.has(added.id)) template.addSections = [...(template.addSections ?? []), { id: added.id, title: added.title, fields: [] }];
  }
  for (const id of removed) {
    if (isFixedSection(id)) problems.push(`申报书表单 › 栏目「${titles.get(id) ?? id}」：承诺和附件栏目由指南包自动生成，不能删除`);
    else if (!titles.has(id)) problems.push(`申报书表单 › 栏目 ${id}：没有这个栏目`);
    else if (DEFAULT_SECTIONS.some((s) => s.id === id)) template.dropSections = [...(template.dropSections ?? []), id];
  }
  addFields(template, edits, titles, removed, problems);
  applyFieldEdits(pack, template, edits, problems);
  if (edits.order) applyOrder(template, edits.order);
  for (const key of Object.keys(template) as (keyof TemplatePatch)[]) if (Array.isArray(template[key]) && (template[key] as unknown[]).length === 0) delete template[key];
  if (Object.keys(template).length > 0) pack.template = template;
  else delete pack.template;
}

function addFields(template: TemplatePatch, edits: StudioEdits, titles: Map<string, string>, removed: Set<string>, problems: string[]): void {
  const seen = new Set<string>();
  for (const added of edits.addedFields ?? []) {
    if (!titles.has(added.section) || isFixedSection(added.section)) {
      problems.push(`申报书表单 › 新字段「${added.label}」：不能加在栏目 ${added.section} 中`);
      continue;
    }
    if (removed.has(added.section)) continue;
    if (seen.has(added.id)) {
      problems.push(`申报书表单 › 新字段「${added.label}」：编号 ${added.id} 重复`);
      continue;
    }
    seen.add(added.id);
    if (CHOICE_KINDS.has(added.kind) && (added.options ?? []).length === 0) {
      problems.push(`申报书表单 › 新字段「${added.label}」：${ADDED_FIELD_KINDS[added.kind]}字段至少要有一个选项`);
      continue;
    }
    template.addFields = [...(template.addFields ?? []), { section: added.section, field: addedFieldOf(added) }];
  }
}

function applyFieldEdits(pack: Pack, template: TemplatePatch, edits: StudioEdits, problems: string[]): void {
  const known = new Map([...formFieldsOf(pack), ...(edits.addedFields ?? []).map((a) => ({ field: addedFieldOf(a) }))].map((f) => [f.field.id, f.field]));
  for (const [id, edit] of Object.entries(edits.fields)) {
    const field = known.get(id);
    if (!field) {
      problems.push(`申报书表单 › ${id}：没有这个字段`);
      continue;
    }
    const added = template.addFields?.findIndex((a) => a.field.id === id) ?? -1;
    if (edit.removed) {
      if (added >= 0) template.addFields!.splice(added, 1);
      else if (DEFAULT_SECTIONS.some((s) => s.fields.some((f) => f.id === id))) template.dropFields = [...(template.dropFields ?? []), id];
      continue;
    }
    if (edit.maxChars !== undefined && edit.maxChars !== null && !TEXT_KINDS.has(field.kind)) {
      problems.push(`申报书表单 › ${field.label}：不是文字字段，不能设字数上限`);
      continue;
    }
    const props: Record<string, unknown> = {};
    if (edit.label !== undefined) props.label = edit.label;
    if (edit.required !== undefined) props.required = edit.required;
    if (edit.maxChars !== undefined && edit.maxChars !== null) props.maxChars = edit.maxChars;
    if (added >= 0) {
      const next = { ...template.addFields![added]!.field, ...props } as Record<string, unknown>;
      if (edit.maxChars === null) delete next.maxChars;
      template.addFields![added]!.field = next as Field;
      continue;
    }
    // A default-template field cannot lose its 字数 limit through an override (overrides merge); null keeps it.
    if (Object.keys(props).length > 0) template.overrideFields = { ...template.overrideFields, [id]: props };
  }
}

/**
 * The arranged order, expressed with the patch operations packs already have: a section whose
 * fields were reordered has them dropped and added back in order; sections are re-added one after
 * another (re-adding a section by its id moves it).
 */
function applyOrder(template: TemplatePatch, order: FormOrder): void {
  const resolved = applyTemplatePatch(structuredClone(DEFAULT_SECTIONS), template);
  for (const [sectionId, wanted] of Object.entries(order.fields ?? {})) {
    const section = resolved.find((s) => s.id === sectionId);
    if (!section) continue;
    const now = section.fields.map((f) => f.id);
    const arranged = arrange(now, wanted);
    if (arranged.join() === now.join()) continue;
    const byId = new Map(section.fields.map((f) => [f.id, f]));
    const defaults = new Set(DEFAULT_SECTIONS.flatMap((s) => s.fields.map((f) => f.id)));
    template.addFields = (template.addFields ?? []).filter((a) => a.section !== sectionId);
    template.dropFields = [...new Set([...(template.dropFields ?? []), ...now.filter((id) => defaults.has(id))])];
    // The resolved field already carries its overrides; the override is dropped so it is not applied twice.
    for (const id of arranged) {
      template.addFields.push({ section: sectionId, field: structuredClone(byId.get(id)!) });
      if (template.overrideFields) delete template.overrideFields[id];
    }
  }
  if (order.sections) {
    const current = applyTemplatePatch(structuredClone(DEFAULT_SECTIONS), template).map((s) => s.id);
    const arranged = arrange(current, order.sections);
    if (arranged.join() === current.join()) return;
    // Sections as they are before fields are added (the added fields come back through addFields).
    const { addFields: _a, overrideFields: _o, ...before } = template;
    const shapes = new Map(applyTemplatePatch(structuredClone(DEFAULT_SECTIONS), before).map((s) => [s.id, s]));
    // Each re-added section goes after the previous one; the first goes to the end, so the rest follow it in order.
    template.addSections = arranged.map((id, i) => ({ ...(structuredClone(shapes.get(id)!) as Section), ...(i > 0 ? { after: arranged[i - 1]! } : {}) }));
  }
}

/** `current` in the order of `wanted`; ids not named keep their place at the end, unknown ids are ignored. */
function arrange(current: string[], wanted: readonly string[]): string[] {
  const present = new Set(current);
  const named = wanted.filter((id, i) => present.has(id) && wanted.indexOf(id) === i);
  return [...named, ...current.filter((id) => !named.includes(id))];
}

export interface FormRow {
  field: Field;
  /** Added in the studio (removing it deletes it instead of marking it). */
  custom: boolean;
}
export interface FormSectionRow {
  id: string;
  /** The default title (or the added section's title): the stable name the controls are labelled with. */
  baseTitle: string;
  title: string;
  custom: boolean;
  removed: boolean;
  fixed: boolean;
  rows: FormRow[];
}

/** The form as the studio shows it: sections and their fields in the arranged order, with removed ones still listed (so they can be restored). */
export function formLayout(pack: Pack, edits: StudioEdits): FormSectionRow[] {
  const removed = new Set(edits.removedSections ?? []);
  const sections: FormSectionRow[] = [
    ...DEFAULT_SECTIONS.map((s) => ({ id: s.id, baseTitle: s.title, title: edits.sections?.[s.id] ?? s.title, custom: false, removed: removed.has(s.id), fixed: isFixedSection(s.id), rows: s.fields.map((field) => ({ field, custom: false })) })),
    ...(edits.addedSections ?? []).map((s) => ({ id: s.id, baseTitle: s.title, title: s.title, custom: true, removed: removed.has(s.id), fixed: false, rows: [] as FormRow[] })),
  ];
  const byId = new Map(sections.map((s) => [s.id, s]));
  for (const add of pack.template?.addFields ?? []) byId.get(add.section)?.rows.push({ field: add.field, custom: false });
  for (const add of edits.addedFields ?? []) byId.get(add.section)?.rows.push({ field: addedFieldOf(add), custom: true });
  for (const s of sections) {
    const wanted = edits.order?.fields?.[s.id];
    if (wanted) {
      const order = arrange(s.rows.map((r) => r.field.id), wanted);
      s.rows.sort((a, b) => order.indexOf(a.field.id) - order.indexOf(b.field.id));
    }
  }
  const order = arrange(sections.map((s) => s.id), edits.order?.sections ?? []);
  return order.map((id) => byId.get(id)!);
}
