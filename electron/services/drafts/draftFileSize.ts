import { AppError } from '../../../shared/ipc/errors';
import type { Draft } from '../../../shared/model/draft';
import { LIMITS } from '../../../shared/model/limits';
import { formatFileSize } from '../../../shared/text/fileSize';

/**
 * An exported draft must always import again, and import refuses files over
 * LIMITS.draftFileBytes. So a save whose draft would not fit is refused (the compact form is what
 * is measured), and the export writes the readable indented form only when that still fits.
 * Returns the document's size in bytes (UTF-8), which the revision row records.
 */
export function refuseOverExportLimit(compactDoc: string): number {
  const bytes = Buffer.byteLength(compactDoc, 'utf8');
  if (bytes > LIMITS.draftFileBytes) {
    throw new AppError(
      'invalid_input',
      `草稿内容过大，超出 ${formatFileSize(LIMITS.draftFileBytes)} 的上限 ${formatFileSize(bytes - LIMITS.draftFileBytes)}，本次未保存；请删减较长的文字或表格后再试`,
    );
  }
  return bytes;
}

export function draftFileContent(draft: Draft): string {
  const readable = JSON.stringify(draft, null, 2) + '\n';
  if (Buffer.byteLength(readable, 'utf8') <= LIMITS.draftFileBytes) return readable;
  return JSON.stringify(draft) + '\n';
}
