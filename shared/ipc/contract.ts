import { z } from 'zod';
import { CHANNELS, type Method } from './channels';
import { DraftPatchSchema, DraftSchema, DraftStatusSchema, DocumentTypeSchema } from '../model/draft';
import type { Envelope } from './errors';

const DraftId = z.uuid('草稿编号格式不正确');
const Empty = z.object({}).strict();
const IsoTime = z.iso.datetime({ offset: true });

export const DraftSummarySchema = z.object({
  id: DraftId,
  title: z.string(),
  packId: z.string().nullable(),
  packTitle: z.string().nullable(),
  programId: z.string().nullable(),
  programName: z.string().nullable(),
  documentType: DocumentTypeSchema.nullable(),
  status: DraftStatusSchema,
  revision: z.number().int().nonnegative(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
  deletedAt: IsoTime.nullable(),
});
export type DraftSummary = z.infer<typeof DraftSummarySchema>;

export const StoredDraftSchema = z.object({
  draft: DraftSchema,
  revision: z.number().int().nonnegative(),
  deletedAt: IsoTime.nullable(),
});
export type StoredDraft = z.infer<typeof StoredDraftSchema>;

export const RevisionInfoSchema = z.object({
  revision: z.number().int().positive(),
  savedAt: IsoTime,
  size: z.number().int().nonnegative(),
});
export type RevisionInfo = z.infer<typeof RevisionInfoSchema>;

export const SaveResultSchema = z.object({ revision: z.number().int().positive(), savedAt: IsoTime });
export type SaveResult = z.infer<typeof SaveResultSchema>;

const WindowSummarySchema = z.object({ opens: z.string().optional(), closes: z.string().optional(), note: z.string().optional() });

export const GuidelineSummarySchema = z.object({
  id: z.string(),
  version: z.string(),
  title: z.string(),
  kind: z.enum(['call', 'plan']),
  issuer: z.string().optional(),
  region: z.string().optional(),
  year: z.number().int().optional(),
  /** The pack's own window; a program's window overrides it. */
  window: WindowSummarySchema.optional(),
  /** Every installed version, newest first. */
  versions: z.array(z.string()).optional(),
  origin: z.enum(['builtin', 'imported']).optional(),
  contentHash: z.string().optional(),
  programs: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      accepting: z.boolean(),
      documentTypes: z.array(DocumentTypeSchema),
      notAcceptingReason: z.string().optional(),
      /** The resolved window (the program's, else the pack's). */
      window: WindowSummarySchema.optional(),
    }),
  ),
});
export type GuidelineSummary = z.infer<typeof GuidelineSummarySchema>;

/**
 * The IPC contract: one entry per method, with its channel and its input/output schemas.
 * Electron main, the browser-mode host, the preload and the renderer client are all written against it.
 */
export const contract = {
  appInfo: {
    channel: CHANNELS.appInfo,
    input: Empty,
    output: z.object({ version: z.string(), mode: z.enum(['electron', 'web', 'cli', 'test']), dataDir: z.string() }),
  },
  draftsList: {
    channel: CHANNELS.draftsList,
    input: z.object({ trash: z.boolean().optional() }).strict(),
    output: z.array(DraftSummarySchema),
  },
  draftsGet: {
    channel: CHANNELS.draftsGet,
    input: z.object({ id: DraftId }).strict(),
    output: StoredDraftSchema,
  },
  draftsCreate: {
    channel: CHANNELS.draftsCreate,
    input: z
      .object({
        title: z.string().max(200).optional(),
        guideline: DraftSchema.shape.guideline.optional(),
      })
      .strict(),
    output: StoredDraftSchema,
  },
  draftsSave: {
    channel: CHANNELS.draftsSave,
    input: z
      .object({
        id: DraftId,
        /** The revision the renderer's copy is based on; a mismatch is a conflict, not a silent overwrite. */
        baseRevision: z.number().int().nonnegative(),
        patch: DraftPatchSchema,
      })
      .strict(),
    output: SaveResultSchema,
  },
  draftsRename: {
    channel: CHANNELS.draftsRename,
    input: z.object({ id: DraftId, title: z.string().trim().min(1, '名称不能为空').max(200, '名称不能超过 200 个字符') }).strict(),
    output: SaveResultSchema,
  },
  draftsDuplicate: {
    channel: CHANNELS.draftsDuplicate,
    input: z.object({ id: DraftId }).strict(),
    output: StoredDraftSchema,
  },
  draftsDelete: {
    channel: CHANNELS.draftsDelete,
    input: z.object({ id: DraftId }).strict(),
    output: z.object({ deletedAt: IsoTime }),
  },
  draftsRestore: {
    channel: CHANNELS.draftsRestore,
    input: z.object({ id: DraftId }).strict(),
    output: z.object({ restored: z.literal(true) }),
  },
  draftsPurge: {
    channel: CHANNELS.draftsPurge,
    input: z.object({ id: DraftId }).strict(),
    output: z.object({ purged: z.literal(true) }),
  },
  draftsRevisions: {
    channel: CHANNELS.draftsRevisions,
    input: z.object({ id: DraftId }).strict(),
    output: z.array(RevisionInfoSchema),
  },
  draftsImport: {
    channel: CHANNELS.draftsImport,
    /** The file's text: the renderer never touches paths. */
    input: z.object({ content: z.string().max(20 * 1024 * 1024, '草稿文件不能超过 20 MB') }).strict(),
    output: StoredDraftSchema,
  },
  draftsExport: {
    channel: CHANNELS.draftsExport,
    input: z.object({ id: DraftId }).strict(),
    output: z.object({ fileName: z.string(), content: z.string() }),
  },
  guidelinesList: {
    channel: CHANNELS.guidelinesList,
    input: Empty,
    output: z.array(GuidelineSummarySchema),
  },
  guidelinesGet: {
    channel: CHANNELS.guidelinesGet,
    input: z.object({ id: z.string().min(1).max(200) }).strict(),
    /** The full pack; its schema lives with the pack format and is checked by the loader. */
    output: z.unknown(),
  },
} as const satisfies { [M in Method]: { channel: (typeof CHANNELS)[M]; input: z.ZodType; output: z.ZodType } };

export type Contract = typeof contract;
export type Input<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = z.output<Contract[M]['output']>;

/** What the services implement: one handler per method. A missing method is a type error. */
export type Handlers = { [M in Method]: (input: ParsedInput<M>) => Promise<Output<M>> | Output<M> };

/** What `window.api` exposes: one named method per contract entry, answering an envelope. */
export type Api = { [M in Method]: (input: Input<M>) => Promise<Envelope<Output<M>>> };
