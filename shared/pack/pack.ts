import { z } from 'zod';
import { FieldIdSchema } from '../model/draft';
import { ConditionSchema } from './condition';
import { TemplatePatchSchema } from './fields';
import { RuleSchema } from './rules';

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, '编号只能由小写字母、数字和连字符组成').max(100);
const Text = (max: number) => z.string().max(max);

export const ContactSchema = z
  .object({
    department: Text(200),
    /** What this department manages (e.g. 「机电自动化、信息化、集输储运等领域项目」). */
    scope: Text(500).optional(),
    people: z.array(Text(50)).max(20),
    phones: z.array(Text(50)).max(20),
    address: Text(300).optional(),
  })
  .strict();
export type Contact = z.infer<typeof ContactSchema>;

/** A requirement clause of the source text, quoted verbatim, and how the app covers it. */
export const ClauseSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/).max(100),
    /** Clause path like 「二、申报要求（二）」. */
    path: Text(200),
    /** Verbatim from the source text (line breaks and spaces of the source may be dropped). */
    quote: z.string().min(1).max(4000),
    coverage: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('rules') }).strict(),
      z.object({ kind: z.literal('declaration'), declaration: FieldIdSchema }).strict(),
      z.object({ kind: z.literal('notCheckable'), reason: Text(500) }).strict(),
      /** Context, not a requirement (priorities, directions): listed but not counted as a requirement. */
      z.object({ kind: z.literal('informative') }).strict(),
    ]),
  })
  .strict();
export type Clause = z.infer<typeof ClauseSchema>;

export interface Direction {
  id: string;
  /** The numbering as printed: 「1.」「（1）」「①」. */
  code?: string;
  name: string;
  description?: string;
  children?: Direction[];
}
export const DirectionSchema: z.ZodType<Direction> = z.lazy(() =>
  z
    .object({
      id: Id,
      code: Text(20).optional(),
      name: Text(200),
      description: Text(4000).optional(),
      children: z.array(DirectionSchema).max(100).optional(),
    })
    .strict(),
);

/** A 承诺 checkbox for what the app cannot check from data; it cites its clause. */
export const DeclarationSchema = z
  .object({ id: FieldIdSchema, text: Text(1000), clause: Text(100), when: ConditionSchema.optional() })
  .strict();
export type Declaration = z.infer<typeof DeclarationSchema>;

/** An item of the attachment checklist; it becomes an attachment slot `draft.attachments[id]`. */
export const AttachmentItemSchema = z
  .object({
    id: FieldIdSchema,
    name: Text(200),
    description: Text(1000).optional(),
    required: z.boolean(),
    /** Required (or shown) only when this holds, e.g. by unit type. */
    when: ConditionSchema.optional(),
    clause: Text(100).optional(),
    accept: z.array(z.string().regex(/^\.[a-z0-9]+$/)).max(20).optional(),
    maxSizeMb: z.number().positive().max(500).optional(),
  })
  .strict();
export type AttachmentItem = z.infer<typeof AttachmentItemSchema>;

export const FundingSchema = z
  .object({
    /** 资助形式: 无偿资助, 股权投资, 天使基金… */
    forms: z.array(Text(50)).max(10),
    /** Range of the fiscal grant, integer yuan; absent = no limit stated. */
    min: z.number().int().nonnegative().optional(),
    max: z.number().int().positive().optional(),
    note: Text(1000).optional(),
  })
  .strict();
export type Funding = z.infer<typeof FundingSchema>;

export const WindowSchema = z
  .object({
    opens: z.iso.datetime({ offset: true }).optional(),
    closes: z.iso.datetime({ offset: true }).optional(),
    note: Text(500).optional(),
  })
  .strict();
export type ApplicationWindow = z.infer<typeof WindowSchema>;

export const ProgramSchema = z
  .object({
    id: Id,
    name: Text(200),
    description: Text(4000).optional(),
    accepting: z.boolean(),
    notAcceptingReason: Text(500).optional(),
    documentTypes: z.array(z.enum(['proposal', 'application'])).min(1),
    funding: FundingSchema.nullable(),
    window: WindowSchema.optional(),
    contacts: z.array(ContactSchema).max(20).optional(),
    directions: z.array(DirectionSchema).max(200),
    template: TemplatePatchSchema.optional(),
    rules: z.array(RuleSchema).max(500),
    declarations: z.array(DeclarationSchema).max(100).optional(),
    attachments: z.array(AttachmentItemSchema).max(100).optional(),
  })
  .strict();
export type Program = z.infer<typeof ProgramSchema>;

export const PlanTaskSchema = z
  .object({ id: Id, column: Text(50), columnTitle: Text(200), text: Text(4000) })
  .strict();
export type PlanTask = z.infer<typeof PlanTaskSchema>;

export const IndicatorSchema = z
  .object({
    id: Id,
    category: Text(100),
    name: Text(200),
    unit: Text(50).optional(),
    base2020: Text(50).optional(),
    target2025: Text(50).optional(),
    nature: Text(20).optional(),
  })
  .strict();
export type Indicator = z.infer<typeof IndicatorSchema>;

export const PACK_FORMAT = 'shenbao-pack';

export const PackSchema = z
  .object({
    format: z.literal(PACK_FORMAT),
    formatVersion: z.literal(1),
    id: Id,
    version: z.string().regex(/^\d+\.\d+\.\d+$/, '版本号格式应为 1.0.0'),
    kind: z.enum(['call', 'plan']),
    title: Text(300),
    issuer: Text(200),
    region: Text(100),
    year: z.number().int().min(2000).max(2100),
    batch: Text(100).optional(),
    documentNumber: Text(100).optional(),
    /** The 申报书 form's issue month (YYYY-MM), printed under 「…制」 on the cover; absent when the notice gives none. */
    formIssued: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '表单印发年月格式应为 2020-01').optional(),
    /** The source text file beside pack.json, and the document's title for citations. */
    source: z.object({ file: z.string().regex(/^[A-Za-z0-9._-]+\.txt$/), document: Text(300) }).strict(),
    window: WindowSchema.optional(),
    contacts: z.array(ContactSchema).max(30).optional(),
    clauses: z.array(ClauseSchema).max(1000),
    template: TemplatePatchSchema.optional(),
    /** Rules, declarations and attachments shared by every program of the pack. */
    rules: z.array(RuleSchema).max(500).optional(),
    declarations: z.array(DeclarationSchema).max(100).optional(),
    attachments: z.array(AttachmentItemSchema).max(100).optional(),
    programs: z.array(ProgramSchema).max(50),
    planTasks: z.array(PlanTaskSchema).max(1000).optional(),
    indicators: z.array(IndicatorSchema).max(200).optional(),
  })
  .strict();
export type Pack = z.infer<typeof PackSchema>;
