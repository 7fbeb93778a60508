import { app, BrowserWindow, dialog, session, shell } from 'electron';
import { isAppError } from '../../shared/ipc/errors';
import { resolveDataDir } from '../services/dataDir';
import { openServices, type Services } from '../services/index';
import { createElectronPdfPrinter } from './pdfPrinter';
import { handleAppProtocol, registerAppScheme } from './appProtocol';
import { applyDevCsp, denyPermissions, guardAllContents } from './hardening';
import { registerIpc } from './ipc';
import { chooseSavePath } from './saveDialog';
import { installMenu } from './menu';
import { resolveNativeBinding } from './nativeBinding';
import { APP_ENTRY_URL, devOrigin, trustedOrigins } from './origins';
import { builtPaths } from './paths';
import { createMainWindow } from './window';

/**
 * The thin Electron shell: security hooks, the app:// protocol, IPC registration and the window.
 * Everything the app knows lives in electron/services, shared with browser mode and the CLI.
 */

// electron-vite dev sets ELECTRON_RENDERER_URL; a packaged app ignores it.
const dev = devOrigin(process.env['ELECTRON_RENDERER_URL'], app.isPackaged);
const devUrl = dev === null ? undefined : process.env['ELECTRON_RENDERER_URL'];
const origins = trustedOrigins(dev);
const built = builtPaths();

app.enableSandbox();
registerAppScheme();
guardAllContents(origins);

let services: Services | undefined;

/** Refuse to start rather than show an empty store: the user must see why their drafts are missing. */
function failStartup(message: string): void {
  dialog.showErrorBox('申报通无法启动', message);
  app.exit(1);
}

function openWindow(): void {
  createMainWindow({ preloadPath: built.preload, entryUrl: devUrl ?? APP_ENTRY_URL, origins });
}

async function start(): Promise<void> {
  await app.whenReady();
  const native = resolveNativeBinding(app.getAppPath(), app.isPackaged);
  if (!native.ok) return failStartup(native.message);
  // --data-dir and SHENBAO_DATA_DIR override, as in the CLI and browser mode; otherwise Electron's userData.
  const dataDir = resolveDataDir({ argv: process.argv, env: process.env, defaultDir: app.getPath('userData') });
  try {
    services = openServices({ dataDir, mode: 'electron', nativeBinding: native.path, version: app.getVersion(), printer: createElectronPdfPrinter(), chooseSavePath, showItemInFolder: (file) => shell.showItemInFolder(file) });
  } catch (e) {
    return failStartup(isAppError(e) ? e.message : `无法打开数据目录 ${dataDir}，请检查磁盘空间和访问权限。`);
  }

  denyPermissions(session.defaultSession);
  if (dev !== null) applyDevCsp(session.defaultSession, dev);
  handleAppProtocol(built.renderer);
  registerIpc(services.handlers, origins);
  installMenu(dev !== null);
  openWindow();

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => {
  services?.close();
  services = undefined;
});

void start();
