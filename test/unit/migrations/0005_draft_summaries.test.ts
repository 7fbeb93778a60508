import BetterSqlite3, { type Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyPragmas } from '../../../electron/services/db/openDatabase';
import { currentSchemaVersion, runMigrations } from '../../../electron/services/db/migrate';
import { MIGRATIONS } from '../../../electron/services/db/migrations';

const AT = '2026-01-01T00:00:00.000Z';
const WITH_GUIDELINE = '11111111-1111-4111-8111-111111111111';
const NO_GUIDELINE = '22222222-2222-4222-8222-222222222222';
const BROKEN = '33333333-3333-4333-8333-333333333333';

const doc = (values: Record<string, unknown>, guideline: unknown, status: string) => JSON.stringify({ values, guideline, status });

describe('migration 0005 draft_summaries (from version 4)', () => {
  let db: Database;
  const dump = (t: string) => db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all();
  const summaries = () => db.prepare('SELECT * FROM draft_summaries ORDER BY id').all();
  beforeEach(() => {
    db = new BetterSqlite3(':memory:');
    applyPragmas(db);
    runMigrations(db, MIGRATIONS, { upTo: 4 });
    const insert = db.prepare('INSERT INTO drafts VALUES (?, ?, ?, ?, ?, ?)');
    insert.run(WITH_GUIDELINE, doc({ 'project.name': '智慧农业' }, { packId: 'p', programId: 'g', documentType: 'application' }, 'final'), 3, AT, AT, null);
    insert.run(NO_GUIDELINE, doc({ 'project.name': 7 }, null, 'editing'), 1, AT, AT, AT);
    // A row whose bytes were damaged under SQLite (no CHECK was asked): it gets no summary.
    db.pragma('ignore_check_constraints = ON');
    insert.run(BROKEN, '{"values": {', 1, AT, AT, null);
    db.pragma('ignore_check_constraints = OFF');
    db.prepare('INSERT INTO revisions VALUES (?, ?, ?, ?, ?)').run(WITH_GUIDELINE, 3, AT, '{"n":3}', 7);
  });
  afterEach(() => db.close());

  it('keeps the existing tables as they were and fills one summary per readable draft from its document', () => {
    const before = { drafts: dump('drafts'), revisions: dump('revisions'), labels: dump('revision_labels'), profiles: dump('profiles') };
    runMigrations(db, MIGRATIONS, { upTo: 5 });
    expect(currentSchemaVersion(db)).toBe(5);
    expect({ drafts: dump('drafts'), revisions: dump('revisions'), labels: dump('revision_labels'), profiles: dump('profiles') }).toEqual(before);
    expect(summaries()).toEqual([
      { id: WITH_GUIDELINE, project_name: '智慧农业', pack_id: 'p', program_id: 'g', document_type: 'application', status: 'final' },
      { id: NO_GUIDELINE, project_name: 7, pack_id: null, program_id: null, document_type: null, status: 'editing' },
    ]);
  });

  it('a document changed outside the service loses its summary; deleting a draft deletes it too', () => {
    runMigrations(db, MIGRATIONS, { upTo: 5 });
    db.prepare('UPDATE drafts SET doc = ? WHERE id = ?').run(doc({ 'project.name': '改过的' }, null, 'editing'), WITH_GUIDELINE);
    expect(summaries()).toEqual([expect.objectContaining({ id: NO_GUIDELINE })]);
    // Other columns of the row leave the summary alone.
    db.prepare('UPDATE drafts SET deleted_at = NULL, updated_at = ? WHERE id = ?').run(AT, NO_GUIDELINE);
    expect(summaries()).toHaveLength(1);
    db.prepare('DELETE FROM drafts WHERE id = ?').run(NO_GUIDELINE);
    expect(summaries()).toEqual([]);
  });

  it('replaces the list index by one that carries what the list reads from the drafts row', () => {
    runMigrations(db, MIGRATIONS, { upTo: 5 });
    const indexes = db.prepare<[], { name: string }>("SELECT name FROM pragma_index_list('drafts')").all().map((i) => i.name);
    expect(indexes).toContain('drafts_list');
    expect(indexes).not.toContain('drafts_by_trash_and_update');
    const plan = db
      .prepare<[], { detail: string }>(
        'EXPLAIN QUERY PLAN SELECT id, revision, created_at, updated_at, deleted_at FROM drafts WHERE deleted_at IS NULL ORDER BY updated_at DESC, id',
      )
      .all()
      .map((r) => r.detail)
      .join(' ');
    expect(plan).toContain('USING COVERING INDEX drafts_list');
    expect(plan).not.toContain('TEMP B-TREE');
  });
});
