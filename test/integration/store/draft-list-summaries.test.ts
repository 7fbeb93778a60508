import { describe, expect, it } from 'vitest';
import type { DraftSummary } from '../../../shared/ipc/contract';
import { twoConnectionsPerTest } from '../../support/servicesPerTest';

const GUIDELINE = { packId: 'chengguan-2020', packVersion: '1.0.0', programId: 'tech-innovation', directionPath: [] as string[], documentType: 'application' as const };

/**
 * The list reads each draft's name, guideline and status from a summary row written with every
 * save (migration 0005), not from the document. These cases show the list still says what the
 * documents say: after each kind of write, after a change made outside the service, in the trash.
 */
describe('the draft list follows the documents through their summary rows', () => {
  const env = twoConnectionsPerTest();

  const listed = (id: string, trash = false): DraftSummary | undefined => env.app.drafts.list({ trash }).find((d) => d.id === id);
  const hasSummary = (id: string): boolean => env.app.db.prepare('SELECT 1 FROM draft_summaries WHERE id = ?').get(id) !== undefined;

  it('shows what every kind of service write stored: create, save, rename, 定稿, duplicate, import', () => {
    const { draft } = env.app.drafts.create({ title: '智慧农业', guideline: GUIDELINE });
    expect(listed(draft.id)).toMatchObject({ title: '智慧农业', packId: 'chengguan-2020', programId: 'tech-innovation', documentType: 'application', status: 'editing' });
    env.app.drafts.save({ id: draft.id, baseRevision: 1, patch: { values: { 'project.name': '智慧农业二期' } } });
    expect(listed(draft.id)).toMatchObject({ title: '智慧农业二期', revision: 2 });
    env.app.drafts.rename({ id: draft.id, title: '智慧农业三期' });
    expect(listed(draft.id)).toMatchObject({ title: '智慧农业三期', revision: 3 });
    env.app.drafts.setStatus({ id: draft.id, status: 'final' });
    expect(listed(draft.id)).toMatchObject({ status: 'final', revision: 4 });

    const copy = env.app.drafts.duplicate(draft.id);
    expect(listed(copy.draft.id)).toMatchObject({ title: '智慧农业三期（副本）', packId: 'chengguan-2020' });
    const imported = env.app.drafts.import(env.app.drafts.export(draft.id).content);
    expect(listed(imported.draft.id)).toMatchObject({ title: '智慧农业三期', status: 'final' });
    for (const id of [draft.id, copy.draft.id, imported.draft.id]) expect(hasSummary(id)).toBe(true);
  });

  it('a document changed outside the service is listed from the document until the next save writes a summary again', () => {
    const { draft } = env.app.drafts.create({ title: '原来的名字' });
    const doc = JSON.parse(env.app.db.prepare<[string], { doc: string }>('SELECT doc FROM drafts WHERE id = ?').get(draft.id)!.doc) as Record<string, unknown>;
    const changed = { ...doc, values: { 'project.name': '别处改的名字' }, guideline: GUIDELINE };
    env.cli.db.prepare('UPDATE drafts SET doc = ? WHERE id = ?').run(JSON.stringify(changed), draft.id);
    expect(hasSummary(draft.id)).toBe(false);
    expect(listed(draft.id)).toMatchObject({ title: '别处改的名字', packId: 'chengguan-2020', programId: 'tech-innovation' });
    expect(listed(draft.id)?.damage).toBeUndefined();

    env.app.drafts.save({ id: draft.id, baseRevision: 1, patch: { values: { 'project.name': '再次保存' } } });
    expect(hasSummary(draft.id)).toBe(true);
    expect(listed(draft.id)).toMatchObject({ title: '再次保存', packId: 'chengguan-2020' });
  });

  it('the other connection’s saves show in this connection’s list; the trash lists with the same fields', () => {
    const { draft } = env.app.drafts.create({ title: '共享' });
    env.cli.drafts.save({ id: draft.id, baseRevision: 1, patch: { values: { 'project.name': '命令行改过' } } });
    expect(listed(draft.id)).toMatchObject({ title: '命令行改过', revision: 2 });
    env.app.drafts.delete(draft.id);
    expect(listed(draft.id)).toBeUndefined();
    expect(listed(draft.id, true)).toMatchObject({ title: '命令行改过', revision: 2 });
    env.app.drafts.purge(draft.id);
    expect(hasSummary(draft.id)).toBe(false);
  });
});
