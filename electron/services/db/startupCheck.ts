import { existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { fsyncDirSync } from '../fs/atomicWrite';
import { startupStorageError, toStorageError } from './storageErrors';

/** `missing`: no store (or an empty one) where an earlier run left backups. */
export type CorruptionKind = 'not_sqlite' | 'corrupt' | 'foreign' | 'missing';

export type DatabaseFileCheck = { ok: true; empty: boolean } | { ok: false; kind: CorruptionKind; reason: string };

/** The codes with which SQLite itself says a file is damaged or is no database; nothing else is corruption. */
export function isCorruptionCode(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

/**
 * quick_check also reports rows that break a CHECK constraint (a draft whose JSON a damaged byte
 * broke). That is damage inside one row, which the draft list shows as 已损坏 for that draft alone;
 * it is no reason to take the whole store away from the user.
 */
const ROW_LEVEL = /^CHECK constraint failed in /;

/**
 * Decides whether the data file can be trusted, and lets SQLite alone decide: the file is opened
 * through SQLite, under its own locking (a hot WAL left by a crash is replayed into the reader's
 * view; a checkpoint running in another process is never seen half-done), then
 * `quick_check` and a schema check run. Only SQLITE_CORRUPT / SQLITE_NOTADB, a failed quick_check
 * or another program's schema count as damage. Every other failure (I/O error, full disk, no
 * permission) is thrown as a Chinese AppError: refusing to start is always better than moving a
 * healthy file aside.
 */
export function checkDatabaseFile(file: string, options: { nativeBinding?: string; busyTimeoutMs?: number } = {}): DatabaseFileCheck {
  let exists: boolean;
  try {
    exists = existsSync(file);
  } catch (e) {
    throw startupStorageError(e);
  }
  if (!exists) return { ok: true, empty: true };
  let db: BetterSqlite3.Database | undefined;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
    db.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 15_000)}`);
    const rows = db.prepare<[], { quick_check: string }>('PRAGMA quick_check').all().map((r) => r.quick_check);
    const structural = rows.filter((r) => r !== 'ok' && !ROW_LEVEL.test(r));
    if (structural.length > 0) {
      return { ok: false, kind: 'corrupt', reason: `数据文件内容已损坏（SQLite 检查未通过：${structural.slice(0, 2).join('；')}）` };
    }
    const tables = new Set(db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table'").all().map((r) => r.name));
    if (tables.size > 0 && !tables.has('schema_migrations')) {
      return { ok: false, kind: 'foreign', reason: '数据文件是另一个程序的数据库，不是申报通的' };
    }
    return { ok: true, empty: tables.size === 0 };
  } catch (e) {
    if ((e as { code?: unknown }).code === 'SQLITE_NOTADB') return { ok: false, kind: 'not_sqlite', reason: '数据文件不是申报通的数据库（SQLite 无法识别）' };
    if (isCorruptionCode(e)) return { ok: false, kind: 'corrupt', reason: '数据文件已损坏，SQLite 无法读取' };
    throw startupStorageError(e);
  } finally {
    // Read-only: closing never checkpoints, so the check writes nothing into the file it judges.
    db?.close();
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * Moves the data file and its -wal, -shm and -journal companions into `corrupt/<time>/`, by rename
 * (same file system), never copying or deleting: the bytes stay exactly as found, for recovery tools.
 */
export function moveDatabaseAside(file: string, corruptRoot: string, at: Date): string {
  const stamp = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  try {
    mkdirSync(corruptRoot, { recursive: true, mode: 0o700 });
    let target = path.join(corruptRoot, stamp);
    for (let n = 2; existsSync(target); n++) target = path.join(corruptRoot, `${stamp}-${n}`);
    mkdirSync(target, { mode: 0o700 });
    const base = path.basename(file);
    // The main file last: until it moves, a crash here leaves the store where it was found.
    for (const suffix of ['-wal', '-shm', '-journal', '']) {
      const source = `${file}${suffix}`;
      if (existsSync(source)) renameSync(source, path.join(target, `${base}${suffix}`));
    }
    fsyncDirSync(target);
    fsyncDirSync(path.dirname(file));
    return target;
  } catch (e) {
    throw toStorageError(e);
  }
}
