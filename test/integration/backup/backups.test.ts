import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseBackupName } from '../../../electron/services/backup/backupNames';
import { currentSchemaVersion } from '../../../electron/services/db/migrate';
import { MIGRATIONS } from '../../../electron/services/db/migrations';
import { openServices } from '../../../electron/services/index';
import { makeTempDir, manualClock } from '../../support/tempStore';
import { backupNames, DB_FILE, integrityOf, olderStore, readOnly, storeWithDraft } from './helpers';

const HOUR = 60 * 60 * 1000;

describe('backups: VACUUM INTO, verified, rotated', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (temp = makeTempDir()));
  afterEach(() => temp.cleanup());

  it('a manual backup is a complete, verified copy named by time and reason', () => {
    const clock = manualClock('2026-03-05T06:07:08.000Z');
    const { services, id } = storeWithDraft(temp.dir, '抗旱小麦', clock.now);
    const entry = services.backups.create('manual');
    expect(entry).toMatchObject({ reason: 'manual', verified: true, createdAt: '2026-03-05T06:07:08.000Z' });
    expect(parseBackupName(entry.name)?.reason).toBe('manual');
    const file = path.join(temp.dir, 'backups', entry.name);
    expect(integrityOf(file)).toBe('ok');
    const doc = readOnly(file, (db) => db.prepare<[string], { doc: string }>('SELECT doc FROM drafts WHERE id = ?').get(id)?.doc);
    expect(JSON.parse(doc ?? '{}').values['project.name']).toBe('抗旱小麦');
    // Two in the same second never overwrite each other.
    const second = services.backups.create('manual');
    expect(second.name).not.toBe(entry.name);
    expect(backupNames(temp.dir)).toHaveLength(2);
    services.close();
  });

  it('keeps the newest N of all kinds (the setting), and never the backup being restored', () => {
    const clock = manualClock();
    const { services } = storeWithDraft(temp.dir, '轮换', clock.now);
    services.backups.setKeepCount(3);
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      made.push(services.backups.create(i % 2 === 0 ? 'manual' : 'daily').name);
      clock.advance(HOUR);
    }
    expect(backupNames(temp.dir)).toEqual(made.slice(2).sort());
    // Restoring the oldest kept one takes a 恢复前 backup; rotation must not remove the source.
    const oldest = made[2]!;
    const result = services.backups.restore(oldest);
    expect(result.safetyBackup).toMatch(/before-restore/);
    expect(backupNames(temp.dir)).toContain(oldest);
    expect(backupNames(temp.dir)).toContain(result.safetyBackup);
    // Lowering the count rotates at once; the setting survives a restart.
    services.backups.setKeepCount(1);
    expect(backupNames(temp.dir)).toEqual([result.safetyBackup]);
    services.close();
    const reopened = openServices({ dataDir: temp.dir, mode: 'test', now: clock.now });
    expect(reopened.backups.keepCount()).toBe(1);
    reopened.close();
  });

  it('takes the daily backup at start when the newest is older than a day, only when there is data', () => {
    const clock = manualClock();
    const empty = openServices({ dataDir: temp.dir, mode: 'test', now: clock.now });
    empty.close();
    expect(backupNames(temp.dir)).toEqual([]);

    const { services } = storeWithDraft(temp.dir, '每日', clock.now);
    services.close();
    const first = openServices({ dataDir: temp.dir, mode: 'test', now: clock.now });
    first.close();
    expect(backupNames(temp.dir)).toHaveLength(1);
    expect(backupNames(temp.dir)[0]).toMatch(/-daily\.db$/);

    clock.advance(23 * HOUR);
    openServices({ dataDir: temp.dir, mode: 'test', now: clock.now }).close();
    expect(backupNames(temp.dir)).toHaveLength(1);

    clock.advance(2 * HOUR);
    openServices({ dataDir: temp.dir, mode: 'test', now: clock.now }).close();
    expect(backupNames(temp.dir)).toHaveLength(2);
  });

  it("a dead writer's temp file is removed at the next start; a live writer's and foreign files stay", () => {
    const backups = path.join(temp.dir, 'backups');
    mkdirSync(backups, { recursive: true });
    const deadPid = spawnSync(process.execPath, ['-e', '0']).pid!;
    const dead = path.join(backups, `.shenbao-backup-${deadPid}-aaaaaaaaaaaa.tmp`);
    const live = path.join(backups, `.shenbao-backup-${process.pid}-bbbbbbbbbbbb.tmp`);
    const foreign = path.join(backups, '我的笔记.txt');
    for (const file of [dead, live, foreign]) writeFileSync(file, 'x');
    openServices({ dataDir: temp.dir, mode: 'test' }).close();
    expect([existsSync(dead), existsSync(live), existsSync(foreign)]).toEqual([false, true, true]);
  });

  it('before pending migrations, backs up the unmigrated file', () => {
    const id = '22222222-2222-4222-8222-222222222222';
    olderStore(temp.dir, 2, id);
    const services = openServices({ dataDir: temp.dir, mode: 'test' });
    expect(currentSchemaVersion(services.db)).toBe(MIGRATIONS.length);
    const [name] = backupNames(temp.dir).filter((n) => n.includes('before-migration'));
    expect(name).toBeDefined();
    const file = path.join(temp.dir, 'backups', name!);
    expect(integrityOf(file)).toBe('ok');
    expect(readOnly(file, (db) => db.prepare<[], { v: number }>('SELECT max(version) AS v FROM schema_migrations').get()?.v)).toBe(2);
    expect(readOnly(file, (db) => db.prepare<[], { n: number }>('SELECT count(*) AS n FROM drafts').get()?.n)).toBe(1);
    services.close();
    // Up to date now: the next start takes no second pre-migration backup.
    openServices({ dataDir: temp.dir, mode: 'test' }).close();
    expect(backupNames(temp.dir).filter((n) => n.includes('before-migration'))).toHaveLength(1);
  });

  it('when the pre-migration backup cannot be written, nothing is migrated and the user is told why', () => {
    olderStore(temp.dir, 2, '33333333-3333-4333-8333-333333333333');
    writeFileSync(path.join(temp.dir, 'backups'), 'a file where the backups folder should be');
    expect(() => openServices({ dataDir: temp.dir, mode: 'test' })).toThrow(/升级数据库（版本 2）前的备份失败.*未做升级/);
    expect(readOnly(path.join(temp.dir, DB_FILE), (db) => db.prepare<[], { v: number }>('SELECT max(version) AS v FROM schema_migrations').get()?.v)).toBe(2);
  });
});
