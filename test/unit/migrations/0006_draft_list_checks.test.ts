import BetterSqlite3, { type Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyPragmas } from '../../../electron/services/db/openDatabase';
import { currentSchemaVersion, runMigrations } from '../../../electron/services/db/migrate';
import { MIGRATIONS } from '../../../electron/services/db/migrations';

const AT = '2026-01-01T00:00:00.000Z';
const ID = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const doc = (name: string) => JSON.stringify({ values: { 'project.name': name }, guideline: null, status: 'editing' });

describe('migration 0006 draft_list_checks (from version 5)', () => {
  let db: Database;
  const dump = (t: string) => db.prepare(`SELECT * FROM ${t} ORDER BY 1`).all();
  const checked = (id: string) =>
    db.prepare<[string], { entry: string | null }>('SELECT checked_entry AS entry FROM draft_summaries WHERE id = ?').get(id)?.entry;
  const NO_CHECK = { checked_revision: null, checked_at: null, checked_build: null, checked_basis: null, checked_entry: null, checked_progress: null };
  beforeEach(() => {
    db = new BetterSqlite3(':memory:');
    applyPragmas(db);
    runMigrations(db, MIGRATIONS, { upTo: 5 });
    const insert = db.prepare('INSERT INTO drafts VALUES (?, ?, ?, ?, ?, ?)');
    insert.run(ID, doc('智慧农业'), 2, AT, AT, null);
    insert.run(OTHER, doc('其他'), 1, AT, AT, null);
    db.prepare('INSERT INTO draft_summaries (id, project_name, pack_id, program_id, document_type, status) VALUES (?, ?, NULL, NULL, NULL, ?)').run(ID, '智慧农业', 'editing');
    db.prepare('INSERT INTO draft_summaries (id, project_name, pack_id, program_id, document_type, status) VALUES (?, ?, NULL, NULL, NULL, ?)').run(OTHER, '其他', 'editing');
  });
  afterEach(() => db.close());

  it('keeps every table as it was and adds an empty check to each summary row', () => {
    const before = { drafts: dump('drafts'), revisions: dump('revisions'), summaries: dump('draft_summaries') };
    runMigrations(db, MIGRATIONS, { upTo: 6 });
    expect(currentSchemaVersion(db)).toBe(6);
    expect({ drafts: dump('drafts'), revisions: dump('revisions') }).toEqual({ drafts: before.drafts, revisions: before.revisions });
    expect(dump('draft_summaries')).toEqual((before.summaries as Record<string, unknown>[]).map((row) => ({ ...row, ...NO_CHECK })));
  });

  it('a check goes with its summary row: when the document is changed outside the service, rewritten, or the draft deleted', () => {
    runMigrations(db, MIGRATIONS, { upTo: 6 });
    const store = db.prepare(
      "UPDATE draft_summaries SET checked_revision = ?, checked_at = ?, checked_build = 'b', checked_basis = 'x', checked_entry = ?, checked_progress = '{}' WHERE id = ?",
    );
    store.run(2, AT, '[2]', ID);
    store.run(1, AT, '[1]', OTHER);
    expect(checked(ID)).toBe('[2]');
    // Other columns of the draft leave it alone.
    db.prepare('UPDATE drafts SET deleted_at = ?, updated_at = ? WHERE id = ?').run(AT, AT, ID);
    expect(checked(ID)).toBe('[2]');
    db.prepare('UPDATE drafts SET doc = ? WHERE id = ?').run(doc('改过的'), ID);
    expect(checked(ID)).toBeUndefined();
    // The service's own write replaces the summary row whole: no check is left on it.
    db.prepare("INSERT OR REPLACE INTO draft_summaries (id, project_name, pack_id, program_id, document_type, status) VALUES (?, '改过的', NULL, NULL, NULL, 'editing')").run(ID);
    expect(checked(ID)).toBeNull();
    db.prepare('DELETE FROM drafts WHERE id = ?').run(OTHER);
    expect(checked(OTHER)).toBeUndefined();
  });
});
