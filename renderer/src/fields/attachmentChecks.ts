import { ATTACHMENT_MAX_BYTES } from '../../../shared/attachments/limits';
import type { AttachmentItem } from '../../../shared/pack/pack';

const MB = 1024 * 1024;

/** Why a file does not fit a checklist slot (type by extension, size by the slot's limit and the app's cap), or null. */
export function attachmentProblem(item: Pick<AttachmentItem, 'name' | 'accept' | 'maxSizeMb'>, file: { name: string; size: number }): string | null {
  const dot = file.name.lastIndexOf('.');
  const ext = dot >= 0 ? file.name.slice(dot).toLowerCase() : '';
  if (item.accept && item.accept.length > 0 && !item.accept.includes(ext)) {
    return `「${file.name}」的类型不符合「${item.name}」的要求，只接受 ${item.accept.join('、')} 文件`;
  }
  const limit = Math.min(item.maxSizeMb !== undefined ? item.maxSizeMb * MB : ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_BYTES);
  if (file.size > limit) {
    return `「${file.name}」为 ${(file.size / MB).toFixed(1)} MB，超过「${item.name}」允许的 ${limit / MB} MB`;
  }
  if (file.size === 0) return `「${file.name}」是空文件`;
  return null;
}
