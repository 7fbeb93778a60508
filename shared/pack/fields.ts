import { z } from 'zod';
import { FieldIdSchema, SafeKeySchema } from '../model/draft';
import { ConditionSchema } from './condition';

const Label = z.string().min(1).max(200);
const Help = z.string().max(2000).optional();

export const OptionSchema = z.object({ value: z.string().min(1).max(100), label: Label }).strict();
export type Option = z.infer<typeof OptionSchema>;

/** Cell kinds a table column may have. Money cells are integer yuan, entered in 万元. */
export const ColumnSchema = z
  .object({
    id: FieldIdSchema,
    label: Label,
    kind: z.enum(['text', 'longText', 'money', 'integer', 'date', 'month', 'select', 'idNumber', 'uscc', 'phone']),
    options: z.array(OptionSchema).max(100).optional(),
    required: z.boolean().optional(),
    width: z.number().int().min(40).max(800).optional(),
    help: Help,
  })
  .strict();
export type Column = z.infer<typeof ColumnSchema>;

const base = {
  id: FieldIdSchema,
  label: Label,
  help: Help,
  required: z.boolean().optional(),
  /** Shown only when the condition holds (e.g. 合作单位 only for joint applications). */
  visibleWhen: ConditionSchema.optional(),
  /** Fields the app fills itself (sex and birth date from the ID number, totals). */
  derived: z.boolean().optional(),
  placeholder: z.string().max(200).optional(),
  /**
   * Ids this field had in earlier versions of the pack (a rename). Upgrading a draft to this version
   * moves the value from the old id to this one, and the upgrade report lists it as renamed.
   */
  renamedFrom: z.array(FieldIdSchema).max(10).optional(),
};

export const FieldSchema = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('text'), maxChars: z.number().int().positive().max(2000).optional(), format: z.enum(['uscc', 'idNumber', 'phone', 'mobile', 'email', 'postcode']).optional() }).strict(),
  /** Narrative text; `maxChars` counts like Word's 字数. */
  z.object({ ...base, kind: z.literal('longText'), maxChars: z.number().int().positive().max(200_000).optional(), minChars: z.number().int().nonnegative().optional(), rich: z.boolean().optional() }).strict(),
  z.object({ ...base, kind: z.literal('money'), min: z.number().int().optional(), max: z.number().int().optional() }).strict(),
  z.object({ ...base, kind: z.literal('integer'), min: z.number().int().optional(), max: z.number().int().optional(), unit: z.string().max(20).optional() }).strict(),
  z.object({ ...base, kind: z.literal('date') }).strict(),
  /** Value is `[startMonth, endMonth]` as `YYYY-MM`. */
  z.object({ ...base, kind: z.literal('monthRange') }).strict(),
  /** An administrative division (注册地): the GB/T 2260 code of the deepest level chosen, e.g. `"650105"` (shared/regions). */
  z.object({ ...base, kind: z.literal('region') }).strict(),
  z.object({ ...base, kind: z.literal('select'), options: z.array(OptionSchema).min(1).max(200) }).strict(),
  z.object({ ...base, kind: z.literal('multiSelect'), options: z.array(OptionSchema).min(1).max(200), maxSelected: z.number().int().positive().optional() }).strict(),
  /** Rows are `draft.tables[id]`. `fixedRows` pins the first column's values (the budget categories). */
  z
    .object({
      ...base,
      kind: z.literal('table'),
      columns: z.array(ColumnSchema).min(1).max(60),
      fixedRows: z.array(z.object({ key: z.string().max(100), label: Label, level: z.number().int().min(0).max(3).optional() }).strict()).max(100).optional(),
      minRows: z.number().int().nonnegative().optional(),
      maxRows: z.number().int().positive().max(1000).optional(),
      totals: z.array(FieldIdSchema).max(20).optional(),
    })
    .strict(),
]);
export type Field = z.infer<typeof FieldSchema>;
export type FieldKind = Field['kind'];

export const SectionSchema = z
  .object({
    id: FieldIdSchema,
    title: Label,
    /** Sections present only in one document type (项目建议书 is shorter). */
    documentTypes: z.array(z.enum(['proposal', 'application'])).optional(),
    description: z.string().max(4000).optional(),
    fields: z.array(FieldSchema).max(200),
    /** Clause ids shown beside this section in the wizard. */
    clauses: z.array(z.string().max(100)).max(100).optional(),
  })
  .strict();
export type Section = z.infer<typeof SectionSchema>;

/**
 * How a pack or a program changes the default template: drop sections or fields, override
 * field properties by id, and add sections or fields. Common ids stay common across packs.
 */
export const TemplatePatchSchema = z
  .object({
    dropSections: z.array(FieldIdSchema).max(100).optional(),
    dropFields: z.array(FieldIdSchema).max(500).optional(),
    overrideFields: z.record(FieldIdSchema, z.record(SafeKeySchema, z.unknown())).optional(),
    renameSections: z.record(FieldIdSchema, Label).optional(),
    addSections: z.array(SectionSchema.extend({ after: FieldIdSchema.optional() })).max(50).optional(),
    addFields: z.array(z.object({ section: FieldIdSchema, after: FieldIdSchema.optional(), field: FieldSchema }).strict()).max(500).optional(),
  })
  .strict();
export type TemplatePatch = z.infer<typeof TemplatePatchSchema>;
