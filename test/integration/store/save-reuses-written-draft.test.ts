import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../../electron/services/index';
import { makeTempDir } from '../../support/tempStore';

/**
 * A save reuses the draft the service itself wrote last instead of reading the document back
 * (draftService's lastWritten). These cases show it never stands in for content it did not write:
 * another connection's save, a hand-edited row, a save that failed.
 */
describe('a save builds on what is stored, even when it reuses its own last write', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let app: Services;
  let cli: Services;

  beforeEach(() => {
    temp = makeTempDir();
    app = openServices({ dataDir: temp.dir, mode: 'electron' });
    cli = openServices({ dataDir: temp.dir, mode: 'cli' });
  });
  afterEach(() => {
    app.close();
    cli.close();
    temp.cleanup();
  });

  const stored = (id: string) => JSON.parse(app.db.prepare<{ id: string }, { doc: string }>('SELECT doc FROM drafts WHERE id = @id').get({ id })!.doc) as { values: Record<string, unknown> };

  it('keeps the other connection\'s save between two of its own', () => {
    const { draft } = app.drafts.create({ title: '共享' });
    app.drafts.save({ id: draft.id, baseRevision: 1, patch: { values: { a: '1' } } });
    cli.drafts.save({ id: draft.id, baseRevision: 2, patch: { values: { b: '2' } } });
    app.drafts.save({ id: draft.id, baseRevision: 3, patch: { values: { c: '3' } } });
    expect(stored(draft.id).values).toMatchObject({ a: '1', b: '2', c: '3' });
    expect(app.drafts.get(draft.id).revision).toBe(4);
  });

  it('reads the row again when it was changed without a new revision (same number, other time)', () => {
    const { draft } = app.drafts.create({ title: '改动' });
    app.drafts.save({ id: draft.id, baseRevision: 1, patch: { values: { a: '1' } } });
    const doc = stored(draft.id);
    const changed = { ...doc, values: { ...doc.values, a: '在别处改过' }, updatedAt: '2020-01-01T00:00:00.000Z' };
    cli.db.prepare('UPDATE drafts SET doc = @doc, updated_at = @updatedAt WHERE id = @id').run({ id: draft.id, doc: JSON.stringify(changed), updatedAt: changed.updatedAt });
    app.drafts.save({ id: draft.id, baseRevision: 2, patch: { values: { b: '2' } } });
    expect(stored(draft.id).values).toMatchObject({ a: '在别处改过', b: '2' });
  });

  it('does not remember a save that failed, even when another save then takes its number at the same instant', () => {
    // One frozen clock for both connections: revision and time alone cannot tell the two writes apart.
    const frozen = new Date('2026-03-01T08:00:00.000Z');
    app.close();
    cli.close();
    app = openServices({ dataDir: temp.dir, mode: 'electron', now: () => frozen });
    cli = openServices({ dataDir: temp.dir, mode: 'cli', now: () => frozen });
    const { draft } = app.drafts.create({ title: '失败' });
    app.drafts.save({ id: draft.id, baseRevision: 1, patch: { values: { a: '1' } } });
    // The revision insert fails inside the transaction, after the draft row was updated: all of it rolls back.
    app.db.exec(`CREATE TEMP TRIGGER refuse BEFORE INSERT ON main.revisions WHEN NEW.doc LIKE '%不会保存%' BEGIN SELECT RAISE(ABORT, 'refused'); END`);
    expect(() => app.drafts.save({ id: draft.id, baseRevision: 2, patch: { values: { lost: '不会保存' } } })).toThrow();
    app.db.exec('DROP TRIGGER refuse');
    cli.drafts.save({ id: draft.id, baseRevision: 2, patch: { values: { b: '2' } } });
    app.drafts.save({ id: draft.id, baseRevision: 3, patch: { values: { c: '3' } } });
    const values = stored(draft.id).values;
    expect(values).toMatchObject({ a: '1', b: '2', c: '3' });
    expect(values).not.toHaveProperty('lost');
  });
});
