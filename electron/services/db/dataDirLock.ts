import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../../../shared/ipc/errors';
import { startupStorageError } from './storageErrors';

export const LOCK_FILE = 'shenbao.lock';

export const DATA_DIR_IN_USE = '数据目录正被申报通使用（另一个申报通窗口、浏览器模式或命令行正在使用它），为保护数据，未做任何改动；请先关闭它，再重新启动';

/**
 * The data dir's "in use" lock: a reader-writer lock on `shenbao.lock`, held through SQLite's own
 * file locking (fcntl on Linux and macOS, LockFileEx on Windows). The operating system drops the
 * locks of a process that dies, so a killed app never leaves a stale lock behind, and two
 * connections in one process conflict exactly as two processes do.
 *
 * Every process that opens the store (desktop app, browser mode, CLI) holds it SHARED for as long
 * as the store is open. Moving the store aside needs it EXCLUSIVE, which SQLite grants only when no
 * other process holds it at all: a store somebody may be using is never moved. The lock file stays
 * 0 bytes (nothing is ever written to it, so it never has a journal).
 */
export interface DataDirLock {
  /** Gives up the shared lock and waits up to `waitMs` for the exclusive one; false when another process keeps it in use. */
  tryExclusive(waitMs: number): boolean;
  /** Back from exclusive to shared (a mover's work is done; other processes may start again). */
  downgrade(): void;
  release(): void;
}

export interface LockOptions {
  nativeBinding?: string;
  /** How long to wait for a mover that holds the lock exclusively (its re-check and move take seconds at most). */
  sharedWaitMs?: number;
}

function isBusy(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

export function acquireDataDirLock(dataDir: string, options: LockOptions = {}): DataDirLock {
  let db: BetterSqlite3.Database;
  try {
    db = new BetterSqlite3(path.join(dataDir, LOCK_FILE), options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (e) {
    throw startupStorageError(e);
  }
  const takeShared = (waitMs: number): void => {
    db.pragma(`busy_timeout = ${Math.trunc(waitMs)}`);
    db.exec('BEGIN');
    try {
      // A deferred transaction takes its SHARED lock at the first read and keeps it until it ends.
      db.prepare('SELECT count(*) FROM sqlite_schema').get();
    } catch (e) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw e;
    }
  };
  const endTransaction = (): void => {
    if (db.inTransaction) db.exec('ROLLBACK');
  };
  try {
    takeShared(options.sharedWaitMs ?? 15_000);
  } catch (e) {
    db.close();
    if (isBusy(e)) throw new AppError('io_error', DATA_DIR_IN_USE);
    throw startupStorageError(e);
  }
  let released = false;
  return {
    tryExclusive(waitMs) {
      // Shared first: two starters that both want to move would otherwise wait on each other.
      endTransaction();
      db.pragma(`busy_timeout = ${Math.trunc(waitMs)}`);
      try {
        db.exec('BEGIN EXCLUSIVE');
        return true;
      } catch (e) {
        if (!isBusy(e)) throw startupStorageError(e);
        return false;
      }
    },
    downgrade() {
      endTransaction();
      takeShared(options.sharedWaitMs ?? 15_000);
    },
    release() {
      if (released) return;
      released = true;
      try {
        endTransaction();
      } finally {
        db.close();
      }
    },
  };
}
