import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openServices } from '../../../electron/services/index';
import { dispatch } from '../../../shared/ipc/dispatch';
import { attachmentBytesFor } from '../../support/attachmentBytes';
import { dumpDatabase, manualClock } from '../../support/tempStore';
import { servicesPerTest } from '../../support/servicesPerTest';
import { data } from '../../support/envelope';

const FIXTURES = path.resolve(__dirname, '../../fixtures/packs');
const fixture = (pack: string, file: string): string => readFileSync(path.join(FIXTURES, pack, file), 'utf8');

describe('定稿 and 解锁 through dispatch()', () => {
  // Inside the 城关 window, as the fixtures are meant to be read.
  const env = servicesPerTest('2020-03-01T04:00:00.000Z');
  const call = (method: string, payload: unknown) => dispatch(env.services.handlers, method, payload);

  /** Imports a fixture with real files for its attachments (its hashes are placeholders; missing files are errors). */
  const importFixture = async (pack: string, file: string, withFiles = true): Promise<{ id: string; revision: number }> => {
    const draft = JSON.parse(fixture(pack, file)) as { attachments: Record<string, { name: string; sha256: string; size: number; mediaType: string }[]> };
    if (withFiles) {
      for (const [slot, refs] of Object.entries(draft.attachments)) {
        for (const ref of refs) {
          const info = await env.services.attachments.putFile(attachmentBytesFor(ref.name, `${slot}/${ref.name}`), { name: ref.name, mediaType: ref.mediaType });
          ref.sha256 = info.sha256;
          ref.size = info.size;
        }
      }
    }
    const stored = data<{ draft: { id: string }; revision: number }>(await call('draftsImport', { content: JSON.stringify(draft) }));
    return { id: stored.draft.id, revision: stored.revision };
  };

  it('finalizes a clean draft, then refuses edits, restores and renames until it is unlocked', async () => {
    const { id } = await importFixture('chengguan-2020', 'valid-tech-enterprise.json');
    const validation = data<{ summary: { errors: number; incomplete: number; pending: number } }>(await call('draftsValidate', { id }));
    expect(validation.summary).toMatchObject({ errors: 0, incomplete: 0, pending: 0 });

    const finalized = data<{ revision: number }>(await call('draftsSetStatus', { id, status: 'final' }));
    expect(finalized.revision).toBe(2);
    expect(data<{ draft: { status: string } }>(await call('draftsGet', { id })).draft.status).toBe('final');

    const save = await call('draftsSave', { id, baseRevision: 2, patch: { values: { 'project.name': '改名' } } });
    expect(save).toMatchObject({ ok: false, error: { code: 'locked', message: expect.stringContaining('已定稿') } });
    const restore = await call('draftsRevisionRestore', { id, revision: 1 });
    expect(restore).toMatchObject({ ok: false, error: { code: 'locked', message: expect.stringContaining('已定稿') } });
    const rename = await call('draftsRename', { id, title: '新名称' });
    expect(rename).toMatchObject({ ok: false, error: { code: 'locked' } });

    const unlocked = data<{ revision: number }>(await call('draftsSetStatus', { id, status: 'editing' }));
    expect(unlocked.revision).toBe(3);
    expect(data(await call('draftsSave', { id, baseRevision: 3, patch: { values: { 'project.name': '改名' } } }))).toMatchObject({ revision: 4 });
  });

  it('refuses to finalize while errors exist, saying how many, and writes nothing', async () => {
    const { id } = await importFixture('chengguan-2020', 'valid-tech-enterprise.json');
    // Two eligibility errors: an ineligible unit affiliation and a unit registered outside 城关区 (in 陕西).
    data(await call('draftsSave', { id, baseRevision: 1, patch: { values: { 'applicant.affiliation': 'other', 'applicant.regionCode': '610000' } } }));
    const { summary } = data<{ summary: { errors: number; incomplete: number; pending: number } }>(await call('draftsValidate', { id }));
    expect(summary.errors).toBeGreaterThanOrEqual(2);

    const before = dumpDatabase(env.services.db);
    const refused = await call('draftsSetStatus', { id, status: 'final' });
    expect(refused).toEqual({
      ok: false,
      error: { code: 'locked', message: `还有 ${summary.errors} 个错误，不能定稿；请在问题清单中逐项处理（警告和提示不影响定稿）` },
    });
    expect(dumpDatabase(env.services.db)).toBe(before);
  });

  it('refuses to finalize a draft imported without its attachment files, naming each missing file', async () => {
    const { id } = await importFixture('chengguan-2020', 'valid-tech-enterprise.json', false);
    const validation = data<{ results: { ruleId: string; outcome: string; severity: string; message: string }[]; summary: { errors: number } }>(await call('draftsValidate', { id }));
    const missing = validation.results.filter((r) => r.ruleId.startsWith('form.files.') && r.outcome === 'fail');
    expect(missing.length).toBeGreaterThan(0);
    expect(missing.every((r) => r.severity === 'error' && /附件文件「.+」缺失/.test(r.message))).toBe(true);
    expect(await call('draftsSetStatus', { id, status: 'final' })).toMatchObject({ ok: false, error: { code: 'locked', message: expect.stringContaining('个错误') } });
  });

  it('a blank draft cannot be finalized: every required item is 待填写', async () => {
    const created = data<{ draft: { id: string } }>(await call('draftsCreate', { title: '空白' })).draft.id;
    const guideline = { packId: 'shuimogou-2020', packVersion: '1.0.0', programId: 'huimin', directionPath: [], documentType: 'application' };
    const packs = data<{ id: string; version: string }[]>(await call('guidelinesList', {}));
    guideline.packVersion = packs.find((p) => p.id === 'shuimogou-2020')?.version ?? guideline.packVersion;
    data(await call('draftsSave', { id: created, baseRevision: 1, patch: { guideline } }));
    const { summary } = data<{ summary: { errors: number; incomplete: number } }>(await call('draftsValidate', { id: created }));
    expect(summary.errors).toBe(0);
    expect(summary.incomplete).toBeGreaterThan(10);
    expect(await call('draftsSetStatus', { id: created, status: 'final' })).toMatchObject({ ok: false, error: { code: 'locked', message: expect.stringContaining('项待填写') } });
  });

  it('warnings do not block: a past window is only a warning', async () => {
    env.services.close();
    // Long after the 城关 window closed (2020-03-30): 申报已截止 is a warning, not an error.
    env.services = openServices({ dataDir: env.temp.dir, mode: 'test', now: manualClock('2026-11-22T04:00:00.000Z').now });
    const { id } = await importFixture('chengguan-2020', 'valid-soft-science.json');
    const { summary } = data<{ summary: { errors: number; warnings: number } }>(await call('draftsValidate', { id }));
    expect(summary.errors).toBe(0);
    expect(summary.warnings).toBeGreaterThan(0);
    expect(data(await call('draftsSetStatus', { id, status: 'final' }))).toMatchObject({ revision: 2 });
  });

  it('asking for the status a draft already has writes no revision', async () => {
    const { id } = await importFixture('karamay-2017', 'valid-major.json');
    expect(data(await call('draftsSetStatus', { id, status: 'editing' }))).toMatchObject({ revision: 1 });
    expect(data<unknown[]>(await call('draftsRevisions', { id }))).toHaveLength(1);
  });

  it('refuses a draft without a guideline, and a draft in the trash, in Chinese', async () => {
    const blank = data<{ draft: { id: string } }>(await call('draftsCreate', { title: '空白' })).draft.id;
    expect(await call('draftsSetStatus', { id: blank, status: 'final' })).toEqual({
      ok: false,
      error: { code: 'locked', message: '草稿尚未选择申报指南和专项，不能定稿' },
    });
    const { id } = await importFixture('xinjiang-aid-2022', 'valid-enterprise.json');
    data(await call('draftsDelete', { id }));
    expect(await call('draftsSetStatus', { id, status: 'final' })).toMatchObject({ ok: false, error: { code: 'locked', message: expect.stringContaining('回收站') } });
  });

  it('refuses a status that is neither final nor editing with a Chinese message', async () => {
    const { id } = await importFixture('karamay-2017', 'valid-major.json');
    expect(await call('draftsSetStatus', { id, status: 'submitted' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('状态只能是定稿或编辑中') },
    });
  });

  it('the service refuses a status change when another save landed after the check', () => {
    const { draft } = env.services.drafts.create({ title: '并发' });
    env.services.drafts.save({ id: draft.id, baseRevision: 1, patch: { values: { a: 1 } } });
    expect(() => env.services.drafts.setStatus({ id: draft.id, status: 'final', expectedRevision: 1 })).toThrow(/又被修改/);
    expect(env.services.drafts.get(draft.id).draft.status).toBe('editing');
  });
});
