import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readSync, renameSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { fsyncDirSync } from '../fs/atomicWrite';
import { toStorageError } from './storageErrors';

export type CorruptionKind = 'truncated' | 'not_sqlite' | 'corrupt' | 'foreign';

export type DatabaseFileCheck = { ok: true } | { ok: false; kind: CorruptionKind; reason: string };

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_SIZE = 100;

function readHeader(file: string): { header: Buffer; size: number } | undefined {
  if (!existsSync(file)) return undefined;
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const header = Buffer.alloc(Math.min(size, HEADER_SIZE));
    readSync(fd, header, 0, header.length, 0);
    return { header, size };
  } finally {
    closeSync(fd);
  }
}

/** The file header alone: catches a foreign file and a truncated one without opening it. */
function checkHeader(header: Buffer, size: number): DatabaseFileCheck {
  if (size < HEADER_SIZE) return { ok: false, kind: 'truncated', reason: `数据文件只有 ${size} 字节，已被截断` };
  if (!header.subarray(0, 16).equals(SQLITE_MAGIC)) return { ok: false, kind: 'not_sqlite', reason: '数据文件不是申报通的数据库（文件头不符）' };
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65_536 : rawPageSize;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) return { ok: false, kind: 'corrupt', reason: '数据文件头已损坏（页大小无效）' };
  if (size % pageSize !== 0) return { ok: false, kind: 'truncated', reason: '数据文件长度不完整，已被截断' };
  // The page count in the header is only valid when its version-valid-for number matches the change counter.
  const pages = header.readUInt32BE(28);
  const countValid = header.readUInt32BE(92) === header.readUInt32BE(24);
  if (countValid && pages * pageSize > size) return { ok: false, kind: 'truncated', reason: `数据文件应有 ${pages} 页，实际只有 ${size / pageSize} 页，已被截断` };
  return { ok: true };
}

function corruptionCode(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

/**
 * Decides, before the store is used, whether the data file can be trusted: header, then a
 * read-only open with `quick_check` and a schema sanity check. A hot WAL left by a crash is
 * normal (SQLite replays it) and passes; the read-only connection changes neither file.
 * I/O failures (permissions, a full disk) are thrown, not reported as corruption: moving a
 * healthy file aside because the disk hiccuped would be worse than refusing to start.
 */
export function checkDatabaseFile(file: string, options: { nativeBinding?: string } = {}): DatabaseFileCheck {
  let read;
  try {
    read = readHeader(file);
  } catch (e) {
    throw toStorageError(e);
  }
  // No file, or an empty one: SQLite creates a fresh store.
  if (!read || read.size === 0) return { ok: true };
  const header = checkHeader(read.header, read.size);
  if (!header.ok) return header;
  let db: BetterSqlite3.Database | undefined;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
    const rows = db.prepare<[], { quick_check: string }>('PRAGMA quick_check').all();
    if (rows.length !== 1 || rows[0]?.quick_check !== 'ok') {
      return { ok: false, kind: 'corrupt', reason: `数据文件内容已损坏（${rows.map((r) => r.quick_check).slice(0, 2).join('；')}）` };
    }
    const tables = new Set(db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table'").all().map((r) => r.name));
    if (tables.size > 0 && !tables.has('schema_migrations')) {
      return { ok: false, kind: 'foreign', reason: '数据文件是另一个程序的数据库，不是申报通的' };
    }
    return { ok: true };
  } catch (e) {
    if (corruptionCode(e)) return { ok: false, kind: 'corrupt', reason: '数据文件已损坏，无法读取' };
    throw toStorageError(e);
  } finally {
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
