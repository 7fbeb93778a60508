import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../../electron/services/index';
import { emptyRegistry } from '../../../electron/services/packs/registry';
import { AppError } from '../../../shared/ipc/errors';
import { DraftSchema, type DraftPatch, type GuidelineRef } from '../../../shared/model/draft';
import { dumpDatabase, makeTempDir, manualClock } from '../../support/tempStore';

const GUIDELINE: GuidelineRef = {
  packId: 'karamay-2017',
  packVersion: '1.0.0',
  programId: 'innovation',
  directionPath: ['新能源', '储能'],
  documentType: 'application',
};

const PATCH: DraftPatch = {
  values: { 'project.summary': '本项目研究……', 'budget.fiscal': 500_000, 'pi.name': '张三', 'project.keywords': ['储能', '电池'] },
  tables: { members: [{ name: '李四', role: '骨干' }] },
  declarations: { taxCredit: true },
  planTasks: ['专栏3-1'],
};

function appError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected an AppError');
}

describe('draft service', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let clock: ReturnType<typeof manualClock>;
  let services: Services;
  const open = () => openServices({ dataDir: temp.dir, mode: 'test', now: clock.now });

  beforeEach(() => {
    temp = makeTempDir();
    clock = manualClock();
    services = open();
  });
  afterEach(() => {
    services.close();
    temp.cleanup();
  });

  it('creates a valid blank draft with the title and guideline', () => {
    const created = services.drafts.create({ title: '  盐碱地储能示范  ', guideline: GUIDELINE });
    expect(DraftSchema.parse(created.draft)).toEqual(created.draft);
    expect(created.revision).toBe(1);
    expect(created.draft.values).toEqual({ 'project.name': '盐碱地储能示范' });
    expect(created.draft.guideline).toEqual(GUIDELINE);
    expect(created.draft.status).toBe('editing');
    expect(created.draft.createdAt).toBe('2026-01-01T08:00:00.000Z');
    expect(services.drafts.get(created.draft.id)).toEqual(created);
  });

  it('round-trips a save exactly, across close and reopen', () => {
    const { draft } = services.drafts.create({ title: '项目甲' });
    clock.advance(60_000);
    const result = services.drafts.save({ id: draft.id, baseRevision: 1, patch: PATCH });
    expect(result).toEqual({ revision: 2, savedAt: '2026-01-01T08:01:00.000Z' });
    const expected = {
      draft: {
        ...draft,
        values: { ...draft.values, ...PATCH.values },
        tables: PATCH.tables,
        declarations: PATCH.declarations,
        planTasks: PATCH.planTasks,
        updatedAt: '2026-01-01T08:01:00.000Z',
      },
      revision: 2,
      deletedAt: null,
    };
    expect(services.drafts.get(draft.id)).toEqual(expected);
    const dump = dumpDatabase(services.db);
    services.close();
    services = open();
    expect(services.drafts.get(draft.id)).toEqual(expected);
    expect(dumpDatabase(services.db)).toBe(dump);
  });

  it('merges records key by key: null deletes table/attachment/declaration keys but is stored in values', () => {
    const { draft } = services.drafts.create({ title: '项目乙' });
    services.drafts.save({ id: draft.id, baseRevision: 1, patch: PATCH });
    services.drafts.save({
      id: draft.id,
      baseRevision: 2,
      patch: { values: { 'pi.name': null, 'pi.phone': '13800000000' }, tables: { members: null, partners: [] }, declarations: { taxCredit: null } },
    });
    const stored = services.drafts.get(draft.id).draft;
    expect(stored.values['pi.name']).toBeNull();
    expect('pi.name' in stored.values).toBe(true);
    expect(stored.values['pi.phone']).toBe('13800000000');
    expect(stored.values['budget.fiscal']).toBe(500_000);
    expect(stored.tables).toEqual({ partners: [] });
    expect(stored.declarations).toEqual({});
  });

  it('writes the draft row and one revision row per save, in the same transaction', () => {
    const { draft } = services.drafts.create({});
    services.drafts.save({ id: draft.id, baseRevision: 1, patch: PATCH });
    const revisions = services.drafts.revisions(draft.id);
    expect(revisions.map((r) => r.revision)).toEqual([2, 1]);
    const row = services.db.prepare('SELECT doc FROM revisions WHERE draft_id = ? AND revision = 2').get(draft.id) as { doc: string };
    expect(JSON.parse(row.doc)).toEqual(services.drafts.get(draft.id).draft);
    expect(revisions[0]?.size).toBe(Buffer.byteLength(row.doc));
  });

  it('refuses a stale baseRevision as a conflict and writes nothing', () => {
    const { draft } = services.drafts.create({ title: '项目丙' });
    services.drafts.save({ id: draft.id, baseRevision: 1, patch: { values: { a: 1 } } });
    const before = dumpDatabase(services.db);
    const e = appError(() => services.drafts.save({ id: draft.id, baseRevision: 1, patch: { values: { a: 2 } } }));
    expect(e.code).toBe('conflict');
    expect(e.message).toContain('当前版本 2，您的版本 1');
    expect(dumpDatabase(services.db)).toBe(before);
  });

  it('rejects a patch whose merged draft is invalid, and writes nothing', () => {
    const { draft } = services.drafts.create({});
    const before = dumpDatabase(services.db);
    const e = appError(() =>
      services.drafts.save({ id: draft.id, baseRevision: 1, patch: { values: { 'x.y': 'a'.repeat(300_000) } } }),
    );
    expect(e.code).toBe('invalid_input');
    // The place is named in the form's words (填写内容 › 「x.y」), never as a code path.
    expect(e.message).toContain('「x.y」');
    expect(dumpDatabase(services.db)).toBe(before);
  });

  it('locks a final draft against save and rename until it is unlocked', () => {
    const { draft } = services.drafts.create({ title: '定稿项目' });
    const final = services.drafts.setStatus({ id: draft.id, status: 'final' });
    const before = dumpDatabase(services.db);
    const e = appError(() => services.drafts.save({ id: draft.id, baseRevision: final.revision, patch: { values: { a: 1 } } }));
    expect(e).toMatchObject({ code: 'locked', message: '草稿已定稿，解锁后才能修改' });
    expect(appError(() => services.drafts.rename({ id: draft.id, title: '新名' })).code).toBe('locked');
    expect(dumpDatabase(services.db)).toBe(before);
    const unlocked = services.drafts.setStatus({ id: draft.id, status: 'editing' });
    expect(services.drafts.save({ id: draft.id, baseRevision: unlocked.revision, patch: { values: { a: 1 } } }).revision).toBe(4);
  });

  it('moves drafts to the trash, restores them, and purges only from the trash', () => {
    const a = services.drafts.create({ title: '甲' }).draft;
    const b = services.drafts.create({ title: '乙' }).draft;
    clock.advance(1000);
    const { deletedAt } = services.drafts.delete(a.id);
    expect(deletedAt).toBe('2026-01-01T08:00:01.000Z');
    expect(services.drafts.list().map((s) => s.id)).toEqual([b.id]);
    expect(services.drafts.list({ trash: true }).map((s) => [s.id, s.deletedAt])).toEqual([[a.id, deletedAt]]);

    const trashed = appError(() => services.drafts.save({ id: a.id, baseRevision: 1, patch: { values: { x: 1 } } }));
    expect(trashed).toMatchObject({ code: 'locked', message: '草稿在回收站中，恢复后才能修改' });

    expect(services.drafts.restore(a.id)).toEqual({ restored: true });
    expect(services.drafts.list().map((s) => s.id).sort()).toEqual([a.id, b.id].sort());

    const notTrashed = appError(() => services.drafts.purge(a.id));
    expect(notTrashed.code).toBe('locked');
    expect(notTrashed.message).toContain('回收站');

    services.drafts.delete(a.id);
    expect(services.drafts.purge(a.id)).toEqual({ purged: true });
    expect(appError(() => services.drafts.get(a.id)).code).toBe('not_found');
    expect(services.db.prepare('SELECT count(*) AS n FROM revisions WHERE draft_id = ?').get(a.id)).toEqual({ n: 0 });
    expect(services.drafts.list({ trash: true })).toEqual([]);
  });

  it('duplicates with a new id, the 「（副本）」 suffix and status editing', () => {
    const { draft } = services.drafts.create({ title: '原项目', guideline: GUIDELINE });
    services.drafts.save({ id: draft.id, baseRevision: 1, patch: PATCH });
    const final = services.drafts.setStatus({ id: draft.id, status: 'final' });
    clock.advance(5000);
    const copy = services.drafts.duplicate(draft.id);
    const source = services.drafts.get(draft.id);
    expect(copy.draft.id).not.toBe(draft.id);
    expect(copy.revision).toBe(1);
    expect(copy.draft.values['project.name']).toBe('原项目（副本）');
    expect(copy.draft.status).toBe('editing');
    expect(copy.draft.createdAt).toBe('2026-01-01T08:00:05.000Z');
    expect({ ...copy.draft, id: draft.id, values: source.draft.values, status: 'final', createdAt: source.draft.createdAt, updatedAt: source.draft.updatedAt }).toEqual(source.draft);
    expect(source.revision).toBe(final.revision);
  });

  it('renames through values[project.name] and records a revision', () => {
    const { draft } = services.drafts.create({ title: '旧名' });
    expect(services.drafts.rename({ id: draft.id, title: ' 新名 ' }).revision).toBe(2);
    expect(services.drafts.get(draft.id).draft.values['project.name']).toBe('新名');
    expect(services.drafts.list()[0]?.title).toBe('新名');
    expect(services.drafts.revisions(draft.id)).toHaveLength(2);
  });

  it('answers not_found for unknown ids', () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const call of [() => services.drafts.get(id), () => services.drafts.revisions(id), () => services.drafts.delete(id), () => services.drafts.export(id)]) {
      expect(appError(call).code).toBe('not_found');
    }
  });

  it('lists summaries newest first with pack labels from the registry', () => {
    services.close();
    services = openServices({
      dataDir: temp.dir,
      mode: 'test',
      now: clock.now,
      packs: {
        ...emptyRegistry(),
        programLabel: (packId, programId) =>
          packId === 'karamay-2017' && programId === 'innovation' ? { packTitle: '克拉玛依市 2017 年科技计划', programName: '科技创新专项' } : null,
      },
    });
    const a = services.drafts.create({ title: '甲', guideline: GUIDELINE }).draft;
    clock.advance(1000);
    const b = services.drafts.create({ guideline: { ...GUIDELINE, packId: 'unknown-pack' } }).draft;
    const list = services.drafts.list();
    expect(list.map((s) => s.id)).toEqual([b.id, a.id]);
    expect(list[1]).toEqual({
      id: a.id,
      title: '甲',
      packId: 'karamay-2017',
      packTitle: '克拉玛依市 2017 年科技计划',
      programId: 'innovation',
      programName: '科技创新专项',
      documentType: 'application',
      status: 'editing',
      revision: 1,
      createdAt: '2026-01-01T08:00:00.000Z',
      updatedAt: '2026-01-01T08:00:00.000Z',
      deletedAt: null,
    });
    expect(list[0]).toMatchObject({ title: '未命名申报书', packId: 'unknown-pack', packTitle: null, programName: null });
  });
});
