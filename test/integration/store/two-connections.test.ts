import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../../electron/services/index';
import { MIGRATIONS } from '../../../electron/services/db/migrations/index';
import { AppError } from '../../../shared/ipc/errors';
import { makeTempDir } from '../../support/tempStore';

/** The app and the CLI may have the same data dir open at once. */
describe('two connections to one data dir', () => {
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

  it('opens the second connection without re-running migrations', () => {
    expect(cli.db.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: MIGRATIONS.length });
  });

  it('sees the other connection\'s saves and turns a stale save into a conflict', () => {
    const { draft } = app.drafts.create({ title: '共享' });
    expect(cli.drafts.get(draft.id).revision).toBe(1);
    cli.drafts.save({ id: draft.id, baseRevision: 1, patch: { values: { from: 'cli' } } });
    let error: unknown;
    try {
      app.drafts.save({ id: draft.id, baseRevision: 1, patch: { values: { from: 'app' } } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('conflict');
    expect(app.drafts.get(draft.id).draft.values['from']).toBe('cli');
  });
});
