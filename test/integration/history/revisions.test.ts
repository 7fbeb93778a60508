import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../shared/ipc/dispatch';
import type { Draft } from '../../../shared/model/draft';
import { dumpDatabase } from '../../support/tempStore';
import { servicesPerTest } from '../../support/servicesPerTest';
import { data } from '../../support/envelope';

describe('revision history: preview and restore', () => {
  const env = servicesPerTest();
  const call = (method: string, payload: unknown) => dispatch(env.services.handlers, method, payload);

  /** Three revisions: created, then the summary typed, then rewritten with a member added. */
  const draftWithHistory = (): string => {
    const { draft } = env.services.drafts.create({ title: '智慧农业' });
    env.clock.advance(60_000);
    env.services.drafts.save({ id: draft.id, baseRevision: 1, patch: { values: { 'project.summary': '第一稿摘要' } } });
    env.clock.advance(60_000);
    env.services.drafts.save({
      id: draft.id,
      baseRevision: 2,
      patch: { values: { 'project.summary': '第二稿摘要' }, tables: { members: [{ name: '李四' }] }, planTasks: ['wuwei-plan-2022:z05-03'] },
    });
    return draft.id;
  };

  it('returns the draft exactly as it was saved at a revision', async () => {
    const id = draftWithHistory();
    const second = data<Draft>(await call('draftsRevisionGet', { id, revision: 2 }));
    expect(second.values['project.summary']).toBe('第一稿摘要');
    expect(second.tables).toEqual({});
    expect(second.updatedAt).toBe('2026-01-01T08:01:00.000Z');
    const third = data<Draft>(await call('draftsRevisionGet', { id, revision: 3 }));
    expect(third).toEqual(env.services.drafts.get(id).draft);
  });

  it('a restore is a new revision with the old content; the newer revisions stay in the history', async () => {
    const id = draftWithHistory();
    env.clock.advance(60_000);
    const result = data<{ revision: number; savedAt: string }>(await call('draftsRevisionRestore', { id, revision: 2 }));
    expect(result).toEqual({ revision: 4, savedAt: '2026-01-01T08:03:00.000Z' });

    const { draft, revision } = env.services.drafts.get(id);
    expect(revision).toBe(4);
    expect(draft.values['project.summary']).toBe('第一稿摘要');
    expect(draft.tables).toEqual({});
    expect(draft.planTasks).toEqual([]);
    expect(draft.createdAt).toBe('2026-01-01T08:00:00.000Z');
    expect(draft.updatedAt).toBe('2026-01-01T08:03:00.000Z');

    const revisions = data<{ revision: number }[]>(await call('draftsRevisions', { id }));
    expect(revisions.map((r) => r.revision)).toEqual([4, 3, 2, 1]);
    // What was replaced can itself be restored again.
    expect(data<Draft>(await call('draftsRevisionGet', { id, revision: 3 })).values['project.summary']).toBe('第二稿摘要');
  });

  it('restoring a revision that was finalized brings back its content, not its lock', async () => {
    const id = draftWithHistory();
    env.services.drafts.setStatus({ id, status: 'final' });
    env.services.drafts.setStatus({ id, status: 'editing' });
    data(await call('draftsRevisionRestore', { id, revision: 4 }));
    expect(env.services.drafts.get(id).draft.status).toBe('editing');
  });

  it('refuses unknown revisions and unknown drafts in Chinese, writing nothing', async () => {
    const id = draftWithHistory();
    const before = dumpDatabase(env.services.db);
    expect(await call('draftsRevisionGet', { id, revision: 99 })).toEqual({
      ok: false,
      error: { code: 'not_found', message: '找不到草稿的第 99 版，它可能已按保留策略被清理' },
    });
    expect(await call('draftsRevisionRestore', { id, revision: 99 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const stranger = '00000000-0000-4000-8000-000000000000';
    expect(await call('draftsRevisionGet', { id: stranger, revision: 1 })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringContaining('找不到该草稿') },
    });
    expect(await call('draftsRevisionGet', { id, revision: 0 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('版本号必须是正整数') },
    });
    expect(dumpDatabase(env.services.db)).toBe(before);
  });

  it('does not read another draft’s revisions', async () => {
    const id = draftWithHistory();
    const other = env.services.drafts.create({ title: '别的草稿' }).draft.id;
    const own = data<Draft>(await call('draftsRevisionGet', { id: other, revision: 1 }));
    expect(own.id).toBe(other);
    expect(await call('draftsRevisionGet', { id: other, revision: 3 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(data<Draft>(await call('draftsRevisionGet', { id, revision: 1 })).id).toBe(id);
  });

  it('refuses a restore on a draft in the trash', async () => {
    const id = draftWithHistory();
    env.services.drafts.delete(id);
    expect(await call('draftsRevisionRestore', { id, revision: 1 })).toMatchObject({
      ok: false,
      error: { code: 'locked', message: expect.stringContaining('回收站') },
    });
  });
});
