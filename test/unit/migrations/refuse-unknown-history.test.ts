import BetterSqlite3 from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/db/openDatabase';
import { runMigrations } from '../../../electron/services/db/migrate';
import type { Migration } from '../../../electron/services/db/migration';
import { MIGRATIONS } from '../../../electron/services/db/migrations';
import { AppError } from '../../../shared/ipc/errors';
import { makeTempDir } from '../../support/tempStore';

function openError(file: string, migrations?: readonly Migration[]): AppError {
  try {
    openDatabase(file, { migrations }).close();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected openDatabase to refuse');
}

describe('the migration runner refuses a database it does not understand', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let file: string;
  beforeEach(() => {
    temp = makeTempDir();
    file = path.join(temp.dir, 'shenbao.db');
    openDatabase(file).close();
  });
  afterEach(() => temp.cleanup());

  it('refuses a database written by a newer version, in Chinese, and leaves it untouched', () => {
    const raw = new BetterSqlite3(file);
    const future = MIGRATIONS.length + 1;
    raw.prepare("INSERT INTO schema_migrations VALUES (?, 'from_the_future', '2030-01-01T00:00:00.000Z')").run(future);
    raw.close();
    const e = openError(file);
    expect(e.message).toBe(`数据库版本 ${future} 比本程序新（本程序最高支持 ${MIGRATIONS.length}），请升级申报通后再打开`);
    const check = new BetterSqlite3(file, { readonly: true });
    expect(check.prepare('SELECT max(version) AS v FROM schema_migrations').get()).toEqual({ v: future });
    check.close();
  });

  it('refuses when a recorded migration name differs from the code', () => {
    const raw = new BetterSqlite3(file);
    raw.prepare("UPDATE schema_migrations SET name = 'initial_schema_old' WHERE version = 1").run();
    raw.close();
    const e = openError(file);
    expect(e.message).toBe('数据库升级记录不一致：版本 1 记录为「initial_schema_old」，本程序为「initial_schema」，为保护数据已拒绝打开');
  });

  it('refuses when the code renamed a migration the database already applied', () => {
    const renamed = MIGRATIONS.map((m) => (m.version === 2 ? { ...m, name: 'renamed_index' } : m));
    expect(openError(file, renamed).message).toContain('版本 2 记录为「drafts_list_index」，本程序为「renamed_index」');
  });

  it('applies only pending migrations, each once, in order', () => {
    const calls: number[] = [];
    const extra: Migration = { version: MIGRATIONS.length + 1, name: 'probe', up: (db) => void (calls.push(1), db.exec('CREATE TABLE probe (x INTEGER) STRICT')) };
    const db = openDatabase(file, { migrations: [...MIGRATIONS, extra] });
    db.close();
    const again = openDatabase(file, { migrations: [...MIGRATIONS, extra] });
    expect(calls).toEqual([1]);
    expect(again.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all().map((r) => (r as { name: string }).name)).toEqual([...MIGRATIONS.map((m) => m.name), 'probe']);
    again.close();
  });

  it('rolls back a failing migration completely, including its record', () => {
    const failing: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'half_done',
      up: (db) => {
        db.exec('CREATE TABLE half (x INTEGER) STRICT');
        throw new Error('boom');
      },
    };
    expect(() => openDatabase(file, { migrations: [...MIGRATIONS, failing] })).toThrow('boom');
    const db = new BetterSqlite3(file);
    expect(runMigrations(db, MIGRATIONS)).toBe(MIGRATIONS.length);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'half'").get()).toEqual({ n: 0 });
    db.close();
  });
});
