/**
 * Issue 6 §Durability 2 with an injected failing writer, so it runs everywhere (CI containers
 * cannot mount the tmpfs of diskFullTmpfs.test.ts). `node:fs` is wrapped in this test only: writes
 * into a chosen directory take the first chunk and then fail with ENOSPC, exactly as a disk that
 * fills mid-write. Every file writer must report it in Chinese and leave no partial or temp file,
 * the old target intact; after "space returns" each write succeeds.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import { openServices, type Services } from '../../../electron/services/index';
import { exportsDirOf } from '../../../electron/services/export/orchestrate/exportsDir';
import { TEMP_JOURNAL_DIR } from '../../../electron/services/fs/strayTemps';
import { dispatch } from '../../../shared/ipc/dispatch';
import { draftFileWithAttachments } from '../cli/exportFixture';
import { FIXTURE_DAY, seedFixture } from '../package/packageFixture';
import { makeTempDir } from '../../support/tempStore';
import { fixedPdfPrinter } from './exportCrashPrinter';
import { attachmentBytesFor } from '../../support/attachmentBytes';

/** Writes under this directory fail after their first chunk; null means the disk has room. */
const full = vi.hoisted(() => ({ under: null as string | null }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const enospc = (): NodeJS.ErrnoException => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
  const starved = (file: unknown): boolean => full.under !== null && typeof file === 'string' && path.resolve(file).startsWith(full.under + path.sep);

  const createWriteStream = ((file: string, options?: never) => {
    const stream = fs.createWriteStream(file, options);
    if (!starved(file)) return stream;
    const write = stream._write.bind(stream);
    // Half of the first chunk reaches the disk, then the disk is full.
    (stream as { _writev?: unknown })._writev = undefined;
    stream._write = (chunk: Buffer, encoding, callback) => write(chunk.subarray(0, chunk.length >> 1), encoding, (e) => callback(e ?? enospc()));
    return stream;
  }) as typeof fs.createWriteStream;

  const open = (async (file: string, ...rest: never[]) => {
    const handle = await fs.promises.open(file, ...rest);
    if (!starved(file)) return handle;
    handle.writeFile = async (data: string | Uint8Array) => {
      const bytes = Buffer.from(data);
      await handle.write(bytes.subarray(0, bytes.length >> 1));
      throw enospc();
    };
    // The package's positional writes (handle.write(buffer, offset, length, position)): half of the first reaches the disk.
    const write = handle.write.bind(handle) as (buffer: Uint8Array, offset: number, length: number, position: number) => Promise<unknown>;
    handle.write = (async (buffer: Uint8Array, offset = 0, length = buffer.length - offset, position: number | null = null) => {
      await write(buffer, offset, length >> 1, position as number);
      throw enospc();
    }) as unknown as typeof handle.write;
    return handle;
  }) as typeof fs.promises.open;

  const promises = { ...fs.promises, open };
  return { ...fs, createWriteStream, promises, default: { ...fs, createWriteStream, promises } };
});

const tempsIn = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.tmp')) : []);

let temp: ReturnType<typeof makeTempDir>;
let dataDir: string;
let outDir: string;
let savedPackage: string;
let services: Services;
let readyId: string;

beforeAll(async () => {
  temp = makeTempDir('shenbao-full-writer-');
  dataDir = path.join(temp.dir, 'data');
  outDir = path.join(temp.dir, 'out');
  mkdirSync(outDir);
  savedPackage = path.join(outDir, '申报包.zip');
  services = openServices({ dataDir, mode: 'test', now: () => FIXTURE_DAY, printer: fixedPdfPrinter, chooseSavePath: async () => savedPackage });
  readyId = await seedFixture(services);
}, 60_000);

afterAll(() => {
  services?.close();
  temp?.cleanup();
});

beforeEach(() => {
  full.under = null;
});

describe('a disk that fills mid-write (injected ENOSPC)', () => {
  it('adding an attachment fails with storage_full, leaves no temp file and no record; then it is stored', async () => {
    const input = { name: '满盘附件.pdf', mediaType: 'application/pdf', dataBase64: attachmentBytesFor('满盘附件.pdf', '满盘', 512 * 1024).toString('base64') };
    full.under = path.join(dataDir, 'attachments');
    expect(await dispatch(services.handlers, 'attachmentsPut', input)).toEqual({
      ok: false,
      error: { code: 'storage_full', message: '磁盘空间不足，保存失败；您的修改仍保留在编辑器中' },
    });
    expect(tempsIn(path.join(dataDir, 'attachments', '.tmp'))).toEqual([]);
    full.under = null;
    expect(await dispatch(services.handlers, 'attachmentsPut', input)).toMatchObject({ ok: true });
  });

  it('the package job fails in Chinese with nothing left in exports/; then it succeeds', async () => {
    mkdirSync(exportsDirOf(dataDir), { recursive: true });
    const before = readdirSync(exportsDirOf(dataDir)).sort();
    full.under = exportsDirOf(dataDir);
    const failed = services.exports.startPackage(readyId);
    expect(await services.exports.settled(failed.jobId)).toMatchObject({ state: 'failed', error: '磁盘空间不足，申报包未生成' });
    expect(readdirSync(exportsDirOf(dataDir)).sort()).toEqual(before);
    full.under = null;
    const again = services.exports.startPackage(readyId);
    expect(await services.exports.settled(again.jobId)).toMatchObject({ state: 'done' });
  });

  it('saving a package over an old file fails in Chinese, the old file intact, no temp or journal marker left; then it succeeds', async () => {
    writeFileSync(savedPackage, 'an older package');
    const { jobId } = services.exports.startPackage(readyId);
    expect(await services.exports.settled(jobId)).toMatchObject({ state: 'done' });
    full.under = outDir;
    const failed = await dispatch(services.handlers, 'exportJobSave', { jobId });
    expect(failed).toMatchObject({ ok: false, error: { code: 'storage_full' } });
    expect(!failed.ok && failed.error.message).toMatch(/^磁盘空间不足，申报包「申报包\.zip」未写入；原有文件保持不变/);
    expect(readFileSync(savedPackage, 'utf8')).toBe('an older package');
    expect(tempsIn(outDir)).toEqual([]);
    expect(readdirSync(path.join(dataDir, TEMP_JOURNAL_DIR))).toEqual([]);
    full.under = null;
    expect(await dispatch(services.handlers, 'exportJobSave', { jobId })).toMatchObject({ ok: true, data: { saved: true } });
    expect(readFileSync(savedPackage).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('the CLI DOCX export says so in Chinese and keeps the old file; then it succeeds', async () => {
    const cliData = path.join(temp.dir, 'cli-data');
    const cliOut = path.join(temp.dir, 'cli-out');
    mkdirSync(cliOut);
    const draftFile = await draftFileWithAttachments(cliData, path.join(temp.dir, 'draft.json'));
    const stderr: string[] = [];
    const io = { stdout: () => undefined, stderr: (t: string) => void stderr.push(t), env: {} };
    const run = () => runCli(['export', draftFile, '--out', cliOut, '--docx', '--data-dir', cliData], io, (dir) => openServices({ dataDir: dir, mode: 'cli' }));
    expect(await run()).toBe(0);
    const docx = path.join(cliOut, readdirSync(cliOut).find((n) => n.endsWith('.docx'))!);
    const old = readFileSync(docx);
    full.under = cliOut;
    expect(await run()).not.toBe(0);
    expect(stderr.join('')).toContain('磁盘空间不足，导出文件未写入；原有文件保持不变');
    expect(readFileSync(docx).equals(old)).toBe(true);
    expect(tempsIn(cliOut)).toEqual([]);
    full.under = null;
    expect(await run()).toBe(0);
  });
});
