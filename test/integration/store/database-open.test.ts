import { statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/db/openDatabase';
import { toStorageError } from '../../../electron/services/db/storageErrors';
import { openServices } from '../../../electron/services/index';
import { AppError } from '../../../shared/ipc/errors';
import { makeTempDir } from '../../support/tempStore';

describe('opening the store', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (temp = makeTempDir()));
  afterEach(() => temp.cleanup());

  it('uses WAL, synchronous=FULL, foreign keys and a busy timeout', () => {
    const db = openDatabase(path.join(temp.dir, 'a.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    db.close();
    // WAL is persistent: a plain connection sees it too.
    const raw = new BetterSqlite3(path.join(temp.dir, 'a.db'));
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('openServices creates a private data dir with shenbao.db in it', () => {
    const dataDir = path.join(temp.dir, 'nested', 'data');
    const services = openServices({ dataDir, mode: 'test' });
    expect(services.dataDir).toBe(dataDir);
    if (process.platform !== 'win32') expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(dataDir, 'shenbao.db')).isFile()).toBe(true);
    services.close();
    services.close();
  });

  it('refuses a file that is not a database with an io_error in Chinese', () => {
    const file = path.join(temp.dir, 'junk.db');
    writeFileSync(file, 'this is not sqlite'.repeat(100));
    expect(() => openDatabase(file)).toThrow(AppError);
    try {
      openDatabase(file);
    } catch (e) {
      expect((e as AppError).code).toBe('io_error');
      expect((e as AppError).message).toContain('数据文件已损坏');
    }
  });

  it('a save that hits a full database answers storage_full and leaves the draft as it was', () => {
    const services = openServices({ dataDir: temp.dir, mode: 'test' });
    const { draft } = services.drafts.create({ title: '满盘测试' });
    const pages = services.db.pragma('page_count', { simple: true }) as number;
    // SQLite reports SQLITE_FULL when the file may not grow: the same path a full disk takes.
    services.db.pragma(`max_page_count = ${pages + 2}`);
    let error: unknown;
    try {
      services.drafts.save({ id: draft.id, baseRevision: 1, patch: { values: { 'project.summary': '研'.repeat(150_000) } } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'storage_full', message: '磁盘空间不足，保存失败；您的修改仍保留在编辑器中' });
    expect(services.drafts.get(draft.id).revision).toBe(1);
    expect(services.drafts.revisions(draft.id)).toHaveLength(1);
    services.close();
  });

  it('maps disk-full and IO failures to storage_full / io_error', () => {
    const full = toStorageError(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }));
    expect(full).toMatchObject({ code: 'storage_full', message: '磁盘空间不足，保存失败；您的修改仍保留在编辑器中' });
    expect(toStorageError(Object.assign(new Error('x'), { code: 'ENOSPC' }))).toMatchObject({ code: 'storage_full' });
    expect(toStorageError(Object.assign(new Error('x'), { code: 'SQLITE_IOERR_WRITE' }))).toMatchObject({ code: 'io_error' });
    expect(toStorageError(Object.assign(new Error('x'), { code: 'EACCES' }))).toMatchObject({ code: 'io_error' });
    const plain = new Error('bug');
    expect(toStorageError(plain)).toBe(plain);
  });
});
