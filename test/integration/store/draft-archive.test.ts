import { createHash } from 'node:crypto';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZipFile } from 'yazl';
import { openServices, type Services } from '../../../electron/services/index';
import { dispatch } from '../../../shared/ipc/dispatch';
import type { AttachmentRef } from '../../../shared/model/draft';
import { encodeGbk } from '../../support/gbkEncode';
import { writeRawZip } from '../../support/zipBytes';
import { unzip } from '../package/zipTools';
import { makeTempDir } from '../../support/tempStore';
import { data } from '../../support/envelope';

const PDF = Buffer.from('%PDF-1.4\n营业执照扫描件\n%%EOF\n', 'utf8');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(4096, 7)]);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function zipOf(files: Record<string, Buffer>): Promise<Buffer> {
  const zip = new ZipFile();
  for (const [name, bytes] of Object.entries(files)) zip.addBuffer(bytes, name);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.end();
  });
}

describe('草稿数据文件: the draft and its attachments in one zip', () => {
  let source: { temp: ReturnType<typeof makeTempDir>; services: Services };
  let target: { temp: ReturnType<typeof makeTempDir>; services: Services };
  const open = () => {
    const temp = makeTempDir();
    return { temp, services: openServices({ dataDir: temp.dir, mode: 'test' }) };
  };
  const storedFiles = (s: Services) =>
    existsSync(s.attachments.root) ? readdirSync(s.attachments.root, { recursive: true }).filter((f) => /[0-9a-f]{64}$/.test(String(f))) : [];

  beforeEach(() => {
    source = open();
    target = open();
  });
  afterEach(() => {
    for (const side of [source, target]) {
      side.services.close();
      side.temp.cleanup();
    }
  });

  /** A draft with two attachments, one of them referenced from two slots. */
  async function draftWithAttachments(): Promise<{ id: string; refs: AttachmentRef[] }> {
    const { draft } = source.services.drafts.create({ title: '高性能润滑油添加剂' });
    const addedAt = '2026-01-01T08:00:00.000Z';
    const pdf = await source.services.attachments.putFile(PDF, { name: '营业执照.pdf', mediaType: 'application/pdf' });
    const png = await source.services.attachments.putFile(PNG, { name: '现场照片.png', mediaType: 'image/png' });
    const refs: AttachmentRef[] = [
      { sha256: pdf.sha256, name: '营业执照.pdf', size: pdf.size, mediaType: 'application/pdf', addedAt },
      { sha256: png.sha256, name: '现场照片.png', size: png.size, mediaType: 'image/png', addedAt },
    ];
    source.services.drafts.save({ id: draft.id, baseRevision: 1, patch: { attachments: { license: [refs[0]!], photos: [refs[1]!, refs[0]!] } } });
    return { id: draft.id, refs };
  }

  it('round trip into a fresh data directory: the draft and every attachment byte arrive', async () => {
    const { id, refs } = await draftWithAttachments();
    const exported = data<{ fileName: string; base64: string; attachmentCount: number }>(await dispatch(source.services.handlers, 'draftsExportArchive', { id }));
    expect(exported.fileName).toBe('高性能润滑油添加剂-草稿数据.zip');
    expect(exported.attachmentCount).toBe(2);

    const imported = data<{ draft: { id: string; attachments: Record<string, AttachmentRef[]> }; attachmentCount: number }>(
      await dispatch(target.services.handlers, 'draftsImportArchive', { base64: exported.base64 }),
    );
    expect(imported.attachmentCount).toBe(2);
    expect(imported.draft.attachments).toEqual(source.services.drafts.get(id).draft.attachments);
    expect(await target.services.attachments.read(refs[0]!.sha256)).toEqual(PDF);
    expect(await target.services.attachments.read(refs[1]!.sha256)).toEqual(PNG);
    // The same file imported again is a copy, not an error; the attachments are stored once.
    data(await dispatch(target.services.handlers, 'draftsImportArchive', { base64: exported.base64 }));
    expect(target.services.drafts.list()).toHaveLength(2);
    expect(storedFiles(target.services)).toHaveLength(2);
  });

  it('refuses an attachment whose bytes were altered, naming the file, and stores nothing', async () => {
    const { id, refs } = await draftWithAttachments();
    const draftJson = Buffer.from(JSON.stringify(source.services.drafts.get(id).draft));
    const altered = Buffer.from(PDF);
    altered[5] = 0x35;
    const zip = await zipOf({ 'draft.json': draftJson, [`attachments/${refs[0]!.sha256}`]: altered, [`attachments/${refs[1]!.sha256}`]: PNG });
    const result = await dispatch(target.services.handlers, 'draftsImportArchive', { base64: zip.toString('base64') });
    expect(result).toEqual({
      ok: false,
      error: { code: 'corrupt_file', message: '附件「营业执照.pdf」的内容与草稿记录不符（大小或校验值不一致），草稿数据文件可能已损坏或被改动，未导入任何内容' },
    });
    expect(target.services.drafts.list()).toEqual([]);
    expect(storedFiles(target.services)).toEqual([]);
  });

  it('refuses a stranger entry, a traversal and a non-zip, in the words of a 草稿数据文件', async () => {
    const { id, refs } = await draftWithAttachments();
    const draftJson = Buffer.from(JSON.stringify(source.services.drafts.get(id).draft));
    const attempt = async (files: Record<string, Buffer>) =>
      dispatch(target.services.handlers, 'draftsImportArchive', { base64: (await zipOf(files)).toString('base64') });
    expect(await attempt({ 'draft.json': draftJson, [`attachments/${refs[0]!.sha256}`]: PDF, [`attachments/${refs[1]!.sha256}`]: PNG, 'run.exe': PNG })).toMatchObject({
      ok: false,
      error: { message: '草稿数据文件中有不属于这份草稿的文件「run.exe」，已拒绝导入' },
    });
    const traversal = writeRawZip([
      { name: Buffer.from('draft.json'), data: draftJson },
      { name: Buffer.from('../../evil.txt'), data: PDF },
    ]);
    const refusedTraversal = await dispatch(target.services.handlers, 'draftsImportArchive', { base64: traversal.toString('base64') });
    expect(refusedTraversal).toMatchObject({ ok: false, error: { code: 'corrupt_file', message: '草稿数据文件中有指向包外的条目（../../evil.txt），已拒绝读取' } });
    expect(await dispatch(target.services.handlers, 'draftsImportArchive', { base64: PDF.toString('base64') })).toMatchObject({
      ok: false,
      error: { message: '文件不是有效的草稿数据文件' },
    });
    expect(target.services.drafts.list()).toEqual([]);
    expect(storedFiles(target.services)).toEqual([]);
  });

  it('a 草稿数据文件 unpacked and zipped again on Windows (a GBK folder name, no UTF-8 flag) still imports', async () => {
    const { id, refs } = await draftWithAttachments();
    const draftJson = Buffer.from(JSON.stringify(source.services.drafts.get(id).draft));
    const folder = '高性能润滑油添加剂-草稿数据/';
    const zip = writeRawZip([
      { name: encodeGbk(folder), data: Buffer.alloc(0) },
      { name: encodeGbk(`${folder}draft.json`), data: draftJson, deflate: true },
      { name: encodeGbk(`${folder}attachments/`), data: Buffer.alloc(0) },
      { name: encodeGbk(`${folder}attachments/${refs[0]!.sha256}`), data: PDF, deflate: true },
      { name: encodeGbk(`${folder}attachments/${refs[1]!.sha256}`), data: PNG, deflate: true },
    ]);
    const imported = data<{ attachmentCount: number }>(await dispatch(target.services.handlers, 'draftsImportArchive', { base64: zip.toString('base64') }));
    expect(imported.attachmentCount).toBe(2);
    expect(await target.services.attachments.read(sha(PDF))).toEqual(PDF);
  });

  it('zipped by Windows PowerShell (「\\」 as the separator) with Explorer\'s Thumbs.db and desktop.ini, or on a Mac with __MACOSX: it imports; a 「..\\」 entry is still refused', async () => {
    const { id, refs } = await draftWithAttachments();
    const draftJson = Buffer.from(JSON.stringify(source.services.drafts.get(id).draft));
    const folder = '高性能润滑油添加剂-草稿数据\\';
    const powershell = writeRawZip([
      { name: encodeGbk(`${folder}draft.json`), data: draftJson, deflate: true },
      { name: encodeGbk(`${folder}attachments\\${refs[0]!.sha256}`), data: PDF, deflate: true },
      { name: encodeGbk(`${folder}attachments\\${refs[1]!.sha256}`), data: PNG, deflate: true },
      { name: encodeGbk(`${folder}Thumbs.db`), data: Buffer.alloc(64, 1) },
      { name: encodeGbk(`${folder}attachments\\desktop.ini`), data: Buffer.from('[.ShellClassInfo]\r\n') },
    ]);
    const imported = data<{ attachmentCount: number }>(await dispatch(target.services.handlers, 'draftsImportArchive', { base64: powershell.toString('base64') }));
    expect(imported.attachmentCount).toBe(2);
    expect(await target.services.attachments.read(sha(PNG))).toEqual(PNG);

    const mac = await zipOf({ 'draft.json': draftJson, [`attachments/${refs[0]!.sha256}`]: PDF, [`attachments/${refs[1]!.sha256}`]: PNG, '__MACOSX/._draft.json': Buffer.alloc(82, 0), '.DS_Store': Buffer.alloc(32, 0) });
    expect(data<{ attachmentCount: number }>(await dispatch(target.services.handlers, 'draftsImportArchive', { base64: mac.toString('base64') })).attachmentCount).toBe(2);

    const before = target.services.drafts.list().length;
    const escape = writeRawZip([
      { name: Buffer.from('draft.json'), data: draftJson },
      { name: Buffer.from('..\\..\\evil.txt'), data: PDF },
    ]);
    expect(await dispatch(target.services.handlers, 'draftsImportArchive', { base64: escape.toString('base64') })).toMatchObject({
      ok: false,
      error: { code: 'corrupt_file', message: '草稿数据文件中有指向包外的条目（../../evil.txt），已拒绝读取' },
    });
    const drive = writeRawZip([{ name: Buffer.from('C:\\Windows\\draft.json'), data: draftJson }]);
    expect(await dispatch(target.services.handlers, 'draftsImportArchive', { base64: drive.toString('base64') })).toMatchObject({ ok: false, error: { message: expect.stringContaining('绝对路径') } });
    expect(target.services.drafts.list().length).toBe(before);
  });

  it('an attachment this computer no longer has is named on export; on import its reference stays, shown as 缺失 like a plain draft file', async () => {
    const { id, refs } = await draftWithAttachments();
    rmSync(source.services.attachments.path(refs[1]!.sha256));
    const exported = data<{ base64: string; attachmentCount: number; missing: string[] }>(await dispatch(source.services.handlers, 'draftsExportArchive', { id }));
    expect(exported).toMatchObject({ attachmentCount: 1, missing: ['现场照片.png'] });
    expect([...(await unzip(Buffer.from(exported.base64, 'base64'))).keys()].sort()).toEqual([`attachments/${refs[0]!.sha256}`, 'draft.json']);

    const imported = data<{ draft: { attachments: Record<string, AttachmentRef[]> }; attachmentCount: number; missing: string[] }>(
      await dispatch(target.services.handlers, 'draftsImportArchive', { base64: exported.base64 }),
    );
    expect(imported).toMatchObject({ attachmentCount: 1, missing: ['现场照片.png'] });
    expect(imported.draft.attachments['photos']?.map((r) => r.name)).toEqual(['现场照片.png', '营业执照.pdf']);
    expect(await target.services.attachments.read(refs[0]!.sha256)).toEqual(PDF);
    await expect(target.services.attachments.read(refs[1]!.sha256, '现场照片.png')).rejects.toThrow('附件文件缺失：「现场照片.png」');
  });
});
