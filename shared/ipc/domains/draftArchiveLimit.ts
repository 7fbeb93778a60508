import { HTTP_MAX_BODY_BYTES } from '../http';

/**
 * The largest 草稿数据文件 (draft + attachments, zipped): its Base64 must fit one HTTP request body.
 * Apart from drafts.contract.ts (its zod schemas) so the home page can check a file's size without loading zod.
 */
export const DRAFT_ARCHIVE_MAX_BYTES = Math.floor(((HTTP_MAX_BODY_BYTES - 64 * 1024) * 3) / 4);
