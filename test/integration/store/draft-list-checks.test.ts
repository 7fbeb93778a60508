import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDraftListProgress } from '../../../electron/services/drafts/draftListProgress';
import { openServices, type Services } from '../../../electron/services/index';
import { findBuiltinGuidelinesDir, openPackRegistry, type PackRegistry } from '../../../electron/services/packs/registry';
import type { DraftPage, DraftSummary } from '../../../shared/ipc/contract';
import { makeTempDir, manualClock } from '../../support/tempStore';

const CHENGGUAN = { packId: 'chengguan-2020', packVersion: '1.0.0', programId: 'tech-innovation', directionPath: [] as string[], documentType: 'application' as const };
const KARAMAY = { packId: 'karamay-2017', packVersion: '1.0.0', programId: 'livelihood', directionPath: [] as string[], documentType: 'application' as const };
// chengguan-2020 allows one project per 项目负责人 (crossDraftLimit on pi.idNumber, max 1, same pack).
const PI = '650102198001011234';
const OTHER_PI = '650102198502021238';
const DAY = 86_400_000;
const HOME = { page: 1, pageSize: 50 };

type Shown = Pick<DraftSummary, 'damage' | 'completion' | 'incompleteCount' | 'errorCount' | 'warningCount' | 'deadline' | 'unitName' | 'revision'>;
const shown = (rows: readonly DraftSummary[]): Record<string, Shown> =>
  Object.fromEntries(
    rows.map((d) => [
      d.id,
      { damage: d.damage, completion: d.completion, incompleteCount: d.incompleteCount, errorCount: d.errorCount, warningCount: d.warningCount, deadline: d.deadline, unitName: d.unitName, revision: d.revision },
    ]),
  );

/**
 * Counts reads of a draft's document from the drafts table (the service's get and its list's check),
 * over every connection: the statements' own get, wrapped.
 */
function countDocumentReads(services: Services) {
  const proto = Object.getPrototypeOf(services.db.prepare('SELECT 1')) as { get: (...args: unknown[]) => unknown };
  const original = proto.get;
  const state = { reads: 0 };
  proto.get = function (this: { source: string }, ...args: unknown[]) {
    if (/SELECT[^;]*\bdoc\b[^;]*FROM drafts WHERE id = @id/.test(this.source)) state.reads++;
    return original.apply(this, args);
  };
  return { state, restore: () => void (proto.get = original) };
}

/**
 * The first list after a start takes each draft's progress from the check an earlier list stored in
 * its summary row, without reading its document, as long as nothing it was computed from changed:
 * the draft's revision, the China date, the installed packs, the build, the cross-draft values of the
 * other drafts. Whatever it reuses must equal a computation from scratch; each cause recomputes.
 */
describe('the first list after a start', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let clock: ReturnType<typeof manualClock>;
  let builtinDir: string;
  let app: Services | null = null;
  let packs: PackRegistry;
  let counter: ReturnType<typeof countDocumentReads> | null = null;
  const ids = { a: '', b: '', c: '', none: '' };
  let seeded: Record<string, Shown>;
  let seededValidation: Awaited<ReturnType<Services['handlers']['draftsValidate']>>;

  const start = (options: { version?: string } = {}): Services => {
    app?.close();
    packs = openPackRegistry({ builtinDir, dataDir: temp.dir });
    app = openServices({ dataDir: temp.dir, mode: 'test', now: clock.now, packs, ...options });
    return app;
  };
  const save = (s: Services, id: string, values: Record<string, string>) => {
    const { revision } = s.drafts.get(id);
    s.drafts.save({ id, baseRevision: revision, patch: { values } });
  };
  const home = async (s: Services): Promise<DraftPage> => s.handlers.draftsPage(HOME);
  /** The list with progress computed from every document, nothing stored reused. */
  const fromScratch = (s: Services) => shown(createDraftListProgress({ packs, drafts: s.drafts, now: clock.now })(s.drafts.list({})));
  /** The first list after a start, with the number of documents it read. */
  const firstList = async (options: { version?: string } = {}) => {
    const s = start(options);
    counter = countDocumentReads(s);
    const page = await home(s);
    const reads = counter.state.reads;
    counter.restore();
    counter = null;
    return { s, page, reads, figures: shown(page.rows) };
  };

  beforeEach(async () => {
    temp = makeTempDir();
    clock = manualClock('2020-03-20T04:00:00Z');
    builtinDir = path.join(temp.dir, 'builtin');
    cpSync(findBuiltinGuidelinesDir()!, builtinDir, { recursive: true });
    const s = start();
    ids.a = s.drafts.create({ guideline: CHENGGUAN }).draft.id;
    ids.b = s.drafts.create({ guideline: CHENGGUAN }).draft.id;
    ids.c = s.drafts.create({ guideline: KARAMAY }).draft.id;
    ids.none = s.drafts.create({ title: '未选指南的草稿' }).draft.id;
    save(s, ids.a, { 'pi.idNumber': PI, 'applicant.name': '甲公司' });
    save(s, ids.b, { 'pi.idNumber': OTHER_PI });
    seeded = shown((await home(s)).rows);
    seededValidation = await s.handlers.draftsValidate({ id: ids.a });
    expect(seeded).toEqual(fromScratch(s));
    s.close();
    app = null;
  });
  afterEach(() => {
    counter?.restore();
    app?.close();
    app = null;
    temp.cleanup();
  });

  it('with nothing changed lists the same progress without reading a document, and opening a draft reads only that one', async () => {
    const { s, reads, figures } = await firstList();
    expect(reads).toBe(0);
    expect(figures).toEqual(seeded);
    expect(figures[ids.a]!.completion).toBeGreaterThan(0);
    expect(figures[ids.a]!.unitName).toBe('甲公司');

    // What the wizard asks for on opening a draft: the other drafts' compared values, from the stored checks.
    const reading = countDocumentReads(s);
    const others = await s.handlers.draftsOtherDrafts({ id: ids.a });
    reading.restore();
    expect(reading.state.reads).toBe(1);
    expect(others.find((o) => o.id === ids.b)?.values).toEqual({ 'pi.idNumber': OTHER_PI });
    // The 问题清单 and 定稿 check, with the other drafts taken from the stored checks, finds what it found before the restart.
    const validated = await s.handlers.draftsValidate({ id: ids.a });
    expect(validated.summary).toEqual(seededValidation.summary);
    expect(figures).toEqual(fromScratch(s));
  });

  it('after a start, the check of a draft still counts a draft that shares its 项目负责人', async () => {
    const cli = start();
    save(cli, ids.b, { 'pi.idNumber': PI });
    const before = await cli.handlers.draftsValidate({ id: ids.a });
    await home(cli);
    const { s } = await firstList();
    const after = await s.handlers.draftsValidate({ id: ids.a });
    expect(after.summary).toEqual(before.summary);
    expect(after.summary.errors).toBeGreaterThan(seededValidation.summary.errors);
  });

  it('stores its checks without moving the change stamp, so the next page is not made again', async () => {
    const s = start({ version: 'another-build' });
    const stamp = s.drafts.changeStamp();
    await home(s);
    expect(s.drafts.changeStamp()).toBe(stamp);
    const again = await firstList({ version: 'another-build' });
    expect(again.reads).toBe(0);
  });

  it('reads again only a draft saved since (a new revision), when no other draft sees the change', async () => {
    const cli = start();
    save(cli, ids.c, { 'project.name': '第三个项目' });
    const { s, reads, figures } = await firstList();
    expect(reads).toBe(1);
    expect(figures[ids.c]!.revision).toBe(seeded[ids.c]!.revision + 1);
    expect(figures).toEqual(fromScratch(s));
  });

  it('checks every draft again when another draft changed what the 限报数量 rule counts', async () => {
    const cli = start();
    save(cli, ids.b, { 'pi.idNumber': PI });
    const { s, reads, figures } = await firstList();
    expect(reads).toBe(4);
    expect(figures[ids.a]!.errorCount).toBeGreaterThan(seeded[ids.a]!.errorCount!);
    expect(figures).toEqual(fromScratch(s));
  });

  it('checks every draft again on a new China day (deadlines move)', async () => {
    clock.advance(DAY);
    const { s, reads, figures } = await firstList();
    expect(reads).toBe(4);
    expect(figures[ids.a]!.deadline!.daysLeft).toBe(seeded[ids.a]!.deadline!.daysLeft! - 1);
    expect(figures).toEqual(fromScratch(s));
  });

  it('checks every draft again when a pack changed or a version was installed', async () => {
    // The app brought a changed built-in pack (same version, other content): a later closing day.
    const file = path.join(builtinDir, 'chengguan-2020', 'pack.json');
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll('2020-03-30T23:59:59+08:00', '2020-04-09T23:59:59+08:00'));
    const changed = await firstList();
    expect(changed.reads).toBe(4);
    expect(changed.figures[ids.a]!.deadline!.daysLeft).toBe(seeded[ids.a]!.deadline!.daysLeft! + 10);
    expect(changed.figures).toEqual(fromScratch(changed.s));
    expect((await firstList()).reads).toBe(0);

    const text = readFileSync(file, 'utf8');
    packs.importPack(text.replace('"version": "1.0.0"', '"version": "1.0.1"'), readFileSync(path.join(builtinDir, 'chengguan-2020', 'source.txt'), 'utf8'));
    const upgraded = await firstList();
    expect(upgraded.reads).toBe(4);
    expect(upgraded.figures).toEqual(fromScratch(upgraded.s));
  });

  it('checks every draft again under another build', async () => {
    const { s, reads, figures } = await firstList({ version: 'another-build' });
    expect(reads).toBe(4);
    expect(figures).toEqual(seeded);
    expect(figures).toEqual(fromScratch(s));
  });

  it('reads a document changed outside the service at every start, and shows what it says now', async () => {
    const outside = start();
    outside.db.prepare(`UPDATE drafts SET doc = json_set(doc, '$.values."applicant.name"', '乙公司') WHERE id = ?`).run(ids.a);
    for (let run = 0; run < 2; run++) {
      const { s, reads, figures } = await firstList();
      expect(reads).toBeGreaterThanOrEqual(1);
      expect(figures[ids.a]!.unitName).toBe('乙公司');
      expect(figures).toEqual(fromScratch(s));
    }
  });

  it('shows a document damaged outside the service as 已损坏, without progress', async () => {
    const outside = start();
    outside.db.prepare(`UPDATE drafts SET doc = '{"values": 1}' WHERE id = ?`).run(ids.b);
    const { s, figures } = await firstList();
    expect(figures[ids.b]!.damage).toMatch(/不符合草稿格式/);
    expect(figures[ids.b]!.completion).toBeUndefined();
    expect(figures[ids.b]!.errorCount).toBeUndefined();
    expect(figures).toEqual(fromScratch(s));
  });
});
