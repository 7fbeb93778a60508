import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { AppError, isAppError } from '../../../shared/ipc/errors';
import { acquireDataDirLock, type DataDirLock } from '../db/dataDirLock';
import { openDatabase } from '../db/openDatabase';
import { checkDatabaseFile, moveDatabaseAside, type DatabaseFileCheck } from '../db/startupCheck';
import { startupStorageError } from '../db/storageErrors';
import { createBackupFile, listBackupFiles } from './backupFiles';
import { BACKUPS_DIR } from './backupService';
import { writePendingRecovery, type PendingRecovery } from './backupSettings';

export const CORRUPT_DIR = 'corrupt';
/** Left beside the store when the checkpoint at shutdown failed (a full disk): the next start says so. */
export const CHECKPOINT_FAILED_MARKER = 'shenbao.db.checkpoint-failed';

/** How long a starter that found the store damaged waits for other processes to let go of the data dir. */
const EXCLUSIVE_WAIT_MS = 3_000;

export const IN_USE_WHILE_DAMAGED =
  '数据文件看起来已损坏或不见了，但数据目录正被申报通使用（另一个申报通窗口、浏览器模式或命令行正在使用它）。为保护数据，未移动任何文件；请先关闭它，再重新启动';

export const CHECKPOINT_FAILED_NOTICE =
  '上次关闭申报通时磁盘空间不足，最近的修改没能从日志文件（shenbao.db-wal）写回数据文件。它们没有丢失：本次启动已从日志文件中读回全部已保存的内容。请保持足够的磁盘空间。';

export interface OpenStoreOptions {
  nativeBinding?: string;
  now?: () => Date;
}

export interface OpenedStore {
  db: Database;
  /** Shown once per start while the checkpoint-failed marker is there (see CHECKPOINT_FAILED_NOTICE). */
  notice: string | null;
  /** Checkpoints, closes the store and lets go of the data dir's in-use lock. */
  close(): void;
}

/** An earlier run used this data dir: a missing store here is a loss to report, not a first start. */
function usedBefore(dataDir: string): boolean {
  if (listBackupFiles(path.join(dataDir, BACKUPS_DIR)).length > 0) return true;
  try {
    return readdirSync(path.join(dataDir, 'attachments')).length > 0;
  } catch {
    return false;
  }
}

function judge(dataDir: string, file: string, options: OpenStoreOptions): DatabaseFileCheck {
  const check = checkDatabaseFile(file, { nativeBinding: options.nativeBinding });
  if (check.ok && check.empty && usedBefore(dataDir)) {
    return { ok: false, kind: 'missing', reason: existsSync(file) ? '数据文件（shenbao.db）是空的，之前的草稿不在其中' : '数据文件（shenbao.db）不见了' };
  }
  return check;
}

/**
 * Opens the store the services use, for every host (desktop, browser mode, CLI, tests). The data
 * dir's in-use lock (db/dataDirLock.ts) is held shared for as long as the store is open.
 *
 * SQLite decides whether the file is damaged (db/startupCheck.ts); an I/O error or a full disk
 * refuses to start and moves nothing. A damaged store, or a missing/empty one where earlier runs
 * left backups, is acted on only under the exclusive lock (no other process has the data dir open)
 * and after checking again under it: the damaged file is moved aside to `corrupt/<time>/`, a fresh
 * store is created with a pending-recovery note, and every host tells the user and offers the
 * latest verified backup. When another process holds the data dir, nothing is moved and the start
 * is refused. Pending migrations on an existing store are preceded by a verified backup.
 */
export function openStore(dataDir: string, file: string, options: OpenStoreOptions = {}): OpenedStore {
  const now = options.now ?? (() => new Date());
  const lock = acquireDataDirLock(dataDir, { nativeBinding: options.nativeBinding });
  let db: Database | undefined;
  try {
    const first = judge(dataDir, file, options);
    if (!first.ok) {
      if (!lock.tryExclusive(EXCLUSIVE_WAIT_MS)) throw new AppError('io_error', IN_USE_WHILE_DAMAGED);
      try {
        // Another starter may have dealt with it while we waited: only what is still true now counts.
        const again = judge(dataDir, file, options);
        if (!again.ok) {
          const movedAsideTo = again.kind === 'missing' ? null : moveDatabaseAside(file, path.join(dataDir, CORRUPT_DIR), now());
          const recovery: PendingRecovery = { movedAsideTo, kind: again.kind, reason: again.reason, detectedAt: now().toISOString() };
          // The fresh store and its note exist before any other process may look at the data dir again.
          db = openMigrated(dataDir, file, options, now);
          writePendingRecovery(db, recovery);
        }
      } finally {
        lock.downgrade();
      }
    }
    db ??= openMigrated(dataDir, file, options, now);
    const opened = db;
    const marker = path.join(dataDir, CHECKPOINT_FAILED_MARKER);
    return { db: opened, notice: existsSync(marker) ? CHECKPOINT_FAILED_NOTICE : null, close: () => closeStore(opened, lock, marker) };
  } catch (e) {
    db?.close();
    lock.release();
    throw startupStorageError(e);
  }
}

function openMigrated(dataDir: string, file: string, options: OpenStoreOptions, now: () => Date): Database {
  return openDatabase(file, {
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
}

/**
 * The checkpoint at shutdown copies the WAL into the database file. If it fails (a full disk), the
 * WAL keeps every committed save and SQLite replays it at the next open: nothing is lost. A marker
 * file (empty, so it fits even on a full disk) lets the next start tell the user what happened; a
 * later shutdown whose checkpoint succeeds removes it.
 */
function closeStore(db: Database, lock: DataDirLock, marker: string): void {
  let checkpointed = false;
  try {
    // PASSIVE never waits for other processes' readers; their last close checkpoints the rest.
    db.pragma('wal_checkpoint(PASSIVE)');
    checkpointed = true;
  } catch {
    // Reported through the marker below.
  }
  try {
    db.close();
  } finally {
    try {
      if (checkpointed) rmSync(marker, { force: true });
      else writeFileSync(marker, '');
    } catch {
      // Best effort: the data is in the WAL either way.
    } finally {
      lock.release();
    }
  }
}
