import { ATTACHMENT_MAX_BYTES } from '../../../shared/attachments/limits';
import { SNIFF_BYTES, contentMismatch, sniffType } from '../../../shared/attachments/sniff';
import type { Handlers } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import type { AttachmentStore } from './attachmentStore';

const MB = 1024 * 1024;

/** attachmentsPut / attachmentsGet over the content-addressed store. */
export function createAttachmentHandlers(store: AttachmentStore, now: () => Date = () => new Date()) {
  return {
    attachmentsPut: async (input) => {
      const bytes = Buffer.from(input.dataBase64, 'base64');
      if (bytes.length > ATTACHMENT_MAX_BYTES) {
        throw new AppError('invalid_input', `附件「${input.name}」为 ${(bytes.length / MB).toFixed(1)} MB，超过 ${ATTACHMENT_MAX_BYTES / MB} MB 的上限`);
      }
      // By content, not by name: an EXE renamed .pdf, or a .docx that is really a PDF, is refused by name.
      const mismatch = contentMismatch(input.name, sniffType(bytes.subarray(0, SNIFF_BYTES)));
      if (mismatch) throw new AppError('invalid_input', `${mismatch}，请选择正确的文件`);
      const mediaType = input.mediaType.trim() || 'application/octet-stream';
      const stored = await store.putFile(bytes, { name: input.name, mediaType });
      // The ref carries this upload's name and type: the same bytes may arrive under another name.
      return { sha256: stored.sha256, name: input.name, size: stored.size, mediaType, addedAt: now().toISOString() };
    },
    attachmentsGet: async (input) => {
      const info = store.info(input.sha256);
      if (!info) throw new AppError('not_found', '找不到这个附件，请重新添加');
      // Hashed while read: a file changed on disk is reported by name, never shown as if it were the original.
      const bytes = await store.read(input.sha256);
      return { dataBase64: bytes.toString('base64'), mediaType: info.mediaType };
    },
  } satisfies Pick<Handlers, 'attachmentsPut' | 'attachmentsGet'>;
}
