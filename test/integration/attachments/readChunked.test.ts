import { randomBytes } from 'node:crypto';
import { truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../../electron/services/index';
import { AppError } from '../../../shared/ipc/errors';
import { makeTempDir } from '../../support/tempStore';

/**
 * The package's read of an attachment: the file through a few reused buffers, several reads
 * ahead, hashed on the way, failing by name exactly as the store's stream does.
 */
describe('attachments.readChunked', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let services: Services;
  beforeEach(() => {
    temp = makeTempDir('shenbao-chunked-');
    services = openServices({ dataDir: path.join(temp.dir, 'data'), mode: 'test' });
  });
  afterEach(() => {
    services.close();
    temp.cleanup();
  });

  const buffers = (n: number, size: number): Buffer[] => Array.from({ length: n }, () => Buffer.alloc(size));

  it('hands over the file in order through the reused buffers, even when consumers finish out of order', async () => {
    const content = randomBytes(10 * 4096 + 123);
    const info = await services.attachments.putFile(content, { name: '财务报表.pdf' });
    const pool = buffers(3, 4096);
    const copied: Buffer[] = [];
    let busy = 0;
    let mostBusy = 0;
    const total = await services.attachments.readChunked(info.sha256, { name: '财务报表.pdf', buffers: pool }, async (chunk) => {
      expect(pool.some((b) => b.buffer === chunk.buffer && b.byteOffset === chunk.byteOffset)).toBe(true);
      // A copy now: the buffer is refilled once this consumer answers.
      copied.push(Buffer.from(chunk));
      busy++;
      mostBusy = Math.max(mostBusy, busy);
      // Later chunks sometimes finish before earlier ones.
      await sleep(copied.length % 2 === 0 ? 1 : 8);
      busy--;
    });
    expect(total).toBe(content.length);
    expect(Buffer.concat(copied).equals(content)).toBe(true);
    // Several chunks were in the consumers' hands at once, never more than there are buffers.
    expect(mostBusy).toBeGreaterThan(1);
    expect(mostBusy).toBeLessThanOrEqual(3);
  });

  it('reads an empty file and a file exactly filling the buffers', async () => {
    for (const size of [0, 3 * 4096]) {
      const content = randomBytes(size);
      const info = await services.attachments.putFile(content, { name: `空${size}.pdf` });
      const copied: Buffer[] = [];
      expect(await services.attachments.readChunked(info.sha256, { buffers: buffers(3, 4096) }, async (c) => void copied.push(Buffer.from(c)))).toBe(size);
      expect(Buffer.concat(copied).equals(content)).toBe(true);
    }
  });

  it('fails naming the attachment when the file was altered, truncated or removed', async () => {
    const rejection = (p: Promise<unknown>): Promise<AppError> => p.then(() => Promise.reject(new Error('expected a rejection')), (e: unknown) => e as AppError);
    const read = (sha256: string, name: string) => services.attachments.readChunked(sha256, { name, buffers: buffers(2, 1024) }, async () => undefined);

    const altered = await services.attachments.putFile(randomBytes(5000), { name: '合作协议.pdf' });
    writeFileSync(services.attachments.path(altered.sha256), randomBytes(5000));
    const e1 = await rejection(read(altered.sha256, '合作协议.pdf'));
    expect(e1).toBeInstanceOf(AppError);
    expect(e1).toMatchObject({ code: 'corrupt_file' });
    expect(e1.message).toContain('附件文件已被改动或损坏：「合作协议.pdf」');

    const truncated = await services.attachments.putFile(randomBytes(5000), { name: '证书.jpg' });
    truncateSync(services.attachments.path(truncated.sha256), 100);
    expect((await rejection(read(truncated.sha256, '证书.jpg'))).message).toContain('「证书.jpg」');

    const missing = await services.attachments.putFile(randomBytes(100), { name: '承诺书.pdf' });
    unlinkSync(services.attachments.path(missing.sha256));
    const e3 = await rejection(read(missing.sha256, '承诺书.pdf'));
    expect(e3).toMatchObject({ code: 'not_found' });
    expect(e3.message).toContain('附件文件缺失：「承诺书.pdf」');
  });

  it('a consumer that fails stops the read with its error, after every chunk in flight has settled', async () => {
    const info = await services.attachments.putFile(randomBytes(20 * 1024), { name: '图纸.pdf' });
    const stop = new Error('写入失败');
    let inHand = 0;
    let calls = 0;
    const error = await services.attachments
      .readChunked(info.sha256, { buffers: buffers(3, 1024) }, async () => {
        const call = ++calls;
        inHand++;
        await sleep(5);
        inHand--;
        if (call === 4) throw stop;
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toBe(stop);
    // Resolved only once no consumer still holds a buffer (the caller reuses them for the next file).
    expect(inHand).toBe(0);
    expect(calls).toBeLessThan(20);
  });
});
