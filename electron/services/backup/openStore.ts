import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { AppError, isAppError } from '../../../shared/ipc/errors';
import { openDatabase } from '../db/openDatabase';
import { checkDatabaseFile, moveDatabaseAside } from '../db/startupCheck';
import { createBackupFile } from './backupFiles';
import { BACKUPS_DIR } from './backupService';
import { writePendingRecovery, type PendingRecovery } from './backupSettings';

export const CORRUPT_DIR = 'corrupt';

export interface OpenStoreOptions {
  nativeBinding?: string;
  now?: () => Date;
}

/**
 * Opens the store the services use. A data file that fails the startup check is moved aside to
 * `corrupt/<time>/` and a fresh store is created with a pending-recovery note in it, so every host
 * (desktop, browser mode, CLI) tells the user and offers the latest backup instead of silently
 * starting empty. Pending migrations on an existing store are preceded by a verified backup.
 */
export function openStore(dataDir: string, file: string, options: OpenStoreOptions = {}): Database {
  const now = options.now ?? (() => new Date());
  const check = checkDatabaseFile(file, { nativeBinding: options.nativeBinding });
  let recovery: PendingRecovery | null = null;
  if (!check.ok) {
    const movedAsideTo = moveDatabaseAside(file, path.join(dataDir, CORRUPT_DIR), now());
    recovery = { movedAsideTo, kind: check.kind, reason: check.reason, detectedAt: now().toISOString() };
  }
  const db = openDatabase(file, {
    nativeBinding: options.nativeBinding,
    beforeMigrate: (unmigrated, fromVersion) => {
      try {
        createBackupFile(unmigrated, { dir: path.join(dataDir, BACKUPS_DIR), reason: 'before-migration', at: now(), nativeBinding: options.nativeBinding });
      } catch (e) {
        const detail = isAppError(e) ? e.message : '未知原因';
        throw new AppError('io_error', `升级数据库（版本 ${fromVersion}）前的备份失败：${detail}。为保护数据，未做升级`);
      }
    },
  });
  if (recovery) writePendingRecovery(db, recovery);
  return db;
}
