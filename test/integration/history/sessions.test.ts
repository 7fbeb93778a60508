import { describe, expect, it } from 'vitest';
import type { Services } from '../../../electron/services/index';
import { AUTO_LABELS } from '../../../electron/services/drafts/draftService';
import { REVISION_POLICY } from '../../../electron/services/drafts/revisionPolicy';
import type { EditingSession, RevisionInfo } from '../../../shared/ipc/contract';
import { dispatch } from '../../../shared/ipc/dispatch';
import { servicesPerTest } from '../../support/servicesPerTest';
import { data } from '../../support/envelope';

describe('history: editing sessions, named versions', () => {
  const env = servicesPerTest();
  const call = (method: string, payload: unknown) => dispatch(env.services.handlers, method, payload);
  const save = (id: string, patch: Parameters<Services['drafts']['save']>[0]['patch']) =>
    env.services.drafts.save({ id, baseRevision: env.services.drafts.get(id).revision, patch });

  it('groups saves at pauses longer than five minutes and names what each session changed', async () => {
    const { draft } = env.services.drafts.create({ title: '智慧农业' });
    // Session 1 (with the creation): three saves a few seconds apart.
    for (const summary of ['第', '第一', '第一稿']) {
      env.clock.advance(5_000);
      save(draft.id, { values: { 'project.summary': summary } });
    }
    // Session 2, after a 20-minute pause: the summary again, a keyword and a member.
    env.clock.advance(20 * 60_000);
    save(draft.id, { values: { 'project.summary': '第二稿', 'project.keywords': '农业' } });
    env.clock.advance(60_000);
    save(draft.id, { tables: { members: [{ name: '李四' }] } });
    // Session 3: typed and then typed back, so nothing changed overall.
    env.clock.advance(10 * 60_000);
    save(draft.id, { values: { 'project.keywords': '农业；物联网' } });
    env.clock.advance(1_000);
    save(draft.id, { values: { 'project.keywords': '农业' } });

    const { sessions } = data<{ sessions: EditingSession[] }>(await call('draftsHistory', { id: draft.id }));
    expect(sessions.map((s) => s.revisions.map((r) => r.revision))).toEqual([[8, 7], [6, 5], [4, 3, 2, 1]]);
    expect(sessions.map((s) => s.changed)).toEqual([[], ['project.summary', 'project.keywords', 'members'], ['project.name', 'project.summary']]);
    expect(sessions[1]).toMatchObject({ startedAt: '2026-01-01T08:20:15.000Z', endedAt: '2026-01-01T08:21:15.000Z' });
  });

  it('a named version keeps its name in the list and is never pruned', async () => {
    const { draft } = env.services.drafts.create({ title: '智慧农业' });
    save(draft.id, { values: { 'project.summary': '交给王老师的稿子' } });
    expect(data(await call('draftsNameRevision', { id: draft.id, revision: 2, label: '  交给王老师前 ' }))).toEqual({ revision: 2, label: '交给王老师前' });
    for (let i = 0; i < REVISION_POLICY.keepNewest + 20; i++) {
      env.clock.advance(1_000);
      save(draft.id, { values: { 'project.summary': `第 ${i} 次修改` } });
    }
    const revisions = data<RevisionInfo[]>(await call('draftsRevisions', { id: draft.id }));
    const kept = revisions.map((r) => r.revision);
    // The same day: outside the newest window only the named one and the day's last survive.
    expect(kept).toContain(2);
    expect(kept).not.toContain(3);
    expect(revisions.find((r) => r.revision === 2)).toMatchObject({ label: '交给王老师前', labelAuto: false });
    expect(env.services.drafts.revision(draft.id, 2).values['project.summary']).toBe('交给王老师的稿子');
  });

  it('refuses a name for a revision that is not stored, in Chinese', async () => {
    const { draft } = env.services.drafts.create({ title: '智慧农业' });
    expect(await call('draftsNameRevision', { id: draft.id, revision: 9, label: '甲' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: '找不到草稿的第 9 版，它可能已按保留策略被清理' },
    });
    expect(await call('draftsNameRevision', { id: draft.id, revision: 1, label: ' ' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('版本名称不能为空') },
    });
  });

  it('names versions itself before 定稿, before a restore and after an import; an applicant’s name wins', async () => {
    const { draft } = env.services.drafts.create({ title: '智慧农业' });
    save(draft.id, { values: { 'project.summary': '摘要' } });
    env.services.drafts.setStatus({ id: draft.id, status: 'final' });
    env.services.drafts.setStatus({ id: draft.id, status: 'editing' });
    env.services.drafts.restoreRevision(draft.id, 1);
    const labels = Object.fromEntries(env.services.drafts.revisions(draft.id).filter((r) => r.label).map((r) => [r.revision, r.label]));
    expect(labels).toEqual({ 2: AUTO_LABELS.beforeFinal, 4: AUTO_LABELS.beforeRestore(1) });

    data(await call('draftsNameRevision', { id: draft.id, revision: 2, label: '我的版本' }));
    env.services.drafts.setStatus({ id: draft.id, status: 'final' });
    expect(env.services.drafts.revisions(draft.id).find((r) => r.revision === 2)).toMatchObject({ label: '我的版本', labelAuto: false });

    const imported = env.services.drafts.import(JSON.stringify(env.services.drafts.get(draft.id).draft));
    expect(env.services.drafts.revisions(imported.draft.id)).toEqual([
      expect.objectContaining({ revision: 1, label: AUTO_LABELS.imported, labelAuto: true }),
    ]);
  });

  it('a backup restored brings the named versions back with their revisions', () => {
    const { draft } = env.services.drafts.create({ title: '智慧农业' });
    save(draft.id, { values: { 'project.summary': '送审稿' } });
    env.services.drafts.nameRevision({ id: draft.id, revision: 2, label: '送审稿' });
    const backup = env.services.backups.create('manual');
    env.services.drafts.nameRevision({ id: draft.id, revision: 1, label: '备份之后才起的名' });
    env.services.backups.restore(backup.name);
    const labels = env.services.drafts.revisions(draft.id).filter((r) => r.label).map((r) => [r.revision, r.label]);
    expect(labels).toEqual([[2, '送审稿']]);
  });

  it('purging a draft takes its named versions with it', () => {
    const { draft } = env.services.drafts.create({ title: '智慧农业' });
    env.services.drafts.nameRevision({ id: draft.id, revision: 1, label: '起点' });
    env.services.drafts.delete(draft.id);
    env.services.drafts.purge(draft.id);
    expect(env.services.db.prepare('SELECT count(*) AS n FROM revision_labels').get()).toEqual({ n: 0 });
  });
});
