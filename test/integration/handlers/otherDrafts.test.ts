import { describe, expect, it } from 'vitest';
import { openPackRegistry } from '../../../electron/services/packs/registry';
import { validateDraft } from '../../../shared/rules/engine';
import { servicesPerTest } from '../../support/servicesPerTest';

const CHENGGUAN = { packId: 'chengguan-2020', packVersion: '1.0.0', programId: 'tech-innovation', directionPath: [] as string[], documentType: 'application' as const };
// chengguan-2020 allows one project per 项目负责人 (crossDraftLimit on pi.idNumber, same pack).
const PI = '650102198001011234';
const RULE = 'cg.pi-one-project';

/**
 * The wizard checks cross-draft rules with what draftsOtherDrafts answers (one call, only the values
 * those rules compare) instead of fetching every draft whole; its results must equal the services' own.
 */
describe('draftsOtherDrafts', () => {
  const env = servicesPerTest('2020-03-20T04:00:00Z');

  const save = (id: string, values: Record<string, string>) => {
    const { revision } = env.services.drafts.get(id);
    env.services.drafts.save({ id, baseRevision: revision, patch: { values } });
  };

  it('answers the other live drafts with only the compared values, and the wizard then finds what the services find', async () => {
    const { handlers, drafts } = env.services;
    const [a, b, trashed] = [0, 1, 2].map(() => drafts.create({ guideline: CHENGGUAN }).draft.id) as [string, string, string];
    const noGuideline = drafts.create({}).draft.id;
    save(a, { 'pi.idNumber': PI, 'project.name': '甲项目', 'pi.name': '张三' });
    save(b, { 'pi.idNumber': PI, 'project.name': '乙项目' });
    save(trashed, { 'pi.idNumber': PI });
    drafts.delete(trashed);

    const others = await handlers.draftsOtherDrafts({ id: a });
    // Not itself, not the trashed one, not the one without a guideline.
    expect(others.map((o) => o.id)).toEqual([b]);
    expect(others[0]!.values).toEqual({ 'pi.idNumber': PI });
    expect(others[0]).toMatchObject({ packId: 'chengguan-2020', programId: 'tech-innovation', documentType: 'application' });
    expect(await handlers.draftsOtherDrafts({ id: noGuideline })).toEqual([]);

    const pack = openPackRegistry({ dataDir: env.temp.dir }).packForDraft(CHENGGUAN)!.installed.pack;
    const inWizard = validateDraft(pack, drafts.get(a).draft, { today: '2020-03-20', otherDrafts: others })!;
    const inServices = (await handlers.draftsValidate({ id: a, at: '2020-03-20' })).results;
    const outcome = (results: { ruleId: string; outcome: string; message: string }[]) => results.find((r) => r.ruleId === RULE);
    expect(outcome(inWizard)?.outcome).toBe('fail');
    expect({ outcome: outcome(inWizard)?.outcome, message: outcome(inWizard)?.message }).toEqual({ outcome: outcome(inServices)?.outcome, message: outcome(inServices)?.message });
  });
});
