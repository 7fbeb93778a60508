import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where `scripts/ensure-electron-sqlite.mjs` puts better-sqlite3 built for Electron's ABI; the copy in
 * node_modules stays built for Node (tests, CLI, browser mode). Keep this path in step with that script.
 * A packaged app returns undefined: electron-builder rebuilds node_modules for Electron itself.
 */
export function electronSqlitePath(appRoot: string, electronVersion: string, platform: string, arch: string): string {
  return join(appRoot, '.native', 'better-sqlite3', `electron-v${electronVersion}-${platform}-${arch}`, 'better_sqlite3.node');
}

export type NativeBinding = { ok: true; path: string | undefined } | { ok: false; message: string };

export function resolveNativeBinding(appRoot: string, isPackaged: boolean): NativeBinding {
  if (isPackaged) return { ok: true, path: undefined };
  const path = electronSqlitePath(appRoot, process.versions.electron ?? '', process.platform, process.arch);
  if (existsSync(path)) return { ok: true, path };
  return {
    ok: false,
    message: `缺少为 Electron 构建的数据库模块（${path}）。请在项目目录运行 npm start，它会自动下载或构建该模块。`,
  };
}
