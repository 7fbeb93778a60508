import BetterSqlite3, { type Database } from 'better-sqlite3';
import { isAppError } from '../../../shared/ipc/errors';
import { currentSchemaVersion, runMigrations } from './migrate';
import type { Migration } from './migration';
import { MIGRATIONS } from './migrations';
import { toStorageError } from './storageErrors';

export interface OpenDatabaseOptions {
  /** Electron loads its own ABI build of better-sqlite3; plain Node leaves this unset. */
  nativeBinding?: string;
  migrations?: readonly Migration[];
  /** Stop after this version: migration tests build the database at N-1 this way. */
  migrateUpTo?: number;
  busyTimeoutMs?: number;
  /**
   * Runs before pending migrations touch a store that already has a schema, on the still
   * unmigrated file: the pre-migration backup. If it throws, nothing is migrated.
   */
  beforeMigrate?: (db: Database, fromVersion: number) => void;
}

/**
 * Opens (creating if needed) and migrates the store. WAL keeps readers and the single writer
 * apart; synchronous=FULL makes every committed save durable across a power cut, which is what
 * the 已保存 indicator promises.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Database {
  let db: Database;
  try {
    db = new BetterSqlite3(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (e) {
    throw toStorageError(e);
  }
  try {
    applyPragmas(db, options.busyTimeoutMs ?? 5_000);
    const migrations = options.migrations ?? MIGRATIONS;
    if (options.beforeMigrate) {
      const from = currentSchemaVersion(db);
      const target = Math.min(options.migrateUpTo ?? Number.POSITIVE_INFINITY, migrations.length);
      if (from > 0 && from < target) options.beforeMigrate(db, from);
    }
    runMigrations(db, migrations, { upTo: options.migrateUpTo });
    return db;
  } catch (e) {
    db.close();
    throw isAppError(e) ? e : toStorageError(e);
  }
}

export function applyPragmas(db: Database, busyTimeoutMs = 5_000): void {
  db.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
}
