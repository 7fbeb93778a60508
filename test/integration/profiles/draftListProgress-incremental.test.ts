import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDraftListProgress } from '../../../electron/services/drafts/draftListProgress';
import { openServices, type Services } from '../../../electron/services/index';
import { openPackRegistry, type PackRegistry } from '../../../electron/services/packs/registry';
import type { DraftSummary } from '../../../shared/ipc/contract';
import { makeTempDir } from '../../support/tempStore';

const CHENGGUAN = { packId: 'chengguan-2020', packVersion: '1.0.0', programId: 'tech-innovation', directionPath: [] as string[], documentType: 'application' as const };
// chengguan-2020 allows one project per 项目负责人 (crossDraftLimit on pi.idNumber, max 1, same pack).
const PI = '650102198001011234';
const OTHER_PI = '650102198502021238';

type Figures = Pick<DraftSummary, 'completion' | 'incompleteCount' | 'errorCount' | 'warningCount' | 'unitName'>;

/**
 * After saves the home list checks again only the drafts that changed, unless what drafts see of
 * each other changed. Whatever it skips, its answer must equal a computation from scratch.
 */
describe('home list progress after saves equals a computation from scratch', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let packs: PackRegistry;
  let services: Services;
  const today = () => new Date('2020-03-20T04:00:00Z');

  beforeEach(() => {
    temp = makeTempDir();
    packs = openPackRegistry({ dataDir: temp.dir });
    services = openServices({ dataDir: temp.dir, mode: 'test', now: today, packs });
  });
  afterEach(() => {
    services.close();
    temp.cleanup();
  });

  const figures = (list: DraftSummary[]): Record<string, Figures> =>
    Object.fromEntries(
      list.map((d) => [d.id, { completion: d.completion, incompleteCount: d.incompleteCount, errorCount: d.errorCount, warningCount: d.warningCount, unitName: d.unitName }]),
    );
  const listed = async () => figures(await services.handlers.draftsList({}));
  const fromScratch = () => figures(createDraftListProgress({ packs, drafts: services.drafts, now: today })(services.drafts.list({})));
  const save = (id: string, values: Record<string, string>) => {
    const { revision } = services.drafts.get(id);
    services.drafts.save({ id, baseRevision: revision, patch: { values } });
  };

  it('follows saves of the draft itself and of the drafts it is counted with', async () => {
    const [a, b, c] = [0, 1, 2].map(() => services.drafts.create({ guideline: CHENGGUAN }).draft.id) as [string, string, string];
    expect(await listed()).toEqual(fromScratch());

    save(a, { 'pi.idNumber': PI, 'applicant.name': '甲公司' });
    expect(await listed()).toEqual(fromScratch());
    const alone = (await listed())[a]!;

    // B takes the same 项目负责人: A did not change, yet its count of errors must rise.
    save(b, { 'pi.idNumber': PI });
    const shared = await listed();
    expect(shared).toEqual(fromScratch());
    expect(shared[a]!.errorCount).toBeGreaterThan(alone.errorCount!);

    // A change no other draft's check reads.
    save(c, { 'project.name': '第三个项目' });
    expect(await listed()).toEqual(fromScratch());

    save(b, { 'pi.idNumber': OTHER_PI });
    const apart = await listed();
    expect(apart).toEqual(fromScratch());
    expect(apart[a]!.errorCount).toBe(alone.errorCount);

    save(b, { 'pi.idNumber': PI });
    services.drafts.delete(b);
    const afterDelete = await listed();
    expect(afterDelete).toEqual(fromScratch());
    expect(afterDelete[a]!.errorCount).toBe(alone.errorCount);
  });
});
