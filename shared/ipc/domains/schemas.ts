import { z } from 'zod';
import { DraftSchema, DraftStatusSchema, DocumentTypeSchema } from '../../model/draft';
import { DraftId, IsoTime } from './common';

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
  /** Home-page progress, computed through the engine for drafts in the list (absent in the trash). */
  completion: z.number().int().min(0).max(100).optional(),
  /** 待填写 and 无法检查 items: what is still missing, shown apart from what is wrong. */
  incompleteCount: z.number().int().nonnegative().optional(),
  errorCount: z.number().int().nonnegative().optional(),
  warningCount: z.number().int().nonnegative().optional(),
  deadline: z
    .object({
      closes: z.string().nullable(),
      daysLeft: z.number().int().nullable(),
      state: z.enum(['open', 'closed', 'notYetOpen', 'none']),
    })
    .optional(),
  /** 申报单位名称, for search on the home page. */
  unitName: z.string().nullable().optional(),
  /**
   * Present when the stored draft does not read back (damaged bytes): why, in words. The draft is
   * listed as 已损坏 and can be recovered from its own revisions (draftsRecover); the others are unaffected.
   */
  damage: z.string().optional(),
});
export type DraftSummary = z.infer<typeof DraftSummarySchema>;

export const DraftSortSchema = z.enum(['updatedDesc', 'updatedAsc', 'completionDesc', 'completionAsc'], '排序方式只能是按最后编辑或完成度的升序、降序');
export type DraftSort = z.infer<typeof DraftSortSchema>;

export const DraftPageSchema = z.object({
  rows: z.array(DraftSummarySchema),
  /** Drafts that match the search and filters, on every page. */
  total: z.number().int().nonnegative(),
  /** Drafts not in the trash, matching or not. */
  all: z.number().int().nonnegative(),
  /** The guidelines the drafts not in the trash use, for the filter (id and title, title null when not installed). */
  packs: z.array(z.object({ id: z.string(), title: z.string().nullable() })),
});
export type DraftPage = z.infer<typeof DraftPageSchema>;

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
  /** A named version: the applicant's name for it, or one the app gave (`labelAuto`: 定稿前, 恢复前, 导入). */
  label: z.string().optional(),
  labelAuto: z.boolean().optional(),
});
export type RevisionInfo = z.infer<typeof RevisionInfoSchema>;

/** One editing session: saves with no pause longer than a few minutes between them. */
export const EditingSessionSchema = z.object({
  startedAt: IsoTime,
  endedAt: IsoTime,
  /** Newest first. */
  revisions: z.array(RevisionInfoSchema),
  /** Field, table and attachment ids (and `$…` draft parts) this session changed; null when a version in it does not read back. */
  changed: z.array(z.string()).nullable(),
});
export type EditingSession = z.infer<typeof EditingSessionSchema>;

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
