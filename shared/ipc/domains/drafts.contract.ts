import { z } from 'zod';
import { DraftPatchSchema, DraftSchema, DraftStatusSchema } from '../../model/draft';
import { DraftValidationSchema } from '../../rules/resultSchema';
import { OtherDraftSchema } from '../../rules/otherDraftSchema';
import { DraftId, IsoTime } from './common';
import { DRAFT_ARCHIVE_MAX_BYTES } from './draftArchiveLimit';
import { DraftPageSchema, DraftSortSchema, DraftSummarySchema, EditingSessionSchema, RevisionInfoSchema, SaveResultSchema, StoredDraftSchema } from './schemas';

export { DRAFT_ARCHIVE_MAX_BYTES };
const MB = (bytes: number): string => `${Math.floor(bytes / 1024 / 1024)} MB`;

const RevisionNumber = z.number('版本号必须是数字').int('版本号必须是正整数').positive('版本号必须是正整数');

export const draftsContract = {
  draftsList: {
    input: z.object({ trash: z.boolean().optional() }).strict(),
    output: z.array(DraftSummarySchema),
  },
  /**
   * One page of the home page's list: searched, filtered and sorted (last change first) by the
   * services, with progress for the rows of the page only. `total` counts every matching draft,
   * `all` every draft not in the trash (the page tells an empty store from a search with no match).
   * With `trash`, a page of the 回收站 instead: last deleted first, without progress, `all` and
   * `total` count the trash; search, filters and sort do not apply there.
   */
  draftsPage: {
    input: z
      .object({
        page: z.number('页码必须是数字').int('页码必须是正整数').positive('页码必须是正整数').default(1),
        pageSize: z.number('每页条数必须是数字').int('每页条数必须是 1 到 200 的整数').min(1, '每页条数必须是 1 到 200 的整数').max(200, '每页条数必须是 1 到 200 的整数').default(50),
        query: z.string().max(200, '搜索词不能超过 200 个字').optional(),
        packId: z.string().max(200).nullable().optional(),
        status: DraftStatusSchema.nullable().optional(),
        onlyWithErrors: z.boolean().optional(),
        /** Last change first unless asked otherwise; ties keep that order. */
        sort: DraftSortSchema.optional(),
        trash: z.boolean().optional(),
      })
      .strict(),
    output: DraftPageSchema,
  },
  draftsGet: {
    input: z.object({ id: DraftId }).strict(),
    output: StoredDraftSchema,
  },
  draftsCreate: {
    input: z
      .object({
        title: z.string().max(200).optional(),
        guideline: DraftSchema.shape.guideline.optional(),
      })
      .strict(),
    output: StoredDraftSchema,
  },
  draftsSave: {
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
    input: z.object({ id: DraftId, title: z.string().trim().min(1, '名称不能为空').max(200, '名称不能超过 200 个字符') }).strict(),
    output: SaveResultSchema,
  },
  draftsDuplicate: {
    input: z.object({ id: DraftId }).strict(),
    output: StoredDraftSchema,
  },
  draftsDelete: {
    input: z.object({ id: DraftId }).strict(),
    output: z.object({ deletedAt: IsoTime }),
  },
  draftsRestore: {
    input: z.object({ id: DraftId }).strict(),
    output: z.object({ restored: z.literal(true) }),
  },
  draftsPurge: {
    input: z.object({ id: DraftId }).strict(),
    output: z.object({ purged: z.literal(true) }),
  },
  draftsRevisions: {
    input: z.object({ id: DraftId }).strict(),
    output: z.array(RevisionInfoSchema),
  },
  draftsImport: {
    /** The file's text: the renderer never touches paths. */
    input: z.object({ content: z.string().max(20 * 1024 * 1024, '草稿文件不能超过 20 MB') }).strict(),
    output: StoredDraftSchema,
  },
  draftsExport: {
    input: z.object({ id: DraftId }).strict(),
    output: z.object({ fileName: z.string(), content: z.string() }),
  },
  draftsExportArchive: {
    /** 导出草稿数据: the draft and its attachments' bytes in one zip, as Base64. */
    input: z.object({ id: DraftId }).strict(),
    /** `missing`: attachments this computer no longer has whole, so not carried (their references stay in the draft). */
    output: z.object({ fileName: z.string(), base64: z.string(), attachmentCount: z.number().int().nonnegative(), missing: z.array(z.string()) }),
  },
  draftsImportArchive: {
    /** A 草稿数据文件 made by draftsExportArchive: every attachment is checked against the draft before anything is stored. */
    input: z
      .object({
        base64: z
          .string('草稿数据文件内容必须是文字编码')
          .min(1, '请选择草稿数据文件')
          .max(Math.ceil(DRAFT_ARCHIVE_MAX_BYTES / 3) * 4, `草稿数据文件不能超过 ${MB(DRAFT_ARCHIVE_MAX_BYTES)}`)
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, '草稿数据文件的编码不正确，无法读取'),
      })
      .strict(),
    /** `missing`: attachments the file did not carry and this computer does not have; they show as 缺失 in the draft. */
    output: StoredDraftSchema.extend({ attachmentCount: z.number().int().nonnegative(), missing: z.array(z.string()) }),
  },
  draftsSetStatus: {
    /** 定稿 (`final`) is refused while any error rule fails; `editing` unlocks. */
    input: z.object({ id: DraftId, status: z.enum(DraftStatusSchema.options, '状态只能是定稿或编辑中') }).strict(),
    output: SaveResultSchema,
  },
  draftsHistory: {
    /** The stored revisions grouped into editing sessions, newest first, each with the fields it changed. */
    input: z.object({ id: DraftId }).strict(),
    output: z.object({ sessions: z.array(EditingSessionSchema) }),
  },
  draftsNameRevision: {
    /** 保存为版本…: names a stored revision; a named version is kept whatever the pruning policy says. */
    input: z
      .object({
        id: DraftId,
        revision: RevisionNumber,
        label: z.string('版本名称必须是文字').trim().min(1, '版本名称不能为空').max(60, '版本名称不能超过 60 个字符'),
      })
      .strict(),
    output: z.object({ revision: z.number().int().positive(), label: z.string() }),
  },
  draftsRevisionGet: {
    input: z.object({ id: DraftId, revision: RevisionNumber }).strict(),
    output: DraftSchema,
  },
  draftsRevisionRestore: {
    /** The revision's content becomes a new revision; refused on a final draft. */
    input: z.object({ id: DraftId, revision: RevisionNumber }).strict(),
    output: SaveResultSchema,
  },
  draftsRecover: {
    /** 恢复到最近完好的版本: a draft listed as 已损坏 gets back its newest revision that reads back whole, as a new revision. */
    input: z.object({ id: DraftId }).strict(),
    output: SaveResultSchema.extend({ restoredRevision: z.number().int().positive() }),
  },
  /**
   * The other live drafts as this draft's cross-draft rules (限报数量) see them, with only the values
   * those rules compare: the wizard checks as the services do without fetching every draft whole.
   */
  draftsOtherDrafts: {
    input: z.object({ id: DraftId }).strict(),
    output: z.array(OtherDraftSchema).max(100_000),
  },
  /** The one result list of a stored draft (形式审查), against the pack version it names. */
  draftsValidate: {
    input: z.object({ id: DraftId, at: z.iso.date().optional() }).strict(),
    output: DraftValidationSchema,
  },
} as const;
