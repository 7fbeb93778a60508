import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/services/db/migrations/index';
import { AppError } from '../../../shared/ipc/errors';
import { twoConnectionsPerTest } from '../../support/servicesPerTest';

/** The app and the CLI may have the same data dir open at once. */
describe('two connections to one data dir', () => {
  const env = twoConnectionsPerTest();

  it('opens the second connection without re-running migrations', () => {
    expect(env.cli.db.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: MIGRATIONS.length });
  });

  it('sees the other connection\'s saves and turns a stale save into a conflict', () => {
    const { draft } = env.app.drafts.create({ title: '共享' });
    expect(env.cli.drafts.get(draft.id).revision).toBe(1);
    env.cli.drafts.save({ id: draft.id, baseRevision: 1, patch: { values: { from: 'cli' } } });
    let error: unknown;
    try {
      env.app.drafts.save({ id: draft.id, baseRevision: 1, patch: { values: { from: 'app' } } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('conflict');
    expect(env.app.drafts.get(draft.id).draft.values['from']).toBe('cli');
  });
});
