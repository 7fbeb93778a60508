import BetterSqlite3, { type Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyPragmas } from '../../../electron/services/db/openDatabase';
import { currentSchemaVersion, runMigrations } from '../../../electron/services/db/migrate';
import { MIGRATIONS } from '../../../electron/services/db/migrations';

describe('migration 0002 drafts_list_index (from version 1)', () => {
  let db: Database;
  beforeEach(() => {
    db = new BetterSqlite3(':memory:');
    applyPragmas(db);
    runMigrations(db, MIGRATIONS, { upTo: 1 });
    expect(currentSchemaVersion(db)).toBe(1);
  });
  afterEach(() => db.close());

  it('keeps existing rows and adds the list index used by the draft list', () => {
    const insert = db.prepare('INSERT INTO drafts VALUES (?, ?, ?, ?, ?, ?)');
    const rows = [
      ['11111111-1111-4111-8111-111111111111', '{"n":1}', 3, '2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z', null],
      ['22222222-2222-4222-8222-222222222222', '{"n":2}', 1, '2026-01-01T00:00:00.000Z', '2026-01-03T00:00:00.000Z', '2026-01-04T00:00:00.000Z'],
    ] as const;
    for (const row of rows) insert.run(...row);
    const before = db.prepare('SELECT * FROM drafts ORDER BY id').all();

    runMigrations(db, MIGRATIONS, { upTo: 2 });

    expect(currentSchemaVersion(db)).toBe(2);
    expect(db.prepare('SELECT * FROM drafts ORDER BY id').all()).toEqual(before);
    const indexes = db.prepare<[], { name: string }>("SELECT name FROM pragma_index_list('drafts')").all().map((i) => i.name);
    expect(indexes).toContain('drafts_by_trash_and_update');
    const plan = db
      .prepare<[], { detail: string }>('EXPLAIN QUERY PLAN SELECT id FROM drafts WHERE deleted_at IS NULL ORDER BY updated_at DESC')
      .all()
      .map((r) => r.detail)
      .join(' ');
    expect(plan).toContain('drafts_by_trash_and_update');
  });
});
