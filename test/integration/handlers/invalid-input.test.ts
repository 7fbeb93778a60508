import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../../electron/services/index';
import { METHODS, type Method } from '../../../shared/ipc/channels';
import { dispatch } from '../../../shared/ipc/dispatch';
import { dumpDatabase, makeTempDir } from '../../support/tempStore';

const ID = '00000000-0000-4000-8000-000000000000';
const CJK = /[\u4e00-\u9fff]/;

/** Shapes that are wrong for every method: all inputs are strict objects. */
const COMMON_WRONG: unknown[] = [42, 'drafts', [], true, { unexpected: 1 }];

/** Wrong shapes that are close to right, per method. */
const SPECIFIC_WRONG: Record<Method, unknown[]> = {
  appInfo: [{ version: '9' }],
  draftsList: [{ trash: 'yes' }, { trash: 1 }],
  draftsPage: [{ page: 0 }, { page: 1.5 }, { pageSize: 201 }, { pageSize: 0 }, { query: 'x'.repeat(201) }, { status: 'done' }, { onlyWithErrors: 'yes' }, { sort: 'name' }, { trash: 'yes' }],
  draftsGet: [{}, { id: 'not-a-uuid' }, { id: 7 }],
  draftsCreate: [{ title: 5 }, { title: 'x'.repeat(201) }, { guideline: { packId: 'p' } }],
  draftsSave: [
    { id: ID, baseRevision: -1, patch: {} },
    { id: ID, baseRevision: 1.5, patch: {} },
    { id: ID, baseRevision: 1, patch: { status: 'final' } },
    { id: ID, baseRevision: 1, patch: { values: { 'bad key!': 1 } } },
    { id: ID, patch: {} },
  ],
  draftsRename: [{ id: ID, title: '   ' }, { id: ID }, { id: ID, title: 'x'.repeat(201) }],
  draftsDuplicate: [{ id: '../../etc' }],
  draftsDelete: [{ id: null }],
  draftsRestore: [{ ids: [ID] }],
  draftsPurge: [{ id: `${ID}x` }],
  draftsRevisions: [{ id: '' }],
  draftsImport: [{ content: 5 }, { path: '/etc/passwd' }, {}],
  draftsExport: [{ id: ID, path: '/tmp/x' }],
  guidelinesList: [{ id: 'x' }],
  guidelinesGet: [{}, { id: '' }, { id: 'x'.repeat(201) }, { id: 'x', version: 5 }],
  guidelinesImport: [{}, { packJson: 1, sourceText: '' }, { packJson: '{}' }],
  draftsValidate: [{}, { id: ID, at: '2020-13-45' }, { id: ID, at: 20200301 }],
  draftsOtherDrafts: [{}, { id: 'not-a-uuid' }, { id: ID, extra: 1 }],
  draftsSetStatus: [{ id: ID }, { id: ID, status: 'locked' }, { id: ID, status: 'final', force: true }],
  draftsRevisionGet: [{ id: ID }, { id: ID, revision: 0 }, { id: ID, revision: 1.5 }, { id: ID, revision: '1' }],
  draftsRevisionRestore: [{ id: ID }, { id: ID, revision: -2 }, { id: 'x', revision: 1 }],
  draftsRecover: [{}, { id: 'x' }, { id: ID, revision: 1 }],
  draftsHistory: [{}, { id: 'x' }, { id: ID, extra: 1 }],
  draftsExportArchive: [{}, { id: 'x' }, { id: ID, path: '/tmp/x.zip' }],
  draftsImportArchive: [{}, { base64: '' }, { base64: '不是编码' }, { base64: 'UEsDBA==', path: '/tmp/x' }],
  draftsNameRevision: [{ id: ID, revision: 1 }, { id: ID, revision: 1, label: '   ' }, { id: ID, revision: 1, label: '长'.repeat(61) }, { id: ID, revision: 0, label: '甲' }],
  attachmentsPut: [{ name: 'a.pdf', mediaType: 'application/pdf', dataBase64: '%%' }, { name: '', mediaType: '', dataBase64: 'AAAA' }, { name: 'a.pdf', dataBase64: 'AAAA' }, { path: '/etc/passwd' }],
  attachmentsGet: [{ sha256: '../../etc/passwd' }, { sha256: 'A'.repeat(64) }, {}],
  profilesList: [{ kind: 'company' }],
  profilesSave: [{ kind: 'unit', name: '  ', values: { 'applicant.name': 'x' } }, { kind: 'unit', name: '甲', values: { 'pi.name': '张三' } }, { kind: 'person', name: '甲', values: {} }],
  profilesDelete: [{ id: 'nope' }],
  backupList: [{ all: true }],
  backupCreate: [{ reason: 'daily' }],
  backupRestore: [{}, { name: '../shenbao.db' }, { name: 'shenbao-20260101-080000-manual.db/../../x' }, { name: '/etc/passwd' }, { name: 5 }],
  backupSetKeepCount: [{}, { keepCount: 0 }, { keepCount: 101 }, { keepCount: 2.5 }, { keepCount: '10' }],
  backupStartupState: [{ force: 1 }],
  backupDismissRecovery: [{ confirm: true }],
  draftsUpgradePreview: [{}, { id: ID }, { id: ID, toVersion: 'v2' }, { id: 'x', toVersion: '1.1.0' }],
  draftsUpgrade: [{ id: ID, toVersion: '1.1.0' }, { id: ID, toVersion: '1.1.0', baseRevision: 0 }, { id: ID, toVersion: '新版', baseRevision: 1 }],
  studioDraft: [{}, { fileName: 'a.txt' }, { fileName: 'a.txt', base64: '不是base64' }, { fileName: '', text: '通知' }, { fileName: 'a.txt', text: '   ' }],
  studioCheck: [{ notice: { name: 'a', text: 'x' } }, { notice: { name: 'a', text: 'x' }, edits: { meta: {}, proposals: {}, unrecognized: {}, fields: {} } }],
  studioSave: [{ notice: { name: 'a', text: '' }, edits: {} }, { notice: { name: 'a', text: 'x' }, edits: { meta: { id: 'A B', title: 't', version: '1', year: 1999 }, proposals: {}, unrecognized: {}, fields: {} } }],
  studioSessionGet: [{}, { notice: { name: 'a', text: '' } }, { notice: { name: 'a', text: 'x', extra: 1 } }],
  studioSessionSave: [{ notice: { name: 'a', text: 'x' } }, { notice: { name: 'a', text: 'x' }, edits: { meta: { id: 'a', title: 't', version: '1.0.0', year: 2026 }, proposals: { x: { status: 'accepted' } }, unrecognized: {}, fields: {} } }],
  studioSessionDiscard: [{}, { notice: { name: '', text: 'x' } }],
  exportDocx: [{}, { id: 'x' }, { id: ID, path: '/tmp/x.docx' }],
  exportPdf: [{}, { id: 7 }],
  exportBlockers: [{ ids: [ID] }],
  exportPackageStart: [{}, { id: ID, target: '/etc' }],
  exportJobStatus: [{}, { jobId: 'job-1' }],
  exportJobCancel: [{ jobId: '../x' }],
  exportJobSave: [{ jobId: ID, path: '/tmp/x.zip' }],
  exportDocumentSave: [{}, { id: ID }, { id: ID, kind: 'odt' }, { id: ID, kind: 'pdf', path: '/tmp/x.pdf' }],
  exportDocumentStart: [{}, { id: ID }, { id: ID, kind: 'odt' }, { id: ID, kind: 'docx', target: '/tmp/x.docx' }],
  exportShowInFolder: [{}, { path: '' }, { path: 5 }, { path: '/tmp', reveal: true }],
  exportVerify: [{}, { fileName: 'a.zip', base64: '' }, { fileName: '', base64: 'AAAA' }, { path: '/tmp/a.zip' }],
};

describe('every handler refuses a payload of the wrong shape through dispatch()', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let services: Services;
  let existingId: string;

  beforeAll(() => {
    temp = makeTempDir();
    services = openServices({ dataDir: temp.dir, mode: 'test' });
    existingId = services.drafts.create({ title: '已有草稿' }).draft.id;
    services.drafts.save({ id: existingId, baseRevision: 1, patch: { values: { a: 1 } } });
    services.drafts.create({ title: '回收站草稿' });
  });
  afterAll(() => {
    services.close();
    temp.cleanup();
  });

  it('covers every method of the contract', () => {
    expect(Object.keys(SPECIFIC_WRONG).sort()).toEqual([...METHODS].sort());
  });

  for (const method of METHODS) {
    it(`${method}: invalid_input with a Chinese message, database unchanged`, async () => {
      const payloads = [...COMMON_WRONG, ...SPECIFIC_WRONG[method]].map((p) =>
        // Wrong payloads aimed at the existing draft, so a leak past validation would be visible.
        JSON.parse(JSON.stringify(p).replaceAll(ID, existingId)) as unknown,
      );
      const before = dumpDatabase(services.db);
      for (const payload of payloads) {
        const envelope = await dispatch(services.handlers, method, payload);
        expect(envelope, `${method} ${JSON.stringify(payload)}`).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
        if (!envelope.ok) {
          expect(envelope.error.message).toMatch(CJK);
          expect(envelope.error.message).not.toMatch(/at .*\.ts|Error:/);
        }
      }
      expect(dumpDatabase(services.db)).toBe(before);
    });
  }
});
