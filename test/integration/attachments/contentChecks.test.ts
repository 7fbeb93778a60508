/**
 * Attachments by content, in the one result list: an EXE renamed `.pdf` is refused at upload; a
 * stored file that went missing, was altered or is not what its name says is an error of
 * `drafts:validate` (and so of 定稿 and the package) from the first check, naming the file.
 */
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attachmentFactsOf } from '../../../electron/services/attachments/attachmentFacts';
import type { Services } from '../../../electron/services/index';
import { dispatch } from '../../../shared/ipc/dispatch';
import { attachmentBytesFor } from '../../support/attachmentBytes';
import { makeTempDir } from '../../support/tempStore';
import { openAt, seedFixture } from '../package/packageFixture';

let temp: ReturnType<typeof makeTempDir>;
let services: Services;
beforeEach(() => {
  temp = makeTempDir();
  services = openAt(temp.dir);
});
afterEach(() => {
  services.close();
  temp.cleanup();
});

const put = (name: string, bytes: Buffer) => dispatch(services.handlers, 'attachmentsPut', { name, mediaType: 'application/pdf', dataBase64: bytes.toString('base64') });

describe('attachments are checked by content', () => {
  it('refuses an EXE renamed .pdf and a JPEG called .pdf at upload, naming the file; accepts a real PDF', async () => {
    const exe = Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0x00]), Buffer.alloc(512)]);
    expect(await put('营业执照.pdf', exe)).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('「营业执照.pdf」的内容是Windows 可执行程序') } });
    expect(await put('证书.pdf', attachmentBytesFor('证书.jpg', 'x'))).toMatchObject({ ok: false, error: { message: expect.stringContaining('与扩展名不符') } });
    expect(await put('证书.pdf', attachmentBytesFor('证书.pdf', 'x'))).toMatchObject({ ok: true });
  });

  it('a missing, altered or mislabelled stored file is an error of drafts:validate naming it', async () => {
    const id = await seedFixture(services, undefined, (d) => {
      d.status = 'editing';
    });
    const validate = async () => {
      const envelope = await dispatch(services.handlers, 'draftsValidate', { id });
      if (!envelope.ok) throw new Error(envelope.error.message);
      return envelope.data as { results: { ruleId: string; outcome: string; severity: string; message: string }[]; summary: { errors: number } };
    };
    const clean = await validate();
    expect(clean.results.filter((r) => r.ruleId.startsWith('form.files.') && r.outcome === 'fail')).toEqual([]);

    const draft = services.drafts.get(id).draft;
    const refs = Object.values(draft.attachments).flat();
    expect(refs.length).toBeGreaterThanOrEqual(2);
    const [first, second] = refs as [(typeof refs)[number], (typeof refs)[number]];
    unlinkSync(services.attachments.path(first.sha256));
    const bytes = readFileSync(services.attachments.path(second.sha256));
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0x01;
    writeFileSync(services.attachments.path(second.sha256), bytes);

    const facts = attachmentFactsOf(services.attachments, draft);
    expect(facts[first.sha256]?.state).toBe('missing');
    expect(facts[second.sha256]?.state).toBe('altered');

    const after = await validate();
    const messages = after.results.filter((r) => r.ruleId.startsWith('form.files.') && r.outcome === 'fail').map((r) => r.message).join('\n');
    expect(messages).toContain(`附件文件「${first.name}」缺失`);
    expect(messages).toContain(`附件文件「${second.name}」已被改动或损坏`);
    expect(after.summary.errors).toBeGreaterThanOrEqual(2);
  });
});
