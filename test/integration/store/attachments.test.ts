import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, readdirSync, readFileSync, statSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../../electron/services/index';
import { AppError } from '../../../shared/ipc/errors';
import { makeTempDir } from '../../support/tempStore';

const sha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected a rejection');
}

describe('attachment store', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let services: Services;

  beforeEach(() => {
    temp = makeTempDir();
    services = openServices({ dataDir: path.join(temp.dir, 'data'), mode: 'test' });
  });
  afterEach(() => {
    services.close();
    temp.cleanup();
  });

  it('stores a buffer under attachments/<aa>/<sha256> and records its metadata', async () => {
    const content = Buffer.from('营业执照副本扫描件');
    const info = await services.attachments.putFile(content, { name: '营业执照.pdf', mediaType: 'application/pdf' });
    expect(info).toMatchObject({ sha256: sha(content), size: content.length, mediaType: 'application/pdf', firstName: '营业执照.pdf' });
    const file = services.attachments.path(info.sha256);
    expect(file).toBe(path.join(services.dataDir, 'attachments', info.sha256.slice(0, 2), info.sha256));
    expect(readFileSync(file)).toEqual(content);
    expect(await services.attachments.verify(info.sha256)).toEqual({ sha256: info.sha256, size: content.length });
    const chunks: Buffer[] = [];
    for await (const chunk of services.attachments.open(info.sha256)) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks)).toEqual(content);
  });

  it('stores identical content once, keeps the first name, and never uses names as paths', async () => {
    const content = randomBytes(1000);
    const a = await services.attachments.putFile(content, { name: '../../evil.pdf' });
    const b = await services.attachments.putFile(content, { name: 'other.pdf' });
    expect(b.sha256).toBe(a.sha256);
    expect(b.firstName).toBe('../../evil.pdf');
    expect(existsSync(path.join(services.dataDir, 'evil.pdf'))).toBe(false);
    expect(services.db.prepare('SELECT count(*) AS n FROM attachments').get()).toEqual({ n: 1 });
  });

  it('copies from a path and leaves no temp files behind', async () => {
    const src = path.join(temp.dir, '合作协议.docx');
    writeFileSync(src, randomBytes(10_000));
    const info = await services.attachments.putFile(src);
    expect(info.firstName).toBe('合作协议.docx');
    expect(readFileSync(services.attachments.path(info.sha256))).toEqual(readFileSync(src));
    const tmp = path.join(services.attachments.root, '.tmp');
    expect(existsSync(tmp) ? readdirSync(tmp) : []).toEqual([]);
  });

  it('reports a missing source file by name', async () => {
    const e = await rejection(services.attachments.putFile(path.join(temp.dir, '不存在.pdf')));
    expect(e).toMatchObject({ code: 'not_found', message: '找不到要添加的文件「不存在.pdf」' });
  });

  it('detects an altered file and names it', async () => {
    const info = await services.attachments.putFile(Buffer.from('原始内容'), { name: '财务报表.xlsx' });
    writeFileSync(services.attachments.path(info.sha256), '被改过的内容');
    const e = await rejection(services.attachments.verify(info.sha256));
    expect(e.code).toBe('corrupt_file');
    expect(e.message).toContain('附件文件已被改动或损坏：「财务报表.xlsx」');
  });

  it('detects a truncated file', async () => {
    const info = await services.attachments.putFile(randomBytes(4096), { name: '证书.jpg' });
    truncateSync(services.attachments.path(info.sha256), 100);
    expect((await rejection(services.attachments.verify(info.sha256))).message).toContain('「证书.jpg」');
  });

  it('detects a missing file and names it', async () => {
    const info = await services.attachments.putFile(Buffer.from('承诺书'), { name: '承诺书.pdf' });
    unlinkSync(services.attachments.path(info.sha256));
    const e = await rejection(services.attachments.verify(info.sha256));
    expect(e.code).toBe('not_found');
    expect(e.message).toContain('附件文件缺失：「承诺书.pdf」');
  });

  it('heals a damaged copy when the same content is added again', async () => {
    const content = Buffer.from('专利证书');
    const info = await services.attachments.putFile(content, { name: '专利证书.pdf' });
    writeFileSync(services.attachments.path(info.sha256), '坏了');
    await services.attachments.putFile(content, { name: '专利证书.pdf' });
    expect(await services.attachments.verify(info.sha256)).toEqual({ sha256: info.sha256, size: content.length });
  });

  it('refuses a malformed hash before building any path', () => {
    expect(() => services.attachments.path('../../shenbao.db')).toThrow(AppError);
    expect(() => services.attachments.path('A'.repeat(64))).toThrow(/64 位小写十六进制/);
  });

  it('streams a 100 MB file with bounded memory', async () => {
    const src = path.join(temp.dir, 'big.bin');
    const hash = createHash('sha256');
    const out = createWriteStream(src);
    const chunk = randomBytes(1024 * 1024);
    for (let i = 0; i < 100; i++) {
      chunk[0] = i; // every MiB differs
      hash.update(chunk);
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'close');
    const expected = hash.digest('hex');

    global.gc?.();
    const baseline = process.memoryUsage();
    let peakRss = baseline.rss;
    let peakBuffers = baseline.arrayBuffers;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakBuffers = Math.max(peakBuffers, m.arrayBuffers);
    }, 2);
    const info = await services.attachments.putFile(src, { name: '设备清单.bin' });
    await services.attachments.verify(info.sha256);
    clearInterval(sampler);

    expect(info.sha256).toBe(expected);
    expect(info.size).toBe(100 * 1024 * 1024);
    expect(statSync(services.attachments.path(info.sha256)).size).toBe(100 * 1024 * 1024);
    // Loading the file would hold ≥ 100 MB at once; streaming holds 64 KiB chunks plus garbage awaiting GC.
    expect(peakBuffers - baseline.arrayBuffers).toBeLessThan(48 * 1024 * 1024);
    expect(peakRss - baseline.rss).toBeLessThan(64 * 1024 * 1024);
  });
});
