import { errorMessage } from '../api/client';
import { useAppStore } from '../store';
import { downloadTextFile } from './downloadTextFile';

interface Notifier {
  success: (text: string) => unknown;
  error: (text: string) => unknown;
}

/** 导出草稿数据: the draft's data file, for a backup or for moving to another computer. */
export async function exportDraftData(draftId: string, notify: Notifier): Promise<void> {
  try {
    const file = await useAppStore.getState().exportDraft(draftId);
    downloadTextFile(file.fileName, file.content);
    notify.success(`已导出草稿数据「${file.fileName}」，可在另一台电脑上用「导入草稿文件」打开`);
  } catch (e) {
    notify.error(`导出草稿数据失败：${errorMessage(e)}`);
  }
}
