import { z } from 'zod';
import { VerifyResultSchema } from '../../export/manifest';
import { ValidationSummarySchema } from '../../rules/resultSchema';
import { HTTP_MAX_BODY_BYTES } from '../http';
import { DraftId } from './common';

/** The largest package the in-app check accepts: its Base64 must fit one HTTP request body. */
export const VERIFY_UPLOAD_MAX_BYTES = Math.floor(((HTTP_MAX_BODY_BYTES - 64 * 1024) * 3) / 4);
const MB = (bytes: number): string => `${Math.floor(bytes / 1024 / 1024)} MB`;

export const JobId = z.uuid('导出任务编号格式不正确');

export const ExportBlockerSchema = z.object({
  /** `program` when the program is not accepting, else the rule id. */
  ruleId: z.string(),
  field: z.string().nullable(),
  section: z.string().nullable(),
  message: z.string(),
});
export type ExportBlocker = z.infer<typeof ExportBlockerSchema>;

export const ExportReadinessSchema = z.object({
  ready: z.boolean(),
  blockers: z.array(ExportBlockerSchema),
  summary: ValidationSummarySchema,
  /** 「申报书」 or 「项目建议书」. */
  documentName: z.string(),
  /** The documents will carry the 「草稿」 watermark (待填写, 无法检查 or errors, or the draft is not finalized). */
  watermark: z.boolean(),
});
export type ExportReadiness = z.infer<typeof ExportReadinessSchema>;

/** A single document: small enough (a book, not its attachments) to cross as Base64. */
const ExportedDocumentSchema = z.object({ fileName: z.string(), base64: z.string(), mediaType: z.string(), watermark: z.boolean() });
export type ExportedDocument = z.infer<typeof ExportedDocumentSchema>;

export const JobStateSchema = z.enum(['running', 'done', 'failed', 'cancelled']);
export const ExportJobStatusSchema = z.object({
  state: JobStateSchema,
  /** The current step in Chinese, e.g. 「正在打印 PDF」, 「正在打包附件 3/12：35.0 MB / 120.0 MB」; 「完成」 only when done. */
  step: z.string(),
  /** 0–1. */
  progress: z.number().min(0).max(1),
  error: z.string().optional(),
  fileName: z.string().optional(),
  size: z.number().int().nonnegative().optional(),
});
export type ExportJobStatus = z.infer<typeof ExportJobStatusSchema>;

export const DocumentKindSchema = z.enum(['docx', 'pdf'], '文档类型只能是 Word 或 PDF');
export type DocumentKind = z.infer<typeof DocumentKindSchema>;

/** Where the desktop app wrote a file the user chose to save; `saved: false` when the dialog was cancelled. */
const SavedFileSchema = z.object({ saved: z.boolean(), path: z.string().optional(), fileName: z.string().optional() });

export const exportContract = {
  exportDocx: {
    input: z.object({ id: DraftId }).strict(),
    output: ExportedDocumentSchema,
  },
  exportPdf: {
    input: z.object({ id: DraftId }).strict(),
    output: ExportedDocumentSchema,
  },
  exportBlockers: {
    input: z.object({ id: DraftId }).strict(),
    output: ExportReadinessSchema,
  },
  exportDocumentStart: {
    /**
     * Word or PDF as a background job with its steps (exportJobStatus, exportJobCancel); when done,
     * browser mode downloads it from /download/<jobId>, the desktop app saves it with exportJobSave.
     */
    input: z.object({ id: DraftId, kind: DocumentKindSchema }).strict(),
    output: z.object({ jobId: JobId }),
  },
  exportPackageStart: {
    input: z.object({ id: DraftId }).strict(),
    output: z.object({ jobId: JobId }),
  },
  exportJobStatus: {
    input: z.object({ jobId: JobId }).strict(),
    output: ExportJobStatusSchema,
  },
  exportJobCancel: {
    input: z.object({ jobId: JobId }).strict(),
    output: ExportJobStatusSchema,
  },
  exportJobSave: {
    /** Electron only: a native save dialog, then the finished package or document is copied there. */
    input: z.object({ jobId: JobId }).strict(),
    output: SavedFileSchema,
  },
  exportDocumentSave: {
    /** Electron only: the book as Word or PDF, written where the user chose in a native save dialog. */
    input: z.object({ id: DraftId, kind: DocumentKindSchema }).strict(),
    output: SavedFileSchema,
  },
  exportShowInFolder: {
    /** Electron only: reveals a file this session saved (any other path is refused). */
    input: z.object({ path: z.string().min(1, '请指定文件').max(4096, '文件路径过长') }).strict(),
    output: z.object({ shown: z.literal(true) }),
  },
  exportVerify: {
    /** One code path for Electron and browser mode: the renderer never hands over a path. */
    input: z
      .object({
        fileName: z.string().min(1).max(500),
        base64: z
          .string()
          .min(1, '请选择申报包文件')
          .max(Math.ceil(VERIFY_UPLOAD_MAX_BYTES / 3) * 4, `申报包不能超过 ${MB(VERIFY_UPLOAD_MAX_BYTES)}；更大的申报包请用命令行 shenbao verify 检查`),
      })
      .strict(),
    output: VerifyResultSchema,
  },
} as const;
