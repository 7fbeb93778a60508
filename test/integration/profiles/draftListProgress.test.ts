import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../../electron/services/index';
import { dispatch } from '../../../shared/ipc/dispatch';
import type { DraftSummary, SaveResult, StoredDraft } from '../../../shared/ipc/contract';
import { makeTempDir } from '../../support/tempStore';
import { data } from '../../support/envelope';

const CHENGGUAN = { packId: 'chengguan-2020', packVersion: '1.0.0', programId: 'tech-innovation', directionPath: [], documentType: 'application' } as const;

describe('draftsList carries the home page progress computed through the engine', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let services: Services;
  let today = new Date('2020-03-20T04:00:00Z');
  const call = (method: string, payload: unknown) => dispatch(services.handlers, method, payload);

  beforeEach(() => {
    temp = makeTempDir();
    services = openServices({ dataDir: temp.dir, mode: 'test', now: () => today });
  });
  afterEach(() => {
    services.close();
    temp.cleanup();
  });

  it('completion, error and warning counts and the deadline follow the draft and the date', async () => {
    const created = data<StoredDraft>(await call('draftsCreate', { guideline: CHENGGUAN }));
    const empty = data<DraftSummary[]>(await call('draftsList', {}))[0];
    expect(empty?.completion).toBe(0);
    // A new draft is incomplete, not wrong: its missing items are counted apart from errors.
    expect(empty?.incompleteCount).toBeGreaterThan(0);
    expect(empty?.errorCount).toBe(0);
    expect(empty?.deadline).toEqual({ closes: expect.stringContaining('2020-03-30'), daysLeft: 10, state: 'open' });

    data<SaveResult>(
      await call('draftsSave', {
        id: created.draft.id,
        baseRevision: created.revision,
        patch: { values: { 'project.name': '兰州智慧园区', 'applicant.name': '兰州某科技有限公司', 'applicant.regionCode': '620102' } },
      }),
    );
    const filled = data<DraftSummary[]>(await call('draftsList', {}))[0];
    expect(filled?.completion).toBeGreaterThan(0);
    expect(filled?.incompleteCount).toBeLessThan(empty?.incompleteCount ?? 0);
    expect(filled?.unitName).toBe('兰州某科技有限公司');

    today = new Date('2026-11-23T04:00:00Z');
    const later = data<DraftSummary[]>(await call('draftsList', {}))[0];
    expect(later?.deadline?.state).toBe('closed');
    expect(later?.warningCount).toBeGreaterThan(filled?.warningCount ?? 0);
  });

  it('a draft without a guideline lists with zero progress and no deadline', async () => {
    data<StoredDraft>(await call('draftsCreate', {}));
    const [summary] = data<DraftSummary[]>(await call('draftsList', {}));
    expect(summary).toMatchObject({ completion: 0, errorCount: 0, warningCount: 0, deadline: { state: 'none', closes: null, daysLeft: null } });
  });
});
