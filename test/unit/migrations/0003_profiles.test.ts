import BetterSqlite3, { type Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyPragmas } from '../../../electron/services/db/openDatabase';
import { currentSchemaVersion, runMigrations } from '../../../electron/services/db/migrate';
import { MIGRATIONS } from '../../../electron/services/db/migrations';

const tables = (db: Database) =>
  db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all().map((t) => t.name);

describe('migration 0003 profiles (from version 2)', () => {
  let db: Database;
  beforeEach(() => {
    db = new BetterSqlite3(':memory:');
    applyPragmas(db);
    runMigrations(db, MIGRATIONS, { upTo: 2 });
    expect(currentSchemaVersion(db)).toBe(2);
  });
  afterEach(() => db.close());

  it('keeps drafts, revisions and settings and adds the STRICT profiles table', () => {
    db.prepare('INSERT INTO drafts VALUES (?, ?, ?, ?, ?, ?)').run('11111111-1111-4111-8111-111111111111', '{"n":1}', 2, '2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z', null);
    db.prepare('INSERT INTO revisions VALUES (?, ?, ?, ?, ?)').run('11111111-1111-4111-8111-111111111111', 1, '2026-01-01T00:00:00.000Z', '{"n":0}', 7);
    db.prepare('INSERT INTO settings VALUES (?, ?)').run('theme', '"light"');
    const dump = (t: string) => db.prepare(`SELECT * FROM ${t}`).all();
    const before = { drafts: dump('drafts'), revisions: dump('revisions'), settings: dump('settings') };
    expect(tables(db)).not.toContain('profiles');

    runMigrations(db, MIGRATIONS, { upTo: 3 });

    expect(currentSchemaVersion(db)).toBe(3);
    expect({ drafts: dump('drafts'), revisions: dump('revisions'), settings: dump('settings') }).toEqual(before);
    expect(tables(db)).toContain('profiles');
    const sql = db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_schema WHERE name = 'profiles'").get()?.sql ?? '';
    expect(sql).toMatch(/\)\s*STRICT$/);
  });

  it('the new table enforces kind, JSON values and one name per kind', () => {
    runMigrations(db, MIGRATIONS, { upTo: 3 });
    const insert = db.prepare('INSERT INTO profiles VALUES (?, ?, ?, ?, ?, ?)');
    const at = '2026-01-01T00:00:00.000Z';
    insert.run('11111111-1111-4111-8111-111111111111', 'unit', '兰州某公司', '{"applicant.name":"兰州某公司"}', at, at);
    expect(() => insert.run('22222222-2222-4222-8222-222222222222', 'unit', '兰州某公司', '{}', at, at)).toThrow(/UNIQUE/);
    // Same name, other kind is a different profile.
    insert.run('33333333-3333-4333-8333-333333333333', 'person', '兰州某公司', '{}', at, at);
    expect(() => insert.run('44444444-4444-4444-8444-444444444444', 'company', '甲', '{}', at, at)).toThrow(/CHECK/);
    expect(() => insert.run('55555555-5555-4555-8555-555555555555', 'unit', '乙', 'not json', at, at)).toThrow(/CHECK/);
    // STRICT: a blob is refused by a TEXT column instead of being stored as is.
    expect(() => insert.run('66666666-6666-4666-8666-666666666666', 'unit', '丙', '{}', Buffer.from('x'), at)).toThrow(/cannot store/);
  });
});
