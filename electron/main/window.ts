import { BrowserWindow } from 'electron';
import { guardContents } from './hardening';

export interface MainWindowOptions {
  preloadPath: string;
  /** app://shenbao/index.html in production, the dev server URL under `npm start`. */
  entryUrl: string;
  origins: readonly string[];
}

/** The one application window: sandboxed, isolated, and with no way to reach Node from the page. */
export function createMainWindow({ preloadPath, entryUrl, origins }: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    title: '申报通',
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  // The app-wide web-contents-created guard covers this too; repeated so the window is safe on its own.
  guardContents(win.webContents, origins);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(entryUrl);
  return win;
}
