import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDraftListProgress } from '../../../electron/services/drafts/draftListProgress';
import { openServices, type Services } from '../../../electron/services/index';
import { openPackRegistry, type PackRegistry } from '../../../electron/services/packs/registry';
import type { DraftPage } from '../../../shared/ipc/contract';
import { dispatch } from '../../../shared/ipc/dispatch';
import { filterDrafts, NO_FILTER, type DraftFilter } from '../../../shared/model/draftFilter';
import type { DraftSort } from '../../../shared/ipc/contract';
import { makeTempDir, manualClock } from '../../support/tempStore';

const guideline = (packId: string, programId: string, packVersion = '1.0.0') => ({ packId, packVersion, programId, directionPath: [] as string[], documentType: 'application' as const });
const CHENGGUAN = guideline('chengguan-2020', 'tech-innovation');
const SOCIAL = guideline('chengguan-2020', 'social-development');
const KARAMAY = guideline('karamay-2017', 'livelihood');
// chengguan-2020 allows one project per 项目负责人 (crossDraftLimit on pi.idNumber): two drafts with one PI both have an error.
const PI = '650102198001011234';

interface Request extends Partial<DraftFilter> {
  sort?: DraftSort;
  trash?: boolean;
  page?: number;
  pageSize?: number;
}

/**
 * draftsPage searches, filters and pages the home list in the services, from a list it keeps
 * between calls. Whatever it keeps, every page must equal the page cut from a list made from scratch
 * (a fresh progress computation over the service's full list, filtered as the home page filtered it),
 * after every kind of change: saves, deletes, a damaged document, a change made by another connection
 * or outside the service, a new day.
 */
describe('draftsPage equals a page of the full list computed from scratch', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let clock: ReturnType<typeof manualClock>;
  let app: Services;
  let cli: Services;
  let packs: PackRegistry;

  beforeEach(() => {
    temp = makeTempDir();
    clock = manualClock('2020-03-20T04:00:00Z');
    packs = openPackRegistry({ dataDir: temp.dir });
    app = openServices({ dataDir: temp.dir, mode: 'test', now: clock.now, packs });
    cli = openServices({ dataDir: temp.dir, mode: 'cli', now: clock.now });
  });
  afterEach(() => {
    app.close();
    cli.close();
    temp.cleanup();
  });

  const page = async (request: Request): Promise<DraftPage> => {
    const answer = await dispatch(app.handlers, 'draftsPage', request);
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.data as DraftPage;
  };

  const fromScratch = (request: Request): DraftPage => {
    const all = createDraftListProgress({ packs, drafts: app.drafts, now: clock.now })(app.drafts.list({}));
    const matching = filterDrafts(all, { ...NO_FILTER, ...request });
    // The order the home page's table gave when it sorted in the page (antd sorts stably, ties keep the list's order).
    const order = request.sort ?? 'updatedDesc';
    if (order === 'updatedAsc') matching.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || (a.id < b.id ? 1 : -1));
    if (order === 'completionAsc') matching.sort((a, b) => (a.completion ?? 0) - (b.completion ?? 0));
    if (order === 'completionDesc') matching.sort((a, b) => (b.completion ?? 0) - (a.completion ?? 0));
    const size = request.pageSize ?? 50;
    const from = ((request.page ?? 1) - 1) * size;
    const used = new Map<string, string | null>();
    for (const d of all) if (d.packId && !used.has(d.packId)) used.set(d.packId, d.packTitle);
    return {
      rows: matching.slice(from, from + size),
      total: matching.length,
      all: all.length,
      packs: [...used].map(([id, title]) => ({ id, title })),
    };
  };

  const REQUESTS: Request[] = [
    {},
    { pageSize: 4 },
    { pageSize: 4, page: 2 },
    { pageSize: 4, page: 3 },
    { pageSize: 4, page: 9 },
    { query: '项目' },
    { query: '  智慧  ' },
    { query: 'abc' },
    { query: 'ABC' },
    { query: '甲公司' },
    { query: '社会发展' },
    { query: '克拉玛依' },
    { query: '未命名' },
    { packId: 'chengguan-2020' },
    { packId: 'karamay-2017', query: '项目' },
    { status: 'final' },
    { status: 'editing', pageSize: 3, page: 2 },
    { onlyWithErrors: true },
    { onlyWithErrors: true, query: '项目', pageSize: 1, page: 2 },
    { sort: 'completionDesc' },
    { sort: 'completionAsc', pageSize: 3, page: 2 },
    { sort: 'updatedAsc', query: '项目', pageSize: 3 },
    { sort: 'updatedDesc', status: 'editing' },
  ];

  const expectEveryPageFromScratch = async (): Promise<void> => {
    for (const request of REQUESTS) expect({ request, page: await page(request) }).toEqual({ request, page: fromScratch(request) });
  };

  const create = (title: string, g: ReturnType<typeof guideline> | null, values: Record<string, string> = {}): string => {
    const { draft } = app.drafts.create({ title, guideline: g });
    if (Object.keys(values).length > 0) app.drafts.save({ id: draft.id, baseRevision: 1, patch: { values } });
    clock.advance(1000);
    return draft.id;
  };

  it('over saves, deletes, damage, another connection, a change outside the service and a new day', async () => {
    const ids = [
      create('智慧农业项目', CHENGGUAN, { 'applicant.name': '甲公司', 'pi.idNumber': PI }),
      create('ABC 材料项目', SOCIAL, { 'applicant.name': '乙公司' }),
      create('惠民项目', KARAMAY, { 'applicant.name': '甲公司' }),
      create('无指南的想法', null),
      create('智慧城市', CHENGGUAN, { 'pi.idNumber': PI }),
      create('', CHENGGUAN),
      create('abc 小写项目', SOCIAL),
      create('第八个项目', CHENGGUAN),
      create('第九个项目', KARAMAY),
      create('第十个项目', CHENGGUAN),
    ];
    app.drafts.setStatus({ id: ids[2]!, status: 'final' });
    await expectEveryPageFromScratch();
    const first = await page({});
    expect(first.total).toBe(10);
    expect(first.rows.filter((d) => (d.errorCount ?? 0) > 0).length).toBeGreaterThan(0);

    // A save in this process: the kept list is made again.
    app.drafts.save({ id: ids[3]!, baseRevision: app.drafts.get(ids[3]!).revision, patch: { values: { 'project.name': '智慧想法' } } });
    await expectEveryPageFromScratch();
    expect((await page({ query: '智慧想法' })).total).toBe(1);

    // The second 项目负责人 leaves: the first draft's cross-draft error goes although it did not change.
    const withPi = (await page({ query: '智慧农业' })).rows[0]!;
    app.drafts.save({ id: ids[4]!, baseRevision: app.drafts.get(ids[4]!).revision, patch: { values: { 'pi.idNumber': '650102198502021238' } } });
    await expectEveryPageFromScratch();
    expect((await page({ query: '智慧农业' })).rows[0]!.errorCount).toBeLessThan(withPi.errorCount!);

    // Another connection (the CLI) saves and deletes.
    cli.drafts.save({ id: ids[1]!, baseRevision: cli.drafts.get(ids[1]!).revision, patch: { values: { 'project.name': '命令行改过的 ABC' } } });
    cli.drafts.delete(ids[7]!);
    await expectEveryPageFromScratch();
    expect((await page({ query: '命令行' })).total).toBe(1);
    expect((await page({})).all).toBe(9);

    // A document changed outside the service (no summary row: read from the document) and one damaged.
    const doc = JSON.parse(cli.db.prepare<[string], { doc: string }>('SELECT doc FROM drafts WHERE id = ?').get(ids[8]!)!.doc) as Record<string, unknown>;
    cli.db.prepare('UPDATE drafts SET doc = ? WHERE id = ?').run(JSON.stringify({ ...doc, values: { 'project.name': '别处改的名字' } }), ids[8]!);
    // One cut short (not JSON: SQLite's own check has to be off to store it), one JSON the draft schema refuses.
    cli.db.pragma('ignore_check_constraints = ON');
    cli.db.prepare('UPDATE drafts SET doc = ? WHERE id = ?').run('{"format": "shenbao-draft", ', ids[9]!);
    cli.db.pragma('ignore_check_constraints = OFF');
    cli.db.prepare('UPDATE drafts SET doc = ? WHERE id = ?').run('{"format": "shenbao-draft", "values": 5}', ids[6]!);
    await expectEveryPageFromScratch();
    expect((await page({ query: '别处改的' })).total).toBe(1);
    for (const id of [ids[9]!, ids[6]!]) {
      const damaged = (await page({})).rows.find((d) => d.id === id);
      expect(damaged?.damage).toEqual(expect.stringMatching(/[\u4e00-\u9fff]/));
      expect(damaged?.errorCount).toBeUndefined();
    }

    // Restored from the trash, then a new day (deadlines count down).
    app.drafts.restore(ids[7]!);
    await expectEveryPageFromScratch();
    const before = (await page({ query: '智慧农业' })).rows[0]!.deadline;
    clock.advance(86_400_000);
    await expectEveryPageFromScratch();
    expect((await page({ query: '智慧农业' })).rows[0]!.deadline).not.toEqual(before);
  });

  it('an empty store has no rows, and pages past the end are empty with the true total', async () => {
    expect(await page({})).toEqual({ rows: [], total: 0, all: 0, packs: [] });
    create('唯一的项目', CHENGGUAN);
    expect(await page({ page: 2, pageSize: 1 })).toMatchObject({ rows: [], total: 1, all: 1 });
  });

  it('pages the 回收站 too: last deleted first, the whole trash counted, the same rows as the trash list', async () => {
    const ids = Array.from({ length: 5 }, (_, i) => create(`回收项目 ${i + 1}`, i % 2 === 0 ? CHENGGUAN : null));
    create('留在列表的项目', CHENGGUAN);
    for (const id of ids) {
      app.drafts.delete(id);
      clock.advance(1000);
    }
    const trash = app.drafts.list({ trash: true });
    expect(trash.map((d) => d.title)).toEqual(['回收项目 5', '回收项目 4', '回收项目 3', '回收项目 2', '回收项目 1']);
    const pages = [await page({ trash: true, pageSize: 2 }), await page({ trash: true, pageSize: 2, page: 2 }), await page({ trash: true, pageSize: 2, page: 3 })];
    expect(pages.map((p) => p.rows)).toEqual([trash.slice(0, 2), trash.slice(2, 4), trash.slice(4)]);
    for (const p of pages) expect(p).toMatchObject({ total: 5, all: 5, packs: [] });
    // Trashed drafts carry no progress; the drafts tab still counts only what is not in the trash.
    expect(pages[0]!.rows[0]!.completion).toBeUndefined();
    expect((await page({})).all).toBe(1);
    expect((await page({ trash: true, page: 4, pageSize: 2 })).rows).toEqual([]);
  });

  it('refuses a bad page request in Chinese', async () => {
    const answer = await dispatch(app.handlers, 'draftsPage', { page: 0 });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.message).toMatch(/页码/);
  });
});
