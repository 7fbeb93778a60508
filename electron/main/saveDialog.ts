import { app, BrowserWindow, dialog } from 'electron';
import path from 'node:path';

/**
 * The native save dialog for a finished submission package. The renderer only names the job;
 * the path comes from the user here in main, so a page can never choose where files are written.
 */
export async function chooseSavePath(defaultName: string): Promise<string | null> {
  const options = {
    title: '保存申报包',
    defaultPath: path.join(app.getPath('documents'), path.basename(defaultName)),
    filters: [{ name: '申报包（zip）', extensions: ['zip'] }],
  };
  const win = BrowserWindow.getFocusedWindow();
  const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}
