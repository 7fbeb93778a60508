/**
 * Issue 10 §1–§4, one test per observation made from outside: the start-up check lets SQLite
 * decide what is corrupt, never moves a store another process holds, never starts empty in silence
 * where backups exist, and keeps damage inside one draft inside that draft.
 * (§5, a failed checkpoint at shutdown on a really full disk, is in durability/diskFullRestart.test.ts;
 * random concurrent starts and kills are in durability/concurrentStarts.test.ts.)
 */
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, readSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCliServices } from '../../../electron/cli/openCliServices';
import { runCli } from '../../../electron/cli/run';
import { DATA_DIR_IN_USE } from '../../../electron/services/db/dataDirLock';
import { IN_USE_WHILE_DAMAGED } from '../../../electron/services/backup/openStore';
import { openServices } from '../../../electron/services/index';
import type { DraftSummary } from '../../../shared/ipc/contract';
import { dispatch } from '../../../shared/ipc/dispatch';
import { makeTempDir } from '../../support/tempStore';
import { DB_FILE, projectName, storeWithDraft } from './helpers';

const PARAGRAPH = '本项目围绕干旱区节水灌溉关键技术开展研究，建立墒情监测网络与智能决策模型，形成可推广的技术规程。';

async function shenbao(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {} }, (dir) => openCliServices(dir, (t) => (stderr += t)));
  return { code, stdout, stderr };
}

/** The newest image of database page `pgno` in the WAL (frames of the current generation only). */
function lastWalImage(walFile: string, pgno: number): Buffer {
  const wal = readFileSync(walFile);
  const pageSize = wal.readUInt32BE(8);
  const salts = wal.subarray(16, 24);
  let found: Buffer | undefined;
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
    if (!wal.subarray(at + 8, at + 16).equals(salts)) break;
    if (wal.readUInt32BE(at) === pgno) found = Buffer.from(wal.subarray(at + 24, at + 24 + pageSize));
  }
  if (!found) throw new Error(`page ${pgno} is not in the WAL`);
  return found;
}

function readHeader(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const header = Buffer.alloc(100);
    readSync(fd, header, 0, 100, 0);
    return header;
  } finally {
    closeSync(fd);
  }
}

describe('§1 SQLite decides what is corrupt', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (temp = makeTempDir()));
  afterEach(() => temp.cleanup());

  it('a checkpoint cut short while the store grew (header claims more pages than the file has) is healthy: nothing moved, every save there', () => {
    const live = path.join(temp.dir, 'live');
    const { services, id } = storeWithDraft(live, '写回一半');
    services.db.pragma('wal_autocheckpoint = 0');
    services.db.pragma('wal_checkpoint(TRUNCATE)');
    // The store grows inside the WAL only: the database file keeps its old length.
    let revision = services.drafts.get(id).revision;
    for (let i = 0; i < 40; i++) {
      revision = services.drafts.save({ id, baseRevision: revision, patch: { values: { 'project.name': `第${i + 1}次保存`, 'project.summary': `${i}${PARAGRAPH.repeat(60)}` } } }).revision;
    }
    const crashed = path.join(temp.dir, 'crashed');
    mkdirSync(crashed);
    for (const suffix of ['', '-wal']) copyFileSync(path.join(live, `${DB_FILE}${suffix}`), path.join(crashed, `${DB_FILE}${suffix}`));
    services.close();

    // A checkpoint copies page 1 first; killed right after, the file's header already describes the
    // grown database while the file still has its old length. The WAL holds everything.
    const file = path.join(crashed, DB_FILE);
    const page1 = lastWalImage(`${file}-wal`, 1);
    const fd = openSync(file, 'r+');
    writeSync(fd, page1, 0, page1.length, 0);
    closeSync(fd);
    const header = readHeader(file);
    const pageSize = header.readUInt16BE(16);
    const claimedPages = header.readUInt32BE(28);
    // Exactly what the old hand-made check called 「已被截断」 and moved aside.
    expect(header.readUInt32BE(92)).toBe(header.readUInt32BE(24));
    expect(claimedPages * pageSize).toBeGreaterThan(statSync(file).size);

    const reopened = openServices({ dataDir: crashed, mode: 'test' });
    expect(reopened.backups.pendingRecovery()).toBeNull();
    expect(existsSync(path.join(crashed, 'corrupt'))).toBe(false);
    expect(projectName(reopened, id)).toBe('第40次保存');
    expect(reopened.drafts.get(id).revision).toBe(revision);
    expect(reopened.db.pragma('integrity_check', { simple: true })).toBe('ok');
    reopened.close();
  });

  it('an unreadable store is an I/O error, not corruption: the start is refused in Chinese and nothing is moved', () => {
    const { services } = storeWithDraft(temp.dir, '读不了');
    services.close();
    const file = path.join(temp.dir, DB_FILE);
    // A directory where the file should be: SQLite cannot open it at all (SQLITE_CANTOPEN).
    renameSync(file, `${file}.real`);
    mkdirSync(file);
    expect(() => openServices({ dataDir: temp.dir, mode: 'test' })).toThrow(/数据文件未被移动或修改/);
    expect(existsSync(path.join(temp.dir, 'corrupt'))).toBe(false);
    expect(statSync(file).isDirectory()).toBe(true);
  });
});

describe('§2 a store another live process holds is never moved', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (temp = makeTempDir()));
  afterEach(() => temp.cleanup());

  it('a second start that finds the store damaged while the first still holds the data dir refuses and moves nothing; once the first is gone, it moves', () => {
    const { services: first } = storeWithDraft(temp.dir, '仍在使用');
    first.backups.create('manual');
    const file = path.join(temp.dir, DB_FILE);
    // The first keeps its open file; the name now leads to something that is no database (with an
    // empty WAL, so nothing of the first's store shows through it).
    first.db.pragma('wal_checkpoint(TRUNCATE)');
    const garbage = Buffer.from('这不是数据库'.repeat(200));
    writeFileSync(`${file}.new`, garbage);
    renameSync(`${file}.new`, file);

    expect(() => openServices({ dataDir: temp.dir, mode: 'cli' })).toThrow(IN_USE_WHILE_DAMAGED);
    expect(IN_USE_WHILE_DAMAGED).toContain('数据目录正被申报通使用');
    expect(readFileSync(file).equals(garbage)).toBe(true);
    expect(existsSync(path.join(temp.dir, 'corrupt'))).toBe(false);

    first.close();
    const second = openServices({ dataDir: temp.dir, mode: 'cli' });
    const recovery = second.backups.pendingRecovery();
    expect(recovery).toMatchObject({ kind: 'not_sqlite', latestBackup: { verified: true } });
    expect(readFileSync(path.join(recovery!.movedAsideTo!, DB_FILE)).equals(garbage)).toBe(true);
    second.close();
  });

  it('healthy stores are shared: the CLI and a second host open beside a running host and see its saves', () => {
    const { services: host, id } = storeWithDraft(temp.dir, '共享');
    const cli = openServices({ dataDir: temp.dir, mode: 'cli' });
    const web = openServices({ dataDir: temp.dir, mode: 'web' });
    host.drafts.rename({ id, title: '主程序改的名' });
    expect(projectName(cli, id)).toBe('主程序改的名');
    expect(projectName(web, id)).toBe('主程序改的名');
    for (const s of [cli, web, host]) s.close();
  });

  it('the in-use message is Chinese and names the way out', () => {
    expect(DATA_DIR_IN_USE).toMatch(/^数据目录正被申报通使用/);
    expect(DATA_DIR_IN_USE).toContain('请先关闭它');
  });
});

describe('§3 a missing or 0-byte store where backups exist', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (temp = makeTempDir()));
  afterEach(() => temp.cleanup());

  function usedDataDir(): { id: string; backup: string } {
    const { services, id } = storeWithDraft(temp.dir, '备份里的');
    const backup = services.backups.create('manual').name;
    services.close();
    return { id, backup };
  }

  for (const [label, damage] of [
    ['0 bytes', (file: string) => writeFileSync(file, '')],
    ['missing', (file: string) => renameSync(file, `${file}.gone`)],
  ] as const) {
    it(`${label}: the user is told and the latest verified backup offered, at every start until decided`, async () => {
      const { id, backup } = usedDataDir();
      damage(path.join(temp.dir, DB_FILE));
      const services = openServices({ dataDir: temp.dir, mode: 'test' });
      const recovery = services.backups.pendingRecovery();
      expect(recovery).toMatchObject({ kind: 'missing', movedAsideTo: null, latestBackup: { name: backup, verified: true } });
      expect(recovery!.reason).toMatch(/数据文件（shenbao\.db）/);
      expect(await dispatch(services.handlers, 'backupStartupState', {})).toMatchObject({ ok: true, data: { recovery: { kind: 'missing' } } });
      services.close();
      // The CLI says it too, whatever the command.
      const listed = await shenbao(['drafts', 'list', '--data-dir', temp.dir]);
      expect(listed.stderr).toContain('现在使用的是一个空白数据文件');
      expect(listed.stderr).toContain('shenbao backup restore --latest');
      const restored = await shenbao(['backup', 'restore', '--latest', '--data-dir', temp.dir]);
      expect(restored.code).toBe(0);
      const after = openServices({ dataDir: temp.dir, mode: 'test' });
      expect(projectName(after, id)).toBe('备份里的');
      expect(after.backups.pendingRecovery()).toBeNull();
      after.close();
    });
  }

  it('missing while another process still holds the data dir: refused, nothing created in its place', () => {
    const { services: host } = storeWithDraft(temp.dir, '仍在使用');
    host.backups.create('manual');
    const file = path.join(temp.dir, DB_FILE);
    renameSync(file, `${file}.elsewhere`);
    expect(() => openServices({ dataDir: temp.dir, mode: 'cli' })).toThrow(IN_USE_WHILE_DAMAGED);
    expect(existsSync(file)).toBe(false);
    expect(existsSync(path.join(temp.dir, 'corrupt'))).toBe(false);
    host.close();
  });

  it('a first start (no store, no backups, nothing else) is just that: no notice', () => {
    const services = openServices({ dataDir: path.join(temp.dir, 'fresh'), mode: 'test' });
    expect(services.backups.pendingRecovery()).toBeNull();
    expect(services.drafts.list({})).toEqual([]);
    services.close();
  });
});

describe('§4 damage inside one draft stays inside that draft', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (temp = makeTempDir()));
  afterEach(() => temp.cleanup());

  /** Two drafts; the second's stored row then gets one bad byte (its revisions keep their own copies). */
  function storeWithOneDamagedDraft(damage: (doc: string) => string): { good: string; bad: string; badRevision: number } {
    const { services, id: good } = storeWithDraft(temp.dir, '完好的草稿');
    const bad = services.drafts.create({ title: '会损坏的草稿' }).draft.id;
    const badRevision = services.drafts.save({ id: bad, baseRevision: 1, patch: { values: { 'project.summary': PARAGRAPH } } }).revision;
    services.close();
    const db = new BetterSqlite3(path.join(temp.dir, DB_FILE));
    const { doc } = db.prepare<[string], { doc: string }>('SELECT doc FROM drafts WHERE id = ?').get(bad)!;
    const damaged = damage(doc);
    expect(Buffer.byteLength(damaged)).toBe(Buffer.byteLength(doc));
    // The bytes change under SQLite's feet, as a bad sector would change them: no constraint is asked.
    db.pragma('ignore_check_constraints = ON');
    db.prepare('UPDATE drafts SET doc = ? WHERE id = ?').run(damaged, bad);
    db.close();
    return { good, bad, badRevision };
  }

  /**
   * One byte flipped in the file itself, inside the draft row's JSON (not its revisions' copies), as
   * a bad sector would flip it. Which copy comes first in the file is SQLite's business: each
   * candidate is tried and kept only if it hit the draft row.
   */
  function flipByteInDraftRow(bad: string): void {
    const file = path.join(temp.dir, DB_FILE);
    const original = readFileSync(file);
    const needle = Buffer.from(`"${PARAGRAPH.slice(0, 8)}`);
    for (let at = original.indexOf(needle); at >= 0; at = original.indexOf(needle, at + 1)) {
      const bytes = Buffer.from(original);
      bytes[at] = 0x78; // the opening quote of the summary becomes "x": no longer JSON
      writeFileSync(file, bytes);
      const db = new BetterSqlite3(file, { readonly: true });
      const rowBroken = db.prepare<[string], { ok: number }>('SELECT json_valid(doc) AS ok FROM drafts WHERE id = ?').get(bad)?.ok === 0;
      const revisionsIntact = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM revisions WHERE NOT json_valid(doc)').get()?.n === 0;
      db.close();
      if (rowBroken && revisionsIntact) return;
    }
    writeFileSync(file, original);
    throw new Error('the draft row was not found in the file');
  }

  it('a byte flipped in the file inside one draft: the store is not moved, only that draft is 已损坏', async () => {
    const { good, bad } = storeWithOneDamagedDraft((doc) => doc);
    flipByteInDraftRow(bad);
    const services = openServices({ dataDir: temp.dir, mode: 'test' });
    expect(services.backups.pendingRecovery()).toBeNull();
    expect(existsSync(path.join(temp.dir, 'corrupt'))).toBe(false);
    const listed = services.drafts.list({});
    expect(listed.find((d) => d.id === bad)?.damage).toBe('存储的内容不是完整的 JSON');
    expect(listed.find((d) => d.id === good)?.damage).toBeUndefined();
    expect((await dispatch(services.handlers, 'draftsRecover', { id: bad })).ok).toBe(true);
    expect(services.drafts.get(bad).draft.values['project.summary']).toBe(PARAGRAPH);
    services.close();
  });

  const damages: [string, (doc: string) => string][] = [
    // "status":"editing" → xstatus":"editing": no longer JSON at all (quick_check reports the CHECK).
    ['a byte that breaks the JSON', (doc) => doc.replace('"status"', 'x"tatus"')],
    // "editing" → "edhting": still JSON, no longer a draft.
    ['a byte that keeps JSON but breaks the draft', (doc) => doc.replace('"editing"', '"edhting"')],
  ];

  for (const [label, damage] of damages) {
    it(`${label}: only that draft is 已损坏, the list works everywhere, recovery from its own revisions`, async () => {
      const { good, bad, badRevision } = storeWithOneDamagedDraft(damage);
      const services = openServices({ dataDir: temp.dir, mode: 'test' });
      // Not a reason to take the store away.
      expect(services.backups.pendingRecovery()).toBeNull();
      expect(existsSync(path.join(temp.dir, 'corrupt'))).toBe(false);

      const listed = await dispatch(services.handlers, 'draftsList', {});
      expect(listed.ok).toBe(true);
      const rows = (listed.ok ? listed.data : []) as DraftSummary[];
      expect(rows.find((d) => d.id === good)?.damage).toBeUndefined();
      expect(rows.find((d) => d.id === good)?.title).toBe('完好的草稿');
      expect(rows.find((d) => d.id === bad)?.damage).toMatch(/^存储的内容/);
      expect(services.drafts.get(good).draft.values['project.name']).toBe('完好的草稿');
      const opened = await dispatch(services.handlers, 'draftsGet', { id: bad });
      expect(opened).toMatchObject({ ok: false, error: { code: 'corrupt_file' } });
      expect(!opened.ok && opened.error.message).toMatch(/已损坏.*其他草稿不受影响.*恢复到最近完好的版本/);
      // Saving into the damaged draft is refused with the same words, not an internal error.
      const save = await dispatch(services.handlers, 'draftsSave', { id: bad, baseRevision: badRevision, patch: { values: { x: 1 } } });
      expect(save).toMatchObject({ ok: false, error: { code: 'corrupt_file' } });

      // A backup taken now is not 完好, and restore refuses it by the same verdict.
      const backup = services.backups.create('manual');
      expect(backup.verified).toBe(false);
      expect(services.backups.list().find((b) => b.name === backup.name)?.verified).toBe(false);
      expect(() => services.backups.restore(backup.name)).toThrow(/所选备份已损坏（草稿 .* 存储的内容.*未做任何更改/);
      services.close();

      const cliList = await shenbao(['drafts', 'list', '--data-dir', temp.dir]);
      expect(cliList.code).toBe(0);
      expect(cliList.stdout).toMatch(new RegExp(`${bad}\\s+已损坏`));
      expect(cliList.stdout).toMatch(new RegExp(`${good}\\s+编辑中`));
      const cliBackups = await shenbao(['backup', 'list', '--data-dir', temp.dir]);
      expect(cliBackups.stdout).toMatch(new RegExp(`${backup.name.replaceAll('.', '\\.')}.*已损坏`));
      // Every backup here holds the damaged draft (the daily one too): --latest finds none 完好, as the list says.
      const latest = await shenbao(['backup', 'restore', '--latest', '--data-dir', temp.dir]);
      expect(latest.code).not.toBe(0);
      expect(latest.stderr).toContain('没有可用的完好备份');

      const recovered = await shenbao(['drafts', 'recover', bad, '--data-dir', temp.dir]);
      expect(recovered).toMatchObject({ code: 0 });
      expect(recovered.stdout).toMatch(/已恢复到第 \d+ 版的内容/);
    });
  }

  it('drafts checked against each other (cross-draft rules, export) still work beside a damaged one', async () => {
    const guideline = { packId: 'shuimogou-2020', packVersion: '1.0.0', programId: 'huimin', directionPath: [], documentType: 'application' as const };
    const setup = openServices({ dataDir: temp.dir, mode: 'test' });
    const good = setup.drafts.create({ title: '完好的', guideline }).draft.id;
    const bad = setup.drafts.create({ title: '会损坏的', guideline }).draft.id;
    setup.close();
    const db = new BetterSqlite3(path.join(temp.dir, DB_FILE));
    const { doc } = db.prepare<[string], { doc: string }>('SELECT doc FROM drafts WHERE id = ?').get(bad)!;
    db.prepare('UPDATE drafts SET doc = ? WHERE id = ?').run(doc.replace('"editing"', '"edhting"'), bad);
    db.close();
    const services = openServices({ dataDir: temp.dir, mode: 'test' });
    expect(services.drafts.list({}).find((d) => d.id === bad)?.damage).toBeDefined();
    expect(await dispatch(services.handlers, 'draftsValidate', { id: good })).toMatchObject({ ok: true });
    expect(await dispatch(services.handlers, 'exportBlockers', { id: good })).toMatchObject({ ok: true });
    services.close();
  });

  it('恢复到最近完好的版本 brings back the newest revision that reads back whole, as a new revision', async () => {
    const { bad, badRevision } = storeWithOneDamagedDraft((doc) => doc.replace('"editing"', '"edhting"'));
    const services = openServices({ dataDir: temp.dir, mode: 'test' });
    const result = await dispatch(services.handlers, 'draftsRecover', { id: bad });
    expect(result).toMatchObject({ ok: true, data: { restoredRevision: badRevision, revision: badRevision + 1 } });
    const stored = services.drafts.get(bad);
    expect(stored.draft.values['project.summary']).toBe(PARAGRAPH);
    expect(services.drafts.list({}).every((d) => d.damage === undefined)).toBe(true);
    // A healthy draft is not "recovered".
    expect(await dispatch(services.handlers, 'draftsRecover', { id: bad })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(services.backups.create('manual').verified).toBe(true);
    services.close();
  });
});

describe('§1 with §2: the CLI never moves a store while a host holds it', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (temp = makeTempDir()));
  afterEach(() => temp.cleanup());

  it('the real CLI refuses with 数据目录正被申报通使用 while the host holds a store that looks damaged', async () => {
    const { services: host } = storeWithDraft(temp.dir, '主程序');
    const file = path.join(temp.dir, DB_FILE);
    host.db.pragma('wal_checkpoint(TRUNCATE)');
    writeFileSync(`${file}.new`, 'x'.repeat(8192));
    renameSync(`${file}.new`, file);
    const run = await shenbao(['drafts', 'list', '--data-dir', temp.dir]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('数据目录正被申报通使用');
    expect(existsSync(path.join(temp.dir, 'corrupt'))).toBe(false);
    host.close();
  });
});

