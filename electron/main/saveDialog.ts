import { app, BrowserWindow, dialog } from 'electron';
import path from 'node:path';

const KINDS: Record<string, { title: string; filter: string }> = {
  '.zip': { title: '保存申报包', filter: '申报包（zip）' },
  '.docx': { title: '保存 Word 文档', filter: 'Word 文档（docx）' },
  '.pdf': { title: '保存 PDF 文档', filter: 'PDF 文档' },
};

/**
 * The native save dialog for an exported document or package. The renderer only names the draft
 * or job; the path comes from the user here in main, so a page can never choose where files are written.
 */
export async function chooseSavePath(defaultName: string): Promise<string | null> {
  const ext = path.extname(defaultName).toLowerCase();
  const kind = KINDS[ext] ?? { title: '保存文件', filter: '文件' };
  const options = {
    title: kind.title,
    defaultPath: path.join(app.getPath('documents'), path.basename(defaultName)),
    filters: [{ name: kind.filter, extensions: [ext.replace('.', '') || '*'] }],
  };
  const win = BrowserWindow.getFocusedWindow();
  const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}
