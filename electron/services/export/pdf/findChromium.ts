import { existsSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../../shared/ipc/errors';

export const NO_CHROMIUM_MESSAGE = '未找到可用的 Chromium/Chrome 浏览器，无法生成 PDF；请安装 Chromium 或设置环境变量 SHENBAO_CHROMIUM';

function candidates(): string[] {
  if (process.platform === 'win32') {
    const roots = [process.env['PROGRAMFILES'], process.env['PROGRAMFILES(X86)'], process.env['LOCALAPPDATA']].filter((r): r is string => !!r);
    return roots.flatMap((root) => [
      path.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      path.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
      path.join(root, 'Chromium', 'Application', 'chrome.exe'),
    ]);
  }
  if (process.platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/usr/bin/microsoft-edge', '/snap/bin/chromium'];
}

/**
 * `SHENBAO_CHROMIUM` when set (it must exist: a wrong explicit path is an error, not a silent
 * fallback), else the first installed Chromium, Chrome or Edge.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env, exists: (p: string) => boolean = existsSync): string {
  const explicit = env['SHENBAO_CHROMIUM']?.trim();
  if (explicit) {
    if (exists(explicit)) return explicit;
    throw new AppError('unavailable', `${NO_CHROMIUM_MESSAGE}（SHENBAO_CHROMIUM 指向的文件不存在：${explicit}）`);
  }
  const found = candidates().find((p) => exists(p));
  if (!found) throw new AppError('unavailable', NO_CHROMIUM_MESSAGE);
  return found;
}
