import { z } from 'zod';
import { base64LengthOf } from '../../attachments/limits';
import type { StudioCoverage } from '../../studio/studioCoverage';
import { StudioEditsSchema } from '../../studio/studioEdits';
import type { StudioDraftFile } from '../../studio/studioFile';
import { GuidelineSummarySchema } from './schemas';

/** Notices are short documents; a bigger file is not a notice (the CLI's limit too). */
export const NOTICE_MAX_BYTES = 20 * 1024 * 1024;
const NOTICE_TEXT_MAX = 4 * 1024 * 1024;

const NoticeName = z.string().trim().min(1, '通知文件名不能为空').max(300, '通知文件名不能超过 300 个字符');

/** The notice as the studio keeps it: its name and full text (the proposals are recomputed from it). */
const NoticeSchema = z.object({ name: NoticeName, text: z.string().min(1, '通知原文为空').max(NOTICE_TEXT_MAX, '通知原文不能超过 4 MB') }).strict();

const StudioPackInput = z.object({ notice: NoticeSchema, edits: StudioEditsSchema }).strict();

export const StudioCheckSchema = z.object({
  /** Every problem the import would report plus the edits' own (Chinese, naming the place); empty when the pack can be saved. */
  problems: z.array(z.string()),
  undecidedProposals: z.number(),
  undecidedRequirements: z.number(),
  coverage: z.custom<StudioCoverage>(),
  /** The pack these decisions make, as pack.json text (its source.txt is the notice text): for 导出. */
  packJson: z.string(),
  /** Set only by studioSave when the pack version was installed. */
  installed: GuidelineSummarySchema.nullable(),
});
export type StudioCheck = z.infer<typeof StudioCheckSchema>;

export const studioContract = {
  studioDraft: {
    /** A notice file (.txt/.docx/.pdf as Base64) or pasted text → clauses, proposals, unrecognized requirements and a draft pack. */
    input: z.union([
      z
        .object({
          fileName: NoticeName,
          base64: z
            .string()
            .max(base64LengthOf(NOTICE_MAX_BYTES), `通知文件不能超过 ${NOTICE_MAX_BYTES / 1024 / 1024} MB`)
            .regex(/^[A-Za-z0-9+/]*={0,2}$/, '通知文件内容的编码不正确，无法读取'),
        })
        .strict(),
      z.object({ fileName: NoticeName, text: z.string().trim().min(1, '请粘贴通知原文').max(NOTICE_TEXT_MAX, '通知原文不能超过 4 MB') }).strict(),
    ]),
    output: z.custom<StudioDraftFile>(),
  },
  studioCheck: {
    /** Runs the import checks on the pack the edits make; installs nothing. */
    input: StudioPackInput,
    output: StudioCheckSchema,
  },
  studioSessionGet: {
    /** The decisions saved for this notice text, to offer 「继续上次的审核」; null when there are none. */
    input: z.object({ notice: NoticeSchema }).strict(),
    output: z.object({ noticeName: z.string(), savedAt: z.string(), edits: StudioEditsSchema }).nullable(),
  },
  studioSessionSave: {
    /** Saves the decisions made so far (atomically, replacing the previous save for this notice). */
    input: StudioPackInput,
    output: z.object({ savedAt: z.string() }),
  },
  studioSessionDiscard: {
    /** Forgets the saved decisions of this notice (「重新开始」). */
    input: z.object({ notice: NoticeSchema }).strict(),
    output: z.object({ ok: z.literal(true) }),
  },
  studioSave: {
    /** Runs the same checks and, when there is no problem, installs the pack as a new version beside the old ones. */
    input: StudioPackInput,
    output: StudioCheckSchema,
  },
} as const;
