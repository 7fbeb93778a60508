import BetterSqlite3, { type Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyPragmas } from '../../../electron/services/db/openDatabase';
import { currentSchemaVersion, runMigrations } from '../../../electron/services/db/migrate';
import { MIGRATIONS } from '../../../electron/services/db/migrations';

const ID = '11111111-1111-4111-8111-111111111111';
const AT = '2026-01-01T00:00:00.000Z';

describe('migration 0004 revision_labels (from version 3)', () => {
  let db: Database;
  const dump = (t: string) => db.prepare(`SELECT * FROM ${t}`).all();
  beforeEach(() => {
    db = new BetterSqlite3(':memory:');
    applyPragmas(db);
    runMigrations(db, MIGRATIONS, { upTo: 3 });
    db.prepare('INSERT INTO drafts VALUES (?, ?, ?, ?, ?, ?)').run(ID, '{"n":2}', 2, AT, AT, null);
    db.prepare('INSERT INTO revisions VALUES (?, ?, ?, ?, ?)').run(ID, 1, AT, '{"n":1}', 7);
    db.prepare('INSERT INTO revisions VALUES (?, ?, ?, ?, ?)').run(ID, 2, AT, '{"n":2}', 7);
  });
  afterEach(() => db.close());

  it('keeps every existing table as it was and adds the STRICT revision_labels table', () => {
    const before = { drafts: dump('drafts'), revisions: dump('revisions'), profiles: dump('profiles') };
    runMigrations(db, MIGRATIONS, { upTo: 4 });
    expect(currentSchemaVersion(db)).toBe(4);
    expect({ drafts: dump('drafts'), revisions: dump('revisions'), profiles: dump('profiles') }).toEqual(before);
    const sql = db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_schema WHERE name = 'revision_labels'").get()?.sql ?? '';
    expect(sql).toMatch(/STRICT, WITHOUT ROWID$/);
    expect(dump('revision_labels')).toEqual([]);
  });

  it('a label belongs to a stored revision, is not blank, and goes when the revision goes', () => {
    runMigrations(db, MIGRATIONS, { upTo: 4 });
    const insert = db.prepare('INSERT INTO revision_labels VALUES (?, ?, ?, ?, ?)');
    insert.run(ID, 1, '交给王老师前', 0, AT);
    expect(() => insert.run(ID, 9, '不存在的版本', 0, AT)).toThrow(/FOREIGN KEY/);
    expect(() => insert.run(ID, 2, '   ', 0, AT)).toThrow(/CHECK/);
    expect(() => insert.run(ID, 2, '长'.repeat(61), 0, AT)).toThrow(/CHECK/);
    expect(() => insert.run(ID, 2, '定稿前', 2, AT)).toThrow(/CHECK/);
    expect(() => insert.run(ID, 1, '第二个名字', 0, AT)).toThrow(/UNIQUE|PRIMARY KEY/);
    db.prepare('DELETE FROM revisions WHERE draft_id = ? AND revision = 1').run(ID);
    expect(dump('revision_labels')).toEqual([]);
  });
});
