import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/errors';
import { dumpDatabase, makeTempDir, manualClock } from '../../support/tempStore';
import { backupNames, olderStore, placeBackup, projectName, storeWithDraft } from './helpers';

describe('restore from a backup while the app runs', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (temp = makeTempDir()));
  afterEach(() => temp.cleanup());

  it('brings back the old content on the same connection, after backing up the current state', () => {
    const clock = manualClock();
    const { services, id } = storeWithDraft(temp.dir, '第一版', clock.now);
    const backup = services.backups.create('manual');
    clock.advance(60_000);
    services.drafts.save({ id, baseRevision: 2, patch: { values: { 'project.name': '第二版' } } });
    const later = services.drafts.create({ title: '备份之后新建' }).draft.id;
    services.backups.setKeepCount(7);

    const result = services.backups.restore(backup.name);

    expect(result.restoredFrom).toBe(backup.name);
    expect(projectName(services, id)).toBe('第一版');
    expect(services.drafts.revisions(id).map((r) => r.revision)).toEqual([2, 1]);
    expect(() => services.drafts.get(later)).toThrow(/找不到|不存在/);
    // Device settings stay as set on this computer.
    expect(services.backups.keepCount()).toBe(7);
    // The 恢复前 backup holds what was replaced: restoring it undoes the restore.
    expect(result.safetyBackup).toMatch(/before-restore\.db$/);
    services.backups.restore(result.safetyBackup!);
    expect(projectName(services, id)).toBe('第二版');
    expect(services.drafts.get(later).draft.id).toBe(later);
    // No temp copies are left behind.
    expect(readdirSync(path.join(temp.dir, 'backups')).filter((n) => !n.startsWith('shenbao-'))).toEqual([]);
    services.close();
  });

  it('brings back every row of every content table: the drafts\' summaries with their list checks, named versions', () => {
    const clock = manualClock();
    const { services, id } = storeWithDraft(temp.dir, '第一版', clock.now);
    services.drafts.nameRevision({ id, revision: 1, label: '交给王老师前' });
    services.drafts.list();
    const content = (): Record<string, unknown[]> => {
      const { settings, schema_migrations, ...rest } = JSON.parse(dumpDatabase(services.db)) as Record<string, unknown[]>;
      // Device settings stay as they are on this computer; the migration history is the build's.
      return { ...rest, settings: (settings ?? []).filter((s) => !String((s as { key: string }).key).startsWith('backup.')), migrations: (schema_migrations ?? []).length > 0 ? ['kept'] : [] };
    };
    const backedUp = content();
    expect(backedUp.draft_summaries).toHaveLength(1);
    expect(backedUp.revision_labels).toHaveLength(1);
    const backup = services.backups.create('manual');
    clock.advance(60_000);
    services.drafts.save({ id, baseRevision: 2, patch: { values: { 'project.name': '第二版' } } });
    services.drafts.create({ title: '备份之后新建' });

    services.backups.restore(backup.name);

    expect(content()).toEqual(backedUp);
    services.close();
  });

  it('migrates an older backup on its copy before restoring it', () => {
    const oldDir = path.join(temp.dir, 'old');
    const id = '44444444-4444-4444-8444-444444444444';
    olderStore(oldDir, 2, id);
    const { services } = storeWithDraft(path.join(temp.dir, 'live'), '现在的草稿');
    const name = 'shenbao-20250101-080000-manual.db';
    placeBackup(services, path.join(oldDir, 'shenbao.db'), name);
    const result = services.backups.restore(name);
    expect(result.restoredFrom).toBe(name);
    const rows = services.db.prepare<[], { id: string }>('SELECT id FROM drafts').all();
    expect(rows).toEqual([{ id }]);
    services.close();
  });

  it('a damaged backup is refused and the live store is left exactly as it was', () => {
    const { services } = storeWithDraft(temp.dir, '保持不变');
    const backup = services.backups.create('manual');
    const file = path.join(services.backups.dir, backup.name);
    const broken = 'shenbao-20250101-080000-manual.db';
    writeFileSync(path.join(services.backups.dir, broken), 'not a database at all'.repeat(500));
    const before = dumpDatabase(services.db);
    const listed = services.backups.list().find((b) => b.name === broken);
    expect(listed?.verified).toBe(false);
    expect(() => services.backups.restore(broken)).toThrow(AppError);
    expect(() => services.backups.restore(broken)).toThrow(/备份已损坏/);
    expect(() => services.backups.restore('shenbao-20200101-000000-manual.db')).toThrow(/找不到备份/);
    expect(dumpDatabase(services.db)).toBe(before);
    expect(backupNames(temp.dir)).toEqual([broken, backup.name].sort());
    rmSync(file);
    services.close();
  });

  it('reports attachments the restored drafts reference but this data dir lacks, by name', async () => {
    const { services, id } = storeWithDraft(temp.dir, '带附件');
    const info = await services.attachments.putFile(Buffer.from('营业执照扫描件'), { name: '营业执照.pdf', mediaType: 'application/pdf' });
    services.drafts.save({
      id,
      baseRevision: 2,
      patch: { attachments: { license: [{ sha256: info.sha256, name: '营业执照.pdf', size: info.size, mediaType: 'application/pdf', addedAt: '2026-01-01T08:00:00.000Z' }] } },
    });
    const backup = services.backups.create('manual');
    rmSync(services.attachments.path(info.sha256));
    const result = services.backups.restore(backup.name);
    expect(result.missingAttachments).toEqual([{ sha256: info.sha256, name: '营业执照.pdf', draftTitle: '带附件' }]);
    services.close();
  });

  it('a restore that fails half way (disk full) rolls back: the live store is unchanged', () => {
    const big = storeWithDraft(path.join(temp.dir, 'big'), '大草稿');
    big.services.drafts.save({ id: big.id, baseRevision: 2, patch: { values: { 'project.summary': '研'.repeat(200_000) } } });
    const bigBackup = big.services.backups.create('manual');
    big.services.close();
    const { services } = storeWithDraft(path.join(temp.dir, 'live'), '小草稿');
    placeBackup(services, path.join(temp.dir, 'big', 'backups', bigBackup.name), bigBackup.name);
    services.db.exec('VACUUM');
    const before = dumpDatabase(services.db);
    // The file may not grow: SQLITE_FULL inside the transaction, the path a full disk takes.
    services.db.pragma(`max_page_count = ${services.db.pragma('page_count', { simple: true }) as number}`);
    expect(() => services.backups.restore(bigBackup.name)).toThrow(expect.objectContaining({ code: 'storage_full' }));
    expect(dumpDatabase(services.db)).toBe(before);
    expect(services.db.pragma('integrity_check', { simple: true })).toBe('ok');
    services.close();
  });
});
