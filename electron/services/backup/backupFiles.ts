import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readdirSync, rmSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/ipc/errors';
import { toStorageError } from '../db/storageErrors';
import { fsyncDirSync } from '../fs/atomicWrite';
import { backupName, compareNewestFirst, parseBackupName, TEMP_PREFIX, type BackupReason, type ParsedBackupName } from './backupNames';
import { verifyDatabaseFile, type SqliteOpenOptions } from './verifyDatabaseFile';

export interface BackupFile extends ParsedBackupName {
  size: number;
  /** Orders backups named in the same second with different reasons. */
  mtimeMs: number;
}

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function processIsAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes in-progress files whose writer is gone (killed mid-backup). A live writer's files, in
 * this process or another (the CLI beside the app), are left alone; this process removes its own
 * as each operation ends.
 */
export function removeDeadTemps(dir: string): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith(TEMP_PREFIX)) continue;
    const pid = Number(/^\.shenbao-backup-(\d+)-/.exec(name)?.[1]);
    if (Number.isInteger(pid) && pid > 0 && !processIsAlive(pid)) {
      rmSync(path.join(dir, name), { force: true });
      removed.push(name);
    }
  }
  return removed;
}

export function newTempPath(dir: string): string {
  return path.join(dir, `${TEMP_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
}

/** Every backup in `dir` (names we did not write are ignored), newest first. */
export function listBackupFiles(dir: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw toStorageError(e);
  }
  const files: BackupFile[] = [];
  for (const name of names) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    try {
      const stat = statSync(path.join(dir, name));
      if (stat.isFile()) files.push({ ...parsed, size: stat.size, mtimeMs: stat.mtimeMs });
    } catch {
      // Removed by a concurrent rotation between readdir and stat.
    }
  }
  return files.sort((a, b) => compareNewestFirst(a, b) || b.mtimeMs - a.mtimeMs);
}

/**
 * Gives the verified temp file its final name without ever replacing an existing backup: link()
 * fails on an existing name, where rename() would silently overwrite it.
 */
function publish(temp: string, dir: string, at: Date, reason: BackupReason): string {
  for (let sequence = 1; sequence < 1000; sequence++) {
    const name = backupName(at, reason, sequence);
    try {
      linkSync(temp, path.join(dir, name));
      return name;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  throw new AppError('io_error', '同一秒内的备份过多，请稍后再试');
}

export interface CreateBackupOptions extends SqliteOpenOptions {
  dir: string;
  reason: BackupReason;
  at: Date;
}

/**
 * A consistent snapshot of the live database: `VACUUM INTO` a temp file, fsync it, verify it with
 * integrity_check, then give it its name and fsync the directory. A kill at any point leaves
 * either no new backup (only a temp file, removed later) or a complete, verified one.
 */
export function createBackupFile(db: Database, options: CreateBackupOptions): BackupFile {
  const { dir } = options;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (e) {
    throw toStorageError(e);
  }
  const temp = newTempPath(dir);
  try {
    removeDeadTemps(dir);
    db.prepare('VACUUM INTO ?').run(temp);
    fsyncFile(temp);
    const verified = verifyDatabaseFile(temp, options);
    if (!verified.ok) throw new AppError('io_error', `新备份未通过完整性检查（${verified.detail}），已删除；现有数据未受影响`);
    const name = publish(temp, dir, options.at, options.reason);
    unlinkSync(temp);
    fsyncDirSync(dir);
    const parsed = parseBackupName(name)!;
    const stat = statSync(path.join(dir, name));
    return { ...parsed, size: stat.size, mtimeMs: stat.mtimeMs };
  } catch (e) {
    throw toStorageError(e);
  } finally {
    // VACUUM INTO may leave a rollback journal beside its output.
    for (const leftover of [temp, `${temp}-journal`]) rmSync(leftover, { force: true });
  }
}

export function deleteBackupFile(dir: string, name: string): void {
  rmSync(path.join(dir, name), { force: true });
}
