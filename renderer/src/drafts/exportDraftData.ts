import { errorMessage } from '../api/client';
import { downloadBase64 } from '../export/downloadBytes';
import { useAppStore } from '../store';

interface Notifier {
  success: (text: string) => unknown;
  warning: (text: string) => unknown;
  error: (text: string) => unknown;
}

/** 导出草稿数据: one file with the draft and its attachments, for a backup or for moving to another computer. */
export async function exportDraftData(draftId: string, notify: Notifier): Promise<void> {
  try {
    const file = await useAppStore.getState().exportDraft(draftId);
    downloadBase64(file.fileName, file.base64, 'application/zip');
    const withFiles = file.attachmentCount > 0 ? `（含 ${file.attachmentCount} 个附件）` : '';
    const text = `已导出草稿数据「${file.fileName}」${withFiles}，可在另一台电脑上用「导入草稿文件」打开`;
    // Said plainly: a file this computer no longer has cannot travel with the draft.
    if (file.missing.length > 0) notify.warning(`${text}；${file.missing.length} 个附件的文件在本机已缺失，未能带上：${file.missing.join('、')}`);
    else notify.success(text);
  } catch (e) {
    notify.error(`导出草稿数据失败：${errorMessage(e)}`);
  }
}
