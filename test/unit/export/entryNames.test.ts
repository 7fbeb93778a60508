import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeEntryName } from '../../../electron/services/export/verify/entryNames';
import { encodeGbk } from '../../support/gbkEncode';

const NAMES = ['申报书.docx', '形式审查自查表.pdf', '附件01-营业执照（副本）.pdf', '联通.txt', 'draft.json'];

function unicodePathExtra(nameRaw: Buffer, real: string): Buffer {
  const utf8 = Buffer.from(real, 'utf8');
  const field = Buffer.alloc(4 + 5 + utf8.length);
  field.writeUInt16LE(0x7075, 0);
  field.writeUInt16LE(5 + utf8.length, 2);
  field.writeUInt8(1, 4);
  field.writeUInt32LE(zlib.crc32(nameRaw) >>> 0, 5);
  utf8.copy(field, 9);
  return field;
}

describe('zip entry names', () => {
  it.each(NAMES)('GBK without the UTF-8 flag (Windows 压缩文件夹): %s', (name) => {
    expect(decodeEntryName(encodeGbk(name), 0, Buffer.alloc(0), 0)).toBe(name);
  });

  it.each(NAMES)('UTF-8 with the flag, and UTF-8 without it: %s', (name) => {
    expect(decodeEntryName(Buffer.from(name, 'utf8'), 0x800, Buffer.alloc(0), 0)).toBe(name);
    expect(decodeEntryName(Buffer.from(name, 'utf8'), 0, Buffer.alloc(0), 0)).toBe(name);
  });

  it('the Info-ZIP Unicode Path field when its checksum matches the stored name, not when it is stale', () => {
    const raw = encodeGbk('申报书.pdf');
    expect(decodeEntryName(raw, 0, unicodePathExtra(raw, '申报书（终稿）.pdf'), 0)).toBe('申报书（终稿）.pdf');
    expect(decodeEntryName(raw, 0, unicodePathExtra(encodeGbk('旧名.pdf'), '旧名.pdf'), 0)).toBe('申报书.pdf');
  });

  it('refuses a flagged name that is not UTF-8, and a name that is neither UTF-8 nor GBK, by position', () => {
    expect(() => decodeEntryName(encodeGbk('申报书.pdf'), 0x800, Buffer.alloc(0), 2)).toThrow(/第 3 个文件的名称标明的编码与内容不符/);
    expect(() => decodeEntryName(Buffer.from([0x61, 0x81, 0x20, 0x2e]), 0, Buffer.alloc(0), 0)).toThrow(/第 1 个文件的名称编码无法识别/);
  });
});
