import { describe, expect, it } from 'vitest';
import { openServices } from '../../../electron/services/index';
import { twoConnectionsPerTest } from '../../support/servicesPerTest';

/**
 * A save reuses the draft the service itself wrote last instead of reading the document back
 * (draftService's lastWritten). These cases show it never stands in for content it did not write:
 * another connection's save, a hand-edited row, a save that failed.
 */
describe('a save builds on what is stored, even when it reuses its own last write', () => {
  const env = twoConnectionsPerTest();

  const stored = (id: string) => JSON.parse(env.app.db.prepare<{ id: string }, { doc: string }>('SELECT doc FROM drafts WHERE id = @id').get({ id })!.doc) as { values: Record<string, unknown> };

  it('keeps the other connection\'s save between two of its own', () => {
    const { draft } = env.app.drafts.create({ title: '共享' });
    env.app.drafts.save({ id: draft.id, baseRevision: 1, patch: { values: { a: '1' } } });
    env.cli.drafts.save({ id: draft.id, baseRevision: 2, patch: { values: { b: '2' } } });
    env.app.drafts.save({ id: draft.id, baseRevision: 3, patch: { values: { c: '3' } } });
    expect(stored(draft.id).values).toMatchObject({ a: '1', b: '2', c: '3' });
    expect(env.app.drafts.get(draft.id).revision).toBe(4);
  });

  it('reads the row again when it was changed without a new revision (same number, other time)', () => {
    const { draft } = env.app.drafts.create({ title: '改动' });
    env.app.drafts.save({ id: draft.id, baseRevision: 1, patch: { values: { a: '1' } } });
    const doc = stored(draft.id);
    const changed = { ...doc, values: { ...doc.values, a: '在别处改过' }, updatedAt: '2020-01-01T00:00:00.000Z' };
    env.cli.db.prepare('UPDATE drafts SET doc = @doc, updated_at = @updatedAt WHERE id = @id').run({ id: draft.id, doc: JSON.stringify(changed), updatedAt: changed.updatedAt });
    env.app.drafts.save({ id: draft.id, baseRevision: 2, patch: { values: { b: '2' } } });
    expect(stored(draft.id).values).toMatchObject({ a: '在别处改过', b: '2' });
  });

  it('does not remember a save that failed, even when another save then takes its number at the same instant', () => {
    // One frozen clock for both connections: revision and time alone cannot tell the two writes apart.
    const frozen = new Date('2026-03-01T08:00:00.000Z');
    env.app.close();
    env.cli.close();
    env.app = openServices({ dataDir: env.temp.dir, mode: 'electron', now: () => frozen });
    env.cli = openServices({ dataDir: env.temp.dir, mode: 'cli', now: () => frozen });
    const { draft } = env.app.drafts.create({ title: '失败' });
    env.app.drafts.save({ id: draft.id, baseRevision: 1, patch: { values: { a: '1' } } });
    // The revision insert fails inside the transaction, after the draft row was updated: all of it rolls back.
    env.app.db.exec(`CREATE TEMP TRIGGER refuse BEFORE INSERT ON main.revisions WHEN NEW.doc LIKE '%不会保存%' BEGIN SELECT RAISE(ABORT, 'refused'); END`);
    expect(() => env.app.drafts.save({ id: draft.id, baseRevision: 2, patch: { values: { lost: '不会保存' } } })).toThrow();
    env.app.db.exec('DROP TRIGGER refuse');
    env.cli.drafts.save({ id: draft.id, baseRevision: 2, patch: { values: { b: '2' } } });
    env.app.drafts.save({ id: draft.id, baseRevision: 3, patch: { values: { c: '3' } } });
    const values = stored(draft.id).values;
    expect(values).toMatchObject({ a: '1', b: '2', c: '3' });
    expect(values).not.toHaveProperty('lost');
  });
});
