import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../../electron/services/index';
import { openPackRegistry, type PackRegistry } from '../../../electron/services/packs/registry';
import { beforeUpgradeLabel } from '../../../electron/services/upgrade/upgradeService';
import { dispatch } from '../../../shared/ipc/dispatch';
import type { UpgradeReport } from '../../../shared/upgrade/upgradeReport';
import { data } from '../../support/envelope';
import { makeTempDir } from '../../support/tempStore';
import { qinghePackJson, QINGHE_TEXT } from '../../support/qinghePack';


describe('draftsUpgradePreview / draftsUpgrade through dispatch', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let packs: PackRegistry;
  let services: Services;
  let id: string;
  let revision: number;
  beforeEach(() => {
    temp = makeTempDir();
    packs = openPackRegistry({ dataDir: temp.dir, builtinDir: null });
    services = openServices({ dataDir: temp.dir, mode: 'test', packs });
    packs.importPack(qinghePackJson('1.0.0'), QINGHE_TEXT);
    packs.importPack(
      qinghePackJson('1.1.0', (pack) => {
        pack.template = { ...pack.template, dropFields: ['project.keywords'], addFields: [...(pack.template?.addFields ?? []), { section: 'basic', field: { id: 'project.topics', kind: 'text', label: '主题词', renamedFrom: ['project.keywords'] } }] };
        pack.template.dropFields!.push('pi.email');
      }),
      QINGHE_TEXT,
    );
    const created = services.drafts.create({ title: '升级测试', guideline: { packId: 'qinghe-2026', packVersion: '1.0.0', programId: 'main', directionPath: [], documentType: 'application' } });
    id = created.draft.id;
    revision = services.drafts.save({ id, baseRevision: created.revision, patch: { values: { 'project.keywords': '智能制造', 'pi.email': 'pi@example.com' } } }).revision;
  });
  afterEach(() => {
    services.close();
    temp.cleanup();
  });

  it('shows the report and changes nothing', async () => {
    const { report } = data<{ report: UpgradeReport }>(await dispatch(services.handlers, 'draftsUpgradePreview', { id, toVersion: '1.1.0' }));
    expect(report.fieldsRenamed.map((r) => [r.from.label, r.to.label, r.moved])).toEqual([['关键词', '主题词', true]]);
    expect(report.kept).toEqual([{ id: 'pi.email', label: '电子邮箱', text: 'pi@example.com', why: '当前版本的申报书没有这一项' }]);
    expect(services.drafts.get(id)).toMatchObject({ revision, draft: { guideline: { packVersion: '1.0.0' } } });
  });

  it('upgrades in one revision, keeps the old content, and can be undone from history', async () => {
    const done = data<{ revision: number; undoRevision: number; report: UpgradeReport }>(await dispatch(services.handlers, 'draftsUpgrade', { id, toVersion: '1.1.0', baseRevision: revision }));
    expect(done.revision).toBe(revision + 1);
    const after = services.drafts.get(id).draft;
    expect(after.guideline?.packVersion).toBe('1.1.0');
    expect(after.values['project.topics']).toBe('智能制造');
    expect(after.values['project.keywords'] ?? null).toBeNull();
    expect(after.values['pi.email']).toBe('pi@example.com');
    expect(services.drafts.revisions(id).find((r) => r.revision === revision)?.label).toBe(beforeUpgradeLabel('1.1.0'));
    data(await dispatch(services.handlers, 'draftsRevisionRestore', { id, revision: done.undoRevision }));
    expect(services.drafts.get(id).draft.guideline?.packVersion).toBe('1.0.0');
    expect(services.drafts.get(id).draft.values['project.keywords']).toBe('智能制造');
  });

  it('refuses a stale report, an older version and a version not installed, in Chinese, changing nothing', async () => {
    const stale = await dispatch(services.handlers, 'draftsUpgrade', { id, toVersion: '1.1.0', baseRevision: revision - 1 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict', message: '草稿在显示升级报告后又有修改，请重新查看升级报告' } });
    expect(await dispatch(services.handlers, 'draftsUpgradePreview', { id, toVersion: '0.9.0' })).toMatchObject({ ok: false, error: { message: '只能升级到比 1.0.0 版更新的版本' } });
    expect(await dispatch(services.handlers, 'draftsUpgradePreview', { id, toVersion: '2.0.0' })).toMatchObject({ ok: false, error: { code: 'not_found', message: '本机没有安装指南「清河区」的 2.0.0 版' } });
    expect(services.drafts.get(id).revision).toBe(revision);
  });
});
