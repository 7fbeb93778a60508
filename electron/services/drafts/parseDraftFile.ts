import { describeZodError } from '../../../shared/validation/formatIssues';
import { AppError } from '../../../shared/ipc/errors';
import { DRAFT_FORMAT, DRAFT_FORMAT_VERSION, DraftSchema, type Draft } from '../../../shared/model/draft';
import { LIMITS } from '../../../shared/model/limits';
import { parseSafeJson } from '../../../shared/model/safeJson';

/** Untrusted draft file text → a valid Draft, or an AppError naming what is wrong. Writes nothing. */
export function parseDraftFile(content: string): Draft {
  const data = parseSafeJson(content, { maxBytes: LIMITS.draftFileBytes, label: '草稿文件' });
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new AppError('corrupt_file', '这不是申报通草稿文件：文件里没有草稿内容');
  }
  const record = data as Record<string, unknown>;
  if (record['format'] !== DRAFT_FORMAT) {
    throw new AppError('corrupt_file', '这不是申报通草稿文件：文件里没有申报通草稿的标记');
  }
  if (typeof record['formatVersion'] === 'number' && record['formatVersion'] > DRAFT_FORMAT_VERSION) {
    throw new AppError(
      'corrupt_file',
      `草稿文件格式版本 ${record['formatVersion']} 比本程序新（本程序支持 ${DRAFT_FORMAT_VERSION}），请升级申报通后再导入`,
    );
  }
  const parsed = DraftSchema.safeParse(data);
  if (!parsed.success) throw new AppError('corrupt_file', `草稿文件内容不符合格式：${describeZodError(parsed.error)}`);
  return parsed.data;
}
