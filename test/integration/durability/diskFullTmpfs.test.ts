/**
 * Issue 6 §Durability 2 on a really full disk: the data dir and the export targets live on an
 * 8 MB tmpfs that a ballast file fills to the last byte (ENOSPC from the kernel, SQLITE_FULL from
 * SQLite). Saves, attachments, the package job, saving the package to a chosen file and the CLI's
 * DOCX export all fail with a Chinese message and leave no partial or temp file, the old target
 * intact; once the ballast is deleted, each succeeds. Needs root with CAP_SYS_ADMIN (mount); where
 * that is missing (CI containers) the file prints one line saying why it is skipped.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import { openServices, type Services } from '../../../electron/services/index';
import { exportsDirOf } from '../../../electron/services/export/orchestrate/exportsDir';
import { TEMP_JOURNAL_DIR } from '../../../electron/services/fs/strayTemps';
import { dispatch } from '../../../shared/ipc/dispatch';
import { draftFileWithAttachments } from '../cli/exportFixture';
import { FIXTURE_DAY, seedFixture } from '../package/packageFixture';
import { fixedPdfPrinter } from './exportCrashPrinter';
import { attachmentBytesFor } from '../../support/attachmentBytes';

const root = mkdtempSync(path.join(os.tmpdir(), 'shenbao-full-tmpfs-'));
const mnt = path.join(root, 'mnt');
mkdirSync(mnt);

/** Mounted at collection time so the skip is decided (and said) before any test runs. */
function tryMount(): string | null {
  if (process.platform !== 'linux') return `不是 Linux（${process.platform}）`;
  if (process.getuid?.() !== 0) return '不是 root';
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=8m,mode=0700', 'tmpfs', mnt], { encoding: 'utf8' });
  return r.status === 0 ? null : `mount 失败（${(r.stderr || r.error?.message || '').trim() || `退出码 ${r.status}`}），容器可能缺少 CAP_SYS_ADMIN`;
}
const whyNot = tryMount();
if (whyNot) process.stdout.write(`[diskFullTmpfs] 跳过真实磁盘已满测试：${whyNot}\n`);

const STORAGE_FULL = '磁盘空间不足，保存失败；您的修改仍保留在编辑器中';
const BALLAST = path.join(mnt, 'ballast.bin');

/** Writes until the kernel says ENOSPC: the file system has no byte left. */
function fillDisk(): void {
  const fd = openSync(BALLAST, 'a');
  const chunk = Buffer.alloc(64 * 1024, 0x5a);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (e) {
    expect((e as NodeJS.ErrnoException).code).toBe('ENOSPC');
  } finally {
    closeSync(fd);
  }
  // The last partial block too.
  const small = openSync(BALLAST, 'a');
  try {
    for (;;) writeSync(small, Buffer.alloc(512, 0x5a));
  } catch {
    // full to the block
  } finally {
    closeSync(small);
  }
}

const freeDisk = (): void => unlinkSync(BALLAST);

const tempsIn = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.tmp')) : []);

describe.skipIf(whyNot !== null)('a really full disk (tmpfs)', () => {
  const dataDir = path.join(mnt, 'data');
  const outDir = path.join(mnt, 'out');
  const savedPackage = path.join(outDir, '申报包.zip');
  let services: Services;
  let draftId: string;
  let readyId: string;

  beforeAll(async () => {
    mkdirSync(outDir);
    services = openServices({ dataDir, mode: 'test', now: () => FIXTURE_DAY, printer: fixedPdfPrinter, chooseSavePath: async () => savedPackage });
    readyId = await seedFixture(services);
    draftId = (await services.handlers.draftsCreate({ title: '磁盘已满' })).draft.id;
    // An old package at the chosen target: a failed save must leave it byte for byte.
    const { jobId } = services.exports.startPackage(readyId);
    expect(await services.exports.settled(jobId)).toMatchObject({ state: 'done' });
    await services.exports.save(jobId);
  }, 60_000);

  afterAll(() => {
    services?.close();
    spawnSync('umount', [mnt]);
    rmSync(root, { recursive: true, force: true });
  });

  it('a save fails with storage_full, the draft stays the previous revision, integrity holds; after space returns it succeeds', async () => {
    const before = services.drafts.get(draftId);
    // Start from an empty WAL so the save must grow a file (a WAL with room would take it, rightly).
    services.db.pragma('wal_checkpoint(TRUNCATE)');
    fillDisk();
    const patch = { values: { summary: '满盘时的修改'.repeat(3000) } };
    const failed = await dispatch(services.handlers, 'draftsSave', { id: draftId, baseRevision: before.revision, patch });
    expect(failed).toEqual({ ok: false, error: { code: 'storage_full', message: STORAGE_FULL } });
    expect(services.drafts.get(draftId)).toEqual(before);

    freeDisk();
    expect(services.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const saved = await services.handlers.draftsSave({ id: draftId, baseRevision: before.revision, patch });
    expect(saved.revision).toBe(before.revision + 1);
    expect(services.drafts.get(draftId).draft.values['summary']).toBe(patch.values.summary);
  });

  it('adding an attachment fails with storage_full and leaves no temp file; after space returns it is stored', async () => {
    fillDisk();
    const bytes = attachmentBytesFor('满盘附件.pdf', '满盘', 256 * 1024);
    const input = { name: '满盘附件.pdf', mediaType: 'application/pdf', dataBase64: bytes.toString('base64') };
    const failed = await dispatch(services.handlers, 'attachmentsPut', input);
    expect(failed).toEqual({ ok: false, error: { code: 'storage_full', message: STORAGE_FULL } });
    expect(tempsIn(path.join(dataDir, 'attachments', '.tmp'))).toEqual([]);
    freeDisk();
    const stored = await dispatch(services.handlers, 'attachmentsPut', input);
    expect(stored.ok).toBe(true);
  });

  it('the package job fails cleanly (no file in exports/), then succeeds', async () => {
    const exportsBefore = readdirSync(exportsDirOf(dataDir)).sort();
    fillDisk();
    const { jobId } = services.exports.startPackage(readyId);
    const status = await services.exports.settled(jobId);
    expect(status).toMatchObject({ state: 'failed', error: '磁盘空间不足，申报包未生成' });
    expect(readdirSync(exportsDirOf(dataDir)).sort()).toEqual(exportsBefore);
    freeDisk();
    const again = services.exports.startPackage(readyId);
    expect(await services.exports.settled(again.jobId)).toMatchObject({ state: 'done' });
  });

  it('saving a package over an old file fails with a Chinese message, the old file intact and no temp left; then succeeds', async () => {
    const old = readFileSync(savedPackage);
    const { jobId } = services.exports.startPackage(readyId);
    expect(await services.exports.settled(jobId)).toMatchObject({ state: 'done' });
    fillDisk();
    const failed = await dispatch(services.handlers, 'exportJobSave', { jobId });
    expect(failed.ok).toBe(false);
    expect(!failed.ok && failed.error.message).toMatch(/^磁盘空间不足/);
    expect(readFileSync(savedPackage).equals(old)).toBe(true);
    expect(tempsIn(outDir)).toEqual([]);
    expect(existsSync(path.join(dataDir, TEMP_JOURNAL_DIR)) ? readdirSync(path.join(dataDir, TEMP_JOURNAL_DIR)) : []).toEqual([]);
    freeDisk();
    expect(await dispatch(services.handlers, 'exportJobSave', { jobId })).toMatchObject({ ok: true, data: { saved: true } });
    expect(readFileSync(savedPackage).equals(old)).toBe(false);
  });

  it('the CLI DOCX export onto a full disk says so in Chinese and keeps the old file; then succeeds', async () => {
    // The CLI's own data dir is on the normal disk: only the output is starved.
    const cliData = path.join(root, 'cli-data');
    const draftFile = await draftFileWithAttachments(cliData, path.join(root, 'draft.json'));
    const stderr: string[] = [];
    const io = { stdout: () => undefined, stderr: (t: string) => void stderr.push(t), env: {} };
    const run = () => runCli(['export', draftFile, '--out', outDir, '--docx', '--data-dir', cliData], io, (dir) => openServices({ dataDir: dir, mode: 'cli' }));
    expect(await run()).toBe(0);
    const docx = readdirSync(outDir).find((n) => n.endsWith('.docx'))!;
    const old = readFileSync(path.join(outDir, docx));
    fillDisk();
    expect(await run()).not.toBe(0);
    expect(stderr.join('')).toMatch(/磁盘空间不足，导出文件未写入；原有文件保持不变/);
    expect(readFileSync(path.join(outDir, docx)).equals(old)).toBe(true);
    expect(tempsIn(outDir)).toEqual([]);
    freeDisk();
    expect(await run()).toBe(0);
  });
});
