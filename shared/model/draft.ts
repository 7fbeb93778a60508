import { z } from 'zod';
import { FORBIDDEN_KEY_MESSAGE, forbiddenKeyIn, isForbiddenKey } from './forbiddenKeys';
import { LIMITS } from './limits';

/** Field ids are dotted paths shared across packs (e.g. `project.name`, `pi.idNumber`) so profiles and carry-over keep working. */
export const FieldIdSchema = z
  .string()
  .max(LIMITS.fieldIdLength, `字段标识不能超过 ${LIMITS.fieldIdLength} 个字符`)
  .regex(/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/, '字段标识只能由字母、数字、下划线和点组成')
  .check((ctx) => {
    const key = forbiddenKeyIn(ctx.value);
    if (key !== null) ctx.issues.push({ code: 'custom', message: FORBIDDEN_KEY_MESSAGE(key), input: ctx.value });
  });

/** Any other key of a record read from untrusted data: free text, but never a forbidden key. */
export const SafeKeySchema = z
  .string()
  .max(200, '键名不能超过 200 个字符')
  .check((ctx) => {
    if (isForbiddenKey(ctx.value)) ctx.issues.push({ code: 'custom', message: FORBIDDEN_KEY_MESSAGE(ctx.value), input: ctx.value });
  });

/** Whether a record of the draft holds no more keys than LIMITS.keysPerRecord allows. */
export const withinKeyLimit = (record: object): boolean => Object.keys(record).length <= LIMITS.keysPerRecord;

const safeRecord = <T extends z.ZodType>(value: T) => z.record(FieldIdSchema, value).refine(withinKeyLimit, `键数量不能超过 ${LIMITS.keysPerRecord}`);

/** Scalar field value. Money is an integer number of yuan (1 元 = 0.0001 万元) so sums are exact. */
export const FieldValueSchema = z.union([
  z.string().max(LIMITS.textLength),
  z.number().finite(),
  z.boolean(),
  z.array(z.string().max(LIMITS.listItemLength)).max(LIMITS.listItems),
  z.null(),
]);
export type FieldValue = z.infer<typeof FieldValueSchema>;

export const TableRowSchema = safeRecord(FieldValueSchema);
export type TableRow = z.infer<typeof TableRowSchema>;

export const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, '附件哈希必须是 64 位小写十六进制 SHA-256');

export const AttachmentRefSchema = z.object({
  sha256: Sha256Schema,
  /** The user's original file name: metadata only, never used as a path. */
  name: z.string().min(1).max(LIMITS.fileNameLength),
  size: z.number().int().nonnegative(),
  mediaType: z.string().max(200),
  addedAt: z.iso.datetime({ offset: true }),
});
export type AttachmentRef = z.infer<typeof AttachmentRefSchema>;

export const DocumentTypeSchema = z.enum(['proposal', 'application']);
export type DocumentType = z.infer<typeof DocumentTypeSchema>;

export { DOCUMENT_NAME, DOCUMENT_FULL_NAME } from './draftNames';

export const GuidelineRefSchema = z.object({
  packId: z.string().min(1).max(200),
  packVersion: z.string().min(1).max(50),
  programId: z.string().min(1).max(200),
  directionPath: z.array(z.string().max(200)).max(10),
  documentType: DocumentTypeSchema,
});
export type GuidelineRef = z.infer<typeof GuidelineRefSchema>;

export const DraftStatusSchema = z.enum(['editing', 'final']);
export type DraftStatus = z.infer<typeof DraftStatusSchema>;

export const DRAFT_FORMAT = 'shenbao-draft';
export const DRAFT_FORMAT_VERSION = 1;

/**
 * The draft document. The stored draft and the exported draft file are this same JSON.
 * The project name lives in `values['project.name']`; the display title is derived from it.
 */
export const DraftSchema = z
  .object({
    format: z.literal(DRAFT_FORMAT),
    formatVersion: z.literal(DRAFT_FORMAT_VERSION),
    id: z.uuid(),
    guideline: GuidelineRefSchema.nullable(),
    values: safeRecord(FieldValueSchema),
    tables: safeRecord(z.array(TableRowSchema).max(LIMITS.tableRows)),
    attachments: safeRecord(z.array(AttachmentRefSchema).max(LIMITS.attachmentsPerSlot)),
    declarations: safeRecord(z.boolean()),
    planTasks: z.array(z.string().max(200)).max(500),
    status: DraftStatusSchema,
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .strict();
export type Draft = z.infer<typeof DraftSchema>;

/** The part of a draft a save may change; records are merged key by key, `null` in a record deletes the key. */
export const DraftPatchSchema = z
  .object({
    guideline: GuidelineRefSchema.nullable().optional(),
    values: safeRecord(FieldValueSchema).optional(),
    tables: safeRecord(z.array(TableRowSchema).max(LIMITS.tableRows).nullable()).optional(),
    attachments: safeRecord(z.array(AttachmentRefSchema).max(LIMITS.attachmentsPerSlot).nullable()).optional(),
    declarations: safeRecord(z.boolean().nullable()).optional(),
    planTasks: z.array(z.string().max(200)).max(500).optional(),
  })
  .strict();
export type DraftPatch = z.infer<typeof DraftPatchSchema>;

export { UNTITLED_DRAFT, draftTitle } from './draftNames';
