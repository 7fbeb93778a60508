import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../../electron/services/index';
import { contract } from '../../../shared/ipc/contract';
import { METHODS } from '../../../shared/ipc/channels';
import { dispatch } from '../../../shared/ipc/dispatch';
import { makeTempDir } from '../../support/tempStore';
import packageJson from '../../../package.json';
import { data } from '../../support/envelope';

/** A built-in pack: these tests run against the real registry that openServices opens by default. */
const PACK = { id: 'shuimogou-2020', title: '2020年水磨沟区科技计划项目申报指南' };

describe('handlers through dispatch()', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let services: Services;
  const call = (method: string, payload: unknown) => dispatch(services.handlers, method, payload);

  beforeEach(() => {
    temp = makeTempDir();
    services = openServices({ dataDir: temp.dir, mode: 'web' });
  });
  afterEach(() => {
    services.close();
    temp.cleanup();
  });

  it('implements every method, and every answer matches the contract output schema', async () => {
    const created = data<{ draft: { id: string } }>(
      await call('draftsCreate', {
        title: '惠民项目',
        guideline: { packId: PACK.id, packVersion: '1.0.0', programId: 'huimin', directionPath: [], documentType: 'application' },
      }),
    );
    const id = created.draft.id;
    const exported = data<{ content: string }>(await call('draftsExport', { id }));
    const archive = data<{ base64: string }>(await call('draftsExportArchive', { id }));
    const payloads: Record<string, unknown> = {
      appInfo: {},
      draftsList: {},
      draftsPage: {},
      draftsGet: { id },
      draftsCreate: { title: '另一个' },
      draftsSave: { id, baseRevision: 1, patch: { values: { 'pi.name': '张三' } } },
      draftsRename: { id, title: '改名' },
      draftsDuplicate: { id },
      draftsRevisions: { id },
      draftsImport: { content: exported.content },
      draftsExport: { id },
      draftsExportArchive: { id },
      draftsImportArchive: { base64: archive.base64 },
      draftsHistory: { id },
      draftsNameRevision: { id, revision: 1, label: '初稿' },
      guidelinesList: {},
      guidelinesGet: { id: PACK.id },
      draftsValidate: { id, at: '2020-04-01' },
      draftsOtherDrafts: { id },
      draftsRevisionGet: { id, revision: 1 },
      draftsRevisionRestore: { id, revision: 1 },
      draftsSetStatus: { id, status: 'editing' },
      draftsDelete: { id },
      draftsRestore: { id },
      attachmentsPut: { name: '说明.txt', mediaType: 'text/plain', dataBase64: Buffer.from('附件').toString('base64') },
      attachmentsGet: { sha256: createHash('sha256').update('附件').digest('hex') },
      exportBlockers: { id },
      profilesSave: { kind: 'unit', name: '常用单位', values: { 'applicant.name': '甘肃示例科技有限公司' } },
      profilesList: { kind: 'unit' },
      backupSetKeepCount: { keepCount: 5 },
      backupCreate: {},
      backupList: {},
      backupStartupState: {},
      backupDismissRecovery: {},
      studioDraft: { fileName: '通知.txt', text: '关于申报2026年度科技计划项目的通知\n一、申报要求\n（一）项目负责人年龄不超过50周岁。\n' },
      studioCheck: {
        notice: { name: '通知.txt', text: '关于申报2026年度科技计划项目的通知\n一、申报要求\n（一）项目负责人年龄不超过50周岁。\n' },
        edits: { meta: { id: 'test-2026', title: '测试', version: '1.0.0', year: 2026 }, proposals: { p1: { status: 'accepted' } }, unrecognized: {}, fields: {} },
      },
      studioSessionSave: {
        notice: { name: '通知.txt', text: '关于申报2026年度科技计划项目的通知\n' },
        edits: { meta: { id: 'test-2026', title: '测试', version: '1.0.0', year: 2026 }, proposals: { p1: { status: 'rejected' } }, unrecognized: {}, fields: {} },
      },
      studioSessionGet: { notice: { name: '通知.txt', text: '关于申报2026年度科技计划项目的通知\n' } },
      studioSessionDiscard: { notice: { name: '通知.txt', text: '关于申报2026年度科技计划项目的通知\n' } },
    };
    for (const method of Object.keys(payloads)) {
      const envelope = await call(method, payloads[method]);
      const output = contract[method as keyof typeof contract].output;
      expect(output.safeParse(data(envelope)).success, method).toBe(true);
    }
    await call('draftsDelete', { id });
    expect(data(await call('draftsPurge', { id }))).toEqual({ purged: true });
    // An empty object is not a pack: refused with a Chinese message naming the problem, nothing installed.
    const imported = await call('guidelinesImport', { packJson: '{}', sourceText: '' });
    expect(imported).toMatchObject({ ok: false, error: { message: expect.stringMatching(/[\u4e00-\u9fff]/) } });
    expect(data<unknown[]>(await call('guidelinesList', {})).length).toBe(5);
    // The other export methods print, run jobs or read zips: test/integration/package, export/saveDocument, export/documentJob and cli/export*, cli/verify* cover them end to end.
    const exportCoveredElsewhere = ['exportDocx', 'exportPdf', 'exportDocumentStart', 'exportPackageStart', 'exportJobStatus', 'exportJobCancel', 'exportJobSave', 'exportVerify', 'exportDocumentSave', 'exportShowInFolder'];
    const [profile] = data<{ id: string }[]>(await call('profilesList', {}));
    expect(data(await call('profilesDelete', { id: profile?.id }))).toEqual({ deleted: true });
    const [backup] = data<{ backups: { name: string }[] }>(await call('backupList', {})).backups;
    const restored = await call('backupRestore', { name: backup?.name });
    expect(contract.backupRestore.output.safeParse(data(restored)).success).toBe(true);
    // draftsRecover needs a damaged draft: test/integration/backup/startup-judgement.test.ts covers it.
    // studioSave installs a pack (test/integration/studio); upgrading needs two versions of a pack (test/integration/upgrade).
    const studioCoveredElsewhere = ['studioSave', 'draftsUpgradePreview', 'draftsUpgrade'];
    expect(new Set([...Object.keys(payloads), 'draftsPurge', 'guidelinesImport', 'profilesDelete', 'backupRestore', 'draftsRecover', ...exportCoveredElsewhere, ...studioCoveredElsewhere])).toEqual(new Set(METHODS));
  });

  it('appInfo reports version, mode and data dir', async () => {
    expect(data(await call('appInfo', {}))).toEqual({ version: packageJson.version, mode: 'web', dataDir: temp.dir });
  });

  it('draftsList fills pack and program labels from the registry', async () => {
    await call('draftsCreate', {
      guideline: { packId: PACK.id, packVersion: '1.0.0', programId: 'huimin', directionPath: [], documentType: 'application' },
    });
    const [summary] = data<{ packTitle: string | null; programName: string | null }[]>(await call('draftsList', {}));
    expect(summary).toMatchObject({ packTitle: PACK.title, programName: '科技惠民' });
  });

  it('domain failures cross as {code, message} in Chinese', async () => {
    const id = data<{ draft: { id: string } }>(await call('draftsCreate', {})).draft.id;
    expect(await call('draftsSave', { id, baseRevision: 0, patch: {} })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await call('draftsGet', { id: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call('guidelinesGet', { id: 'nope' })).toEqual({ ok: false, error: { code: 'not_found', message: '找不到申报指南「nope」，它可能未安装' } });
    expect(await call('draftsImport', { content: '{' })).toMatchObject({ ok: false, error: { code: 'corrupt_file' } });
  });

  it('uses the built-in packs by default and the version option when given', async () => {
    services.close();
    services = openServices({ dataDir: temp.dir, mode: 'cli', version: '9.9.9' });
    const ids = data<{ id: string }[]>(await call('guidelinesList', {})).map((g) => g.id);
    expect(ids).toEqual(expect.arrayContaining(['chengguan-2020', 'karamay-2017', 'shuimogou-2020', 'wuwei-plan-2022', 'xinjiang-aid-2022']));
    expect(data(await call('appInfo', {}))).toMatchObject({ version: '9.9.9', mode: 'cli' });
  });
});
