import BetterSqlite3, { type Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyPragmas } from '../../../electron/services/db/openDatabase';
import { currentSchemaVersion, runMigrations } from '../../../electron/services/db/migrate';
import { MIGRATIONS } from '../../../electron/services/db/migrations';

const AT = '2026-01-01T00:00:00.000Z';
const ID = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';

describe('migration 0007 revisions_rowid (from version 6)', () => {
  let db: Database;
  const dump = (t: string) => db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all();
  const sqlOf = (name: string) => db.prepare<[string], { sql: string }>('SELECT sql FROM sqlite_schema WHERE name = ?').get(name)?.sql ?? '';
  beforeEach(() => {
    db = new BetterSqlite3(':memory:');
    applyPragmas(db);
    runMigrations(db, MIGRATIONS, { upTo: 6 });
    const draft = db.prepare('INSERT INTO drafts VALUES (?, ?, ?, ?, ?, ?)');
    draft.run(ID, '{"n":3}', 3, AT, AT, null);
    draft.run(OTHER, '{"n":1}', 1, AT, AT, AT);
    const revision = db.prepare('INSERT INTO revisions VALUES (?, ?, ?, ?, ?)');
    // A document of tens of KB, as real revisions are: it spills into overflow pages either way.
    const big = JSON.stringify({ text: '项目内容'.repeat(8000) });
    revision.run(ID, 1, AT, '{"n":1}', 7);
    revision.run(ID, 2, '2026-01-02T00:00:00.000Z', big, Buffer.byteLength(big));
    revision.run(ID, 3, '2026-01-03T00:00:00.000Z', '{"n":3}', 7);
    revision.run(OTHER, 1, AT, '{"n":1}', 7);
    const label = db.prepare('INSERT INTO revision_labels VALUES (?, ?, ?, ?, ?)');
    label.run(ID, 1, '交给王老师前', 0, AT);
    label.run(ID, 2, '定稿前', 1, AT);
  });
  afterEach(() => db.close());

  it('keeps every revision and every label, byte for byte, in an ordinary table with the same key', () => {
    const before = { drafts: dump('drafts'), revisions: dump('revisions'), labels: dump('revision_labels'), summaries: dump('draft_summaries') };
    runMigrations(db, MIGRATIONS, { upTo: 7 });
    expect(currentSchemaVersion(db)).toBe(7);
    expect({ drafts: dump('drafts'), revisions: dump('revisions'), labels: dump('revision_labels'), summaries: dump('draft_summaries') }).toEqual(before);
    expect(sqlOf('revisions')).not.toMatch(/WITHOUT ROWID/);
    expect(sqlOf('revisions')).toMatch(/STRICT$/);
    expect(sqlOf('revision_labels')).toMatch(/REFERENCES revisions \(draft_id, revision\) ON DELETE CASCADE/);
    expect(sqlOf('revisions_next')).toBe('');
    expect(db.prepare("SELECT name FROM sqlite_temp_schema WHERE name = 'revision_labels_kept'").all()).toEqual([]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('the rules of the old tables still hold: key, references, cascades, checks', () => {
    runMigrations(db, MIGRATIONS, { upTo: 7 });
    const revision = db.prepare('INSERT INTO revisions VALUES (?, ?, ?, ?, ?)');
    expect(() => revision.run(ID, 3, AT, '{}', 2)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => revision.run('33333333-3333-4333-8333-333333333333', 1, AT, '{}', 2)).toThrow(/FOREIGN KEY/);
    expect(() => revision.run(ID, 0, AT, '{}', 2)).toThrow(/CHECK/);
    expect(() => revision.run(ID, 4, AT, '{}', -1)).toThrow(/CHECK/);
    const label = db.prepare('INSERT INTO revision_labels VALUES (?, ?, ?, ?, ?)');
    expect(() => label.run(ID, 9, '不存在的版本', 0, AT)).toThrow(/FOREIGN KEY/);
    expect(() => label.run(ID, 3, '   ', 0, AT)).toThrow(/CHECK/);
    // A label goes with its revision, and a draft's revisions go with the draft.
    db.prepare('DELETE FROM revisions WHERE draft_id = ? AND revision = 1').run(ID);
    expect(dump('revision_labels')).toEqual([{ draft_id: ID, revision: 2, label: '定稿前', auto: 1, created_at: AT }]);
    db.prepare('DELETE FROM drafts WHERE id = ?').run(ID);
    expect(dump('revisions')).toEqual([{ draft_id: OTHER, revision: 1, saved_at: AT, doc: '{"n":1}', size: 7 }]);
    expect(dump('revision_labels')).toEqual([]);
  });

  it('leaves out only rows no reference reaches, which another tool wrote with foreign keys off', () => {
    db.pragma('foreign_keys = OFF');
    db.prepare('INSERT INTO revision_labels VALUES (?, ?, ?, ?, ?)').run(ID, 42, '孤立的名字', 0, AT);
    db.prepare('INSERT INTO revisions VALUES (?, ?, ?, ?, ?)').run('33333333-3333-4333-8333-333333333333', 1, AT, '{}', 2);
    db.pragma('foreign_keys = ON');
    const reachable = {
      revisions: (dump('revisions') as { draft_id: string }[]).filter((r) => r.draft_id !== '33333333-3333-4333-8333-333333333333'),
      labels: (dump('revision_labels') as { revision: number }[]).filter((l) => l.revision !== 42),
    };
    runMigrations(db, MIGRATIONS, { upTo: 7 });
    expect(currentSchemaVersion(db)).toBe(7);
    expect({ revisions: dump('revisions'), labels: dump('revision_labels') }).toEqual(reachable);
    expect(reachable.revisions).toHaveLength(4);
    expect(reachable.labels).toHaveLength(2);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});
