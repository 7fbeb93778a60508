import { copyFileSync, rmSync } from 'node:fs';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { AppError, isAppError } from '../../../shared/ipc/errors';
import { runMigrations } from '../db/migrate';
import type { Migration } from '../db/migration';
import { MIGRATIONS } from '../db/migrations';
import { toStorageError } from '../db/storageErrors';
import { findDamagedContent } from '../drafts/draftDamage';
import { newTempPath } from './backupFiles';
import { BACKUP_SETTINGS_PREFIX } from './backupSettings';
import type { SqliteOpenOptions } from './verifyDatabaseFile';

/** Tables whose whole content a restore replaces: everything but the migration record. */
function contentTables(db: Database, schema: string): Map<string, string[]> {
  const tables = db
    .prepare<[], { name: string }>(`SELECT name FROM ${schema}.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY name`)
    .all();
  return new Map(
    tables.map(({ name }) => [name, db.prepare<[string, string], { name: string }>('SELECT name FROM pragma_table_info(?, ?) ORDER BY cid').all(name, schema).map((c) => c.name)]),
  );
}

const quote = (identifier: string): string => `"${identifier.replaceAll('"', '""')}"`;

export interface PreparedCopy {
  file: string;
  discard(): void;
}

/**
 * Copies a backup to a temp file and brings it up to this build's schema (it may be older), then
 * checks it: the live store is not touched until the copy is known to be good.
 */
export function prepareRestoreCopy(backupFile: string, tempDir: string, options: SqliteOpenOptions & { migrations?: readonly Migration[] } = {}): PreparedCopy {
  const file = newTempPath(tempDir);
  const discard = () => {
    for (const leftover of [file, `${file}-journal`, `${file}-wal`, `${file}-shm`]) rmSync(leftover, { force: true });
  };
  let copy: Database | undefined;
  try {
    copyFileSync(backupFile, file);
    copy = new BetterSqlite3(file, { fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
    copy.pragma('journal_mode = DELETE');
    runMigrations(copy, options.migrations ?? MIGRATIONS);
    const check = copy.prepare<[], { integrity_check: string }>('PRAGMA integrity_check').all();
    if (check.length !== 1 || check[0]?.integrity_check !== 'ok') throw new AppError('corrupt_file', '所选备份已损坏（完整性检查未通过），未做任何更改');
    // The same content check the backup list applies, now on the copy as this build will use it.
    const damaged = findDamagedContent(copy);
    if (damaged.length > 0) throw new AppError('corrupt_file', `所选备份已损坏（${damaged.slice(0, 3).join('；')}），未做任何更改`);
    copy.close();
    copy = undefined;
    return { file, discard };
  } catch (e) {
    copy?.close();
    discard();
    if (isAppError(e)) throw e;
    const code = (e as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') throw new AppError('corrupt_file', '所选备份已损坏，无法读取，未做任何更改');
    throw toStorageError(e);
  }
}

/**
 * Replaces the content of every table with the prepared copy's in ONE transaction on the live
 * connection: the services keep their handle, and a failure (or a kill) leaves the store exactly
 * as it was. Device settings (`backup.*`) stay as they are on this computer.
 */
export function replaceContentFrom(db: Database, copyFile: string): void {
  db.prepare("ATTACH DATABASE ? AS restore_src").run(copyFile);
  try {
    const live = contentTables(db, 'main');
    const source = contentTables(db, 'restore_src');
    for (const [table, columns] of live) {
      if (source.get(table)?.join(',') !== columns.join(',')) throw new AppError('corrupt_file', `备份中的数据表「${table}」与当前版本不一致，未做任何更改`);
    }
    const keepLocal = (table: string): string => (table === 'settings' ? ` WHERE key NOT LIKE '${BACKUP_SETTINGS_PREFIX}%'` : '');
    db.transaction(() => {
      // The foreign keys are checked once, at commit. Every table is emptied before any is filled:
      // deleting a parent's rows cascades into its children (drafts into summaries, revisions into
      // labels), which would take rows already copied into a child that came first.
      db.pragma('defer_foreign_keys = ON');
      for (const table of live.keys()) db.exec(`DELETE FROM main.${quote(table)}${keepLocal(table)}`);
      for (const [table, columns] of live) {
        const list = columns.map(quote).join(', ');
        db.exec(`INSERT INTO main.${quote(table)} (${list}) SELECT ${list} FROM restore_src.${quote(table)}${keepLocal(table)}`);
      }
    }).immediate();
  } catch (e) {
    throw isAppError(e) ? e : toStorageError(e);
  } finally {
    db.exec('DETACH DATABASE restore_src');
  }
}
