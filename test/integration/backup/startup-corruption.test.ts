import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkDatabaseFile } from '../../../electron/services/db/startupCheck';
import { openServices, type Services } from '../../../electron/services/index';
import { makeTempDir, manualClock } from '../../support/tempStore';
import { DB_FILE, projectName, storeWithDraft } from './helpers';

/**
 * Issue 6 §Durability 3: a damaged data file is detected before use, moved aside byte for byte
 * (never deleted), and the latest verified backup is offered; the app never silently starts empty.
 */

interface Prepared {
  dataDir: string;
  id: string;
  backupName: string;
}

/** A data dir with a draft and a verified backup of it, closed cleanly. */
function preparedDataDir(root: string): Prepared {
  const dataDir = path.join(root, 'data');
  const { services, id } = storeWithDraft(dataDir, '备份里的草稿');
  const backupName = services.backups.create('manual').name;
  services.close();
  return { dataDir, id, backupName };
}

function snapshot(dataDir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const suffix of ['', '-wal']) {
    const file = path.join(dataDir, `${DB_FILE}${suffix}`);
    if (existsSync(file)) files.set(`${DB_FILE}${suffix}`, readFileSync(file));
  }
  return files;
}

function expectMovedAsideIntact(services: Services, before: Map<string, Buffer>): string {
  const recovery = services.backups.pendingRecovery();
  expect(recovery).not.toBeNull();
  const dir = recovery!.movedAsideTo!;
  expect(path.dirname(dir)).toBe(path.join(services.dataDir, 'corrupt'));
  for (const [name, bytes] of before) expect(readFileSync(path.join(dir, name)).equals(bytes), name).toBe(true);
  return dir;
}

function flipBytes(file: string, at: number, count: number): void {
  const bytes = readFileSync(file);
  for (let i = at; i < at + count && i < bytes.length; i++) bytes[i] = bytes[i]! ^ 0xa5;
  writeFileSync(file, bytes);
}

describe('a damaged data file at startup', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let prepared: Prepared;
  let file: string;
  beforeEach(() => {
    temp = makeTempDir();
    prepared = preparedDataDir(temp.dir);
    file = path.join(prepared.dataDir, DB_FILE);
  });
  afterEach(() => temp.cleanup());

  const corruptions: [string, string, () => void][] = [
    // SQLite itself reports these (SQLITE_CORRUPT): the check never measures the file on its own.
    ['truncated', 'corrupt', () => truncateSync(file, Math.floor(statSync(file).size / 2) + 100)],
    ['truncated to a stub', 'corrupt', () => truncateSync(file, 60)],
    // The b-tree page headers of pages 2 and 3.
    [
      'bytes flipped inside the tables',
      'corrupt',
      () => {
        expect(readFileSync(file).readUInt16BE(16)).toBe(4096);
        [4096, 8192].forEach((at) => flipBytes(file, at, 12));
      },
    ],
    ['a foreign file (not SQLite)', 'not_sqlite', () => writeFileSync(file, Buffer.from('%PDF-1.7\n'.repeat(2000)))],
    [
      'a foreign SQLite database',
      'foreign',
      () => {
        writeFileSync(file, '');
        const other = new BetterSqlite3(file);
        other.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('别的程序');");
        other.close();
      },
    ],
  ];

  for (const [label, kind, damage] of corruptions) {
    it(`${label}: detected, moved aside intact, the latest backup offered and restorable`, () => {
      damage();
      expect(checkDatabaseFile(file)).toMatchObject({ ok: false, kind });
      const before = snapshot(prepared.dataDir);
      const clock = manualClock('2026-05-01T10:00:00.000Z');

      const services = openServices({ dataDir: prepared.dataDir, mode: 'test', now: clock.now });
      const movedTo = expectMovedAsideIntact(services, before);
      const recovery = services.backups.pendingRecovery()!;
      expect(recovery.kind).toBe(kind);
      expect(recovery.reason).toMatch(/[\u4e00-\u9fff]/);
      expect(recovery.latestBackup).toMatchObject({ name: prepared.backupName, verified: true });
      // The fresh store is empty, and it says so at every start until the user decides.
      expect(services.drafts.list({})).toEqual([]);
      services.close();
      const again = openServices({ dataDir: prepared.dataDir, mode: 'test', now: clock.now });
      expect(again.backups.pendingRecovery()?.movedAsideTo).toBe(movedTo);

      again.backups.restore(recovery.latestBackup!.name);
      expect(projectName(again, prepared.id)).toBe('备份里的草稿');
      expect(again.backups.pendingRecovery()).toBeNull();
      // An empty store is not worth a 恢复前 backup; the backup list is unchanged.
      expect(again.backups.list().map((b) => b.name)).toEqual([prepared.backupName]);
      again.close();
      // Restoring, reopening and rotating never touch the moved-aside files.
      const third = openServices({ dataDir: prepared.dataDir, mode: 'test', now: clock.now });
      third.backups.setKeepCount(1);
      third.backups.create('manual');
      third.close();
      for (const [name, bytes] of before) expect(readFileSync(path.join(movedTo, name)).equals(bytes)).toBe(true);
    });
  }

  it('without any backup, the recovery says so and names where the bad file went', () => {
    const fresh = path.join(temp.dir, 'nobackup');
    mkdirSync(fresh);
    writeFileSync(path.join(fresh, DB_FILE), 'garbage'.repeat(100));
    const services = openServices({ dataDir: fresh, mode: 'test' });
    const recovery = services.backups.pendingRecovery();
    expect(recovery).toMatchObject({ kind: 'not_sqlite', latestBackup: null });
    expect(readdirSync(recovery!.movedAsideTo!)).toEqual([DB_FILE]);
    // 以空白数据继续: the decision is remembered, the file stays in corrupt/.
    services.backups.dismissRecovery();
    services.close();
    const reopened = openServices({ dataDir: fresh, mode: 'test' });
    expect(reopened.backups.pendingRecovery()).toBeNull();
    expect(readFileSync(path.join(recovery!.movedAsideTo!, DB_FILE), 'utf8')).toBe('garbage'.repeat(100));
    reopened.close();
  });

  it('the latest backup offered is the newest one that passes integrity_check', () => {
    const services = openServices({ dataDir: prepared.dataDir, mode: 'test' });
    const newer = 'shenbao-29990101-000000-manual.db';
    writeFileSync(path.join(services.backups.dir, newer), 'damaged backup'.repeat(100));
    services.close();
    writeFileSync(file, 'garbage'.repeat(100));
    const reopened = openServices({ dataDir: prepared.dataDir, mode: 'test' });
    expect(reopened.backups.pendingRecovery()?.latestBackup?.name).toBe(prepared.backupName);
    reopened.close();
  });
});

describe('WAL files at startup', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (temp = makeTempDir()));
  afterEach(() => temp.cleanup());

  /** The db and -wal exactly as a crash leaves them: committed transactions still only in the WAL. */
  function crashCopy(source: Services, into: string): void {
    mkdirSync(into, { recursive: true });
    for (const suffix of ['', '-wal']) copyFileSync(path.join(source.dataDir, `${DB_FILE}${suffix}`), path.join(into, `${DB_FILE}${suffix}`));
  }

  function liveStoreWithWal(dataDir: string, saves: number): { services: Services; id: string } {
    const { services, id } = storeWithDraft(dataDir, '热日志');
    services.db.pragma('wal_autocheckpoint = 0');
    services.db.pragma('wal_checkpoint(TRUNCATE)');
    for (let i = 0; i < saves; i++) services.drafts.save({ id, baseRevision: i + 2, patch: { values: { 'project.name': `第${i + 1}次保存` } } });
    return { services, id };
  }

  it('a hot WAL left by a crash is normal: nothing is moved, every committed save is there', () => {
    const { services, id } = liveStoreWithWal(path.join(temp.dir, 'live'), 20);
    const crashed = path.join(temp.dir, 'crashed');
    crashCopy(services, crashed);
    services.close();
    expect(statSync(path.join(crashed, `${DB_FILE}-wal`)).size).toBeGreaterThan(0);
    expect(checkDatabaseFile(path.join(crashed, DB_FILE))).toEqual({ ok: true, empty: false });
    const reopened = openServices({ dataDir: crashed, mode: 'test' });
    expect(reopened.backups.pendingRecovery()).toBeNull();
    expect(existsSync(path.join(crashed, 'corrupt'))).toBe(false);
    expect(projectName(reopened, id)).toBe('第20次保存');
    reopened.close();
  });

  it('a WAL with damaged frames: SQLite stops at the last intact commit, and the store opens consistent', () => {
    const { services, id } = liveStoreWithWal(path.join(temp.dir, 'live'), 20);
    const crashed = path.join(temp.dir, 'crashed');
    crashCopy(services, crashed);
    services.close();
    const wal = path.join(crashed, `${DB_FILE}-wal`);
    flipBytes(wal, Math.floor(statSync(wal).size / 2), 64);
    expect(checkDatabaseFile(path.join(crashed, DB_FILE))).toEqual({ ok: true, empty: false });
    const reopened = openServices({ dataDir: crashed, mode: 'test' });
    // Checksums end the log at the damage: an earlier acknowledged state, never a mix.
    const name = projectName(reopened, id) as string;
    expect(name).toMatch(/^(热日志|第\d+次保存)$/);
    expect(name).not.toBe('第20次保存');
    const revision = reopened.drafts.get(id).revision;
    expect(reopened.drafts.revisions(id)[0]?.revision).toBe(revision);
    expect(reopened.db.pragma('integrity_check', { simple: true })).toBe('ok');
    reopened.close();
  });

  it("another program's WAL beside our file is detected by the schema check and moved aside with it", () => {
    const { services } = storeWithDraft(path.join(temp.dir, 'ours'), '我们的');
    services.close();
    const otherFile = path.join(temp.dir, 'other.db');
    const other = new BetterSqlite3(otherFile);
    other.pragma('journal_mode = WAL');
    other.pragma('wal_autocheckpoint = 0');
    other.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('别的程序');");
    const dataDir = path.join(temp.dir, 'ours');
    copyFileSync(`${otherFile}-wal`, path.join(dataDir, `${DB_FILE}-wal`));
    other.close();
    const before = snapshot(dataDir);
    expect(checkDatabaseFile(path.join(dataDir, DB_FILE))).toMatchObject({ ok: false });
    const reopened = openServices({ dataDir, mode: 'test' });
    expectMovedAsideIntact(reopened, before);
    reopened.close();
  });
});
