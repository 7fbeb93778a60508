import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../../electron/services/index';
import { ATTACHMENT_MAX_BYTES } from '../../../shared/attachments/limits';
import { dispatch } from '../../../shared/ipc/dispatch';
import { HTTP_MAX_BODY_BYTES } from '../../../shared/ipc/http';
import { makeTempDir } from '../../support/tempStore';
import { data } from '../../support/envelope';

const sha = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

describe('attachmentsPut / attachmentsGet', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let services: Services;
  const call = (method: string, payload: unknown) => dispatch(services.handlers, method, payload);

  beforeEach(() => {
    temp = makeTempDir();
    services = openServices({ dataDir: temp.dir, mode: 'test' });
  });
  afterEach(() => {
    services.close();
    temp.cleanup();
  });

  it('stores the bytes content-addressed and returns them unchanged', async () => {
    const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x10]);
    const ref = data<{ sha256: string; name: string; size: number; mediaType: string }>(
      await call('attachmentsPut', { name: '营业执照.pdf', mediaType: 'application/pdf', dataBase64: bytes.toString('base64') }),
    );
    expect(ref).toMatchObject({ sha256: sha(bytes), name: '营业执照.pdf', size: 7, mediaType: 'application/pdf' });
    expect(readFileSync(services.attachments.path(ref.sha256))).toEqual(bytes);
    const back = data<{ dataBase64: string; mediaType: string }>(await call('attachmentsGet', { sha256: ref.sha256 }));
    expect(Buffer.from(back.dataBase64, 'base64')).toEqual(bytes);
    expect(back.mediaType).toBe('application/pdf');
  });

  it('refuses bad input in Chinese and writes nothing', async () => {
    const notBase64 = await call('attachmentsPut', { name: 'a.pdf', mediaType: 'application/pdf', dataBase64: '@@@' });
    expect(notBase64).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('编码不正确') } });
    const noName = await call('attachmentsPut', { name: '  ', mediaType: 'application/pdf', dataBase64: 'AAAA' });
    expect(noName).toMatchObject({ ok: false, error: { message: expect.stringContaining('文件名不能为空') } });
    const tooBig = await call('attachmentsPut', { name: 'big.pdf', mediaType: '', dataBase64: 'A'.repeat(Math.ceil(ATTACHMENT_MAX_BYTES / 3) * 4 + 4) });
    expect(tooBig).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('50 MB') } });
    expect(services.db.prepare('SELECT count(*) AS n FROM attachments').get()).toEqual({ n: 0 });
  });

  it('a 50 MB file fits the browser-mode body limit as Base64', () => {
    expect(Math.ceil(ATTACHMENT_MAX_BYTES / 3) * 4 + 1024).toBeLessThan(HTTP_MAX_BODY_BYTES);
  });

  it('reports an unknown hash and a file changed on disk', async () => {
    const unknown = await call('attachmentsGet', { sha256: 'a'.repeat(64) });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const ref = data<{ sha256: string }>(await call('attachmentsPut', { name: '表.xlsx', mediaType: '', dataBase64: Buffer.from('原文').toString('base64') }));
    writeFileSync(services.attachments.path(ref.sha256), '被改动');
    const changed = await call('attachmentsGet', { sha256: ref.sha256 });
    expect(changed).toMatchObject({ ok: false, error: { code: 'corrupt_file', message: expect.stringContaining('表.xlsx') } });
  });
});
