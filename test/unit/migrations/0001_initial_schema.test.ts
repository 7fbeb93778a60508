import BetterSqlite3, { type Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyPragmas } from '../../../electron/services/db/openDatabase';
import { currentSchemaVersion, runMigrations } from '../../../electron/services/db/migrate';
import { MIGRATIONS } from '../../../electron/services/db/migrations';

function tableInfo(db: Database, table: string) {
  return db.prepare<[], { name: string; type: string; notnull: number; pk: number }>(`SELECT name, type, "notnull", pk FROM pragma_table_info('${table}')`).all();
}

function isStrict(db: Database, table: string): boolean {
  const row = db.prepare<{ table: string }, { strict: number }>('SELECT strict FROM pragma_table_list WHERE name = @table').get({ table });
  return row?.strict === 1;
}

const DOC = JSON.stringify({ format: 'shenbao-draft' });
const ID = '3f0b8f5e-3c0e-4c4c-9b8e-0a0a0a0a0a0a';

describe('migration 0001 initial_schema (from an empty database)', () => {
  let db: Database;
  beforeEach(() => {
    db = new BetterSqlite3(':memory:');
    applyPragmas(db);
    expect(currentSchemaVersion(db)).toBe(0);
    runMigrations(db, MIGRATIONS, { upTo: 1 });
  });
  afterEach(() => db.close());

  it('records itself and creates the four STRICT tables', () => {
    expect(db.prepare('SELECT version, name FROM schema_migrations').all()).toEqual([{ version: 1, name: 'initial_schema' }]);
    for (const table of ['drafts', 'revisions', 'attachments', 'settings', 'schema_migrations']) {
      expect(isStrict(db, table), table).toBe(true);
    }
    expect(tableInfo(db, 'drafts').map((c) => [c.name, c.type])).toEqual([
      ['id', 'TEXT'], ['doc', 'TEXT'], ['revision', 'INTEGER'], ['created_at', 'TEXT'], ['updated_at', 'TEXT'], ['deleted_at', 'TEXT'],
    ]);
    expect(tableInfo(db, 'revisions').filter((c) => c.pk > 0).map((c) => c.name)).toEqual(['draft_id', 'revision']);
    expect(tableInfo(db, 'attachments').find((c) => c.pk > 0)?.name).toBe('sha256');
    expect(tableInfo(db, 'settings').map((c) => c.name)).toEqual(['key', 'value']);
  });

  it('accepts well-formed rows and enforces the cheap CHECKs', () => {
    const t = '2026-01-01T00:00:00.000Z';
    db.prepare('INSERT INTO drafts VALUES (?, ?, 1, ?, ?, NULL)').run(ID, DOC, t, t);
    db.prepare('INSERT INTO revisions VALUES (?, 1, ?, ?, ?)').run(ID, t, DOC, DOC.length);
    db.prepare("INSERT INTO attachments VALUES (?, 3, 'text/plain', 'a.txt', ?, NULL)").run('a'.repeat(64), t);
    db.prepare("INSERT INTO settings VALUES ('theme', '\"light\"')").run();

    expect(() => db.prepare('INSERT INTO drafts VALUES (?, ?, 1, ?, ?, NULL)').run(ID.replace('3f', '4f'), '{not json', t, t)).toThrow(/CHECK/);
    expect(() => db.prepare('INSERT INTO drafts VALUES (?, ?, ?, ?, ?, NULL)').run(ID.replace('3f', '5f'), DOC, 'one', t, t)).toThrow(/cannot store TEXT/);
    expect(() => db.prepare('INSERT INTO revisions VALUES (?, 2, ?, ?, 1)').run('00000000-0000-4000-8000-000000000000', t, DOC)).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO attachments VALUES (?, 1, 'x', 'x', ?, NULL)").run('A'.repeat(64), t)).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO settings VALUES ('k', 'not json')").run()).toThrow(/CHECK/);
    expect(db.prepare('SELECT count(*) AS n FROM drafts').get()).toEqual({ n: 1 });
  });

  it('cascades revisions when a draft row is deleted', () => {
    const t = '2026-01-01T00:00:00.000Z';
    db.prepare('INSERT INTO drafts VALUES (?, ?, 1, ?, ?, NULL)').run(ID, DOC, t, t);
    db.prepare('INSERT INTO revisions VALUES (?, 1, ?, ?, ?)').run(ID, t, DOC, DOC.length);
    db.prepare('DELETE FROM drafts WHERE id = ?').run(ID);
    expect(db.prepare('SELECT count(*) AS n FROM revisions').get()).toEqual({ n: 0 });
  });
});
