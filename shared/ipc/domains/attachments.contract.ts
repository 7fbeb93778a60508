import { z } from 'zod';
import { ATTACHMENT_MAX_BYTES, base64LengthOf } from '../../attachments/limits';
import { AttachmentRefSchema, Sha256Schema } from '../../model/draft';
import { LIMITS } from '../../model/limits';

const Base64 = z
  .string()
  .max(base64LengthOf(ATTACHMENT_MAX_BYTES), `附件不能超过 ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB`)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, '附件内容的编码不正确，无法读取');

export const attachmentsContract = {
  attachmentsPut: {
    /** The file's bytes travel as Base64; the name is metadata only and never becomes a path. */
    input: z
      .object({
        name: z.string().trim().min(1, '附件文件名不能为空').max(LIMITS.fileNameLength, `附件文件名不能超过 ${LIMITS.fileNameLength} 个字符`),
        mediaType: z.string().max(200, '附件类型描述过长'),
        dataBase64: Base64,
      })
      .strict(),
    output: AttachmentRefSchema,
  },
  attachmentsGet: {
    input: z.object({ sha256: Sha256Schema }).strict(),
    output: z.object({ dataBase64: z.string(), mediaType: z.string() }),
  },
} as const;
