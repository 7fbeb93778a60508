import zlib from 'node:zlib';
import { parseExtraFields } from './zipStructure';
import { UnsafePackageError } from './unsafePackageError';

/**
 * Entry names as the person who made the zip meant them. The zip format says: UTF-8 when general
 * purpose bit 11 is set, otherwise the "OEM code page" of the machine that wrote it. A package
 * re-zipped by Windows' 「发送到 → 压缩文件夹」 on a Chinese system carries GBK names without the
 * flag (yauzl would read them as CP437 and garble them), and many tools write UTF-8 without the flag.
 * So: the flag, else Info-ZIP's Unicode Path field when its checksum matches, else UTF-8 when the
 * bytes are valid UTF-8, else GBK. Node and Electron ship full ICU, so TextDecoder knows GBK.
 */

const FLAG_UTF8 = 1 << 11;
const INFO_ZIP_UNICODE_PATH = 0x7075;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gbk = new TextDecoder('gbk', { fatal: true });

function tryDecode(decoder: TextDecoder, bytes: Buffer): string | null {
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

function isAscii(bytes: Buffer): boolean {
  return bytes.every((b) => b < 0x80);
}

function unicodePathField(nameRaw: Buffer, extra: Buffer, index: number): string | null {
  const crc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
  const field = parseExtraFields(extra, `第 ${index + 1} 个文件`).get(INFO_ZIP_UNICODE_PATH);
  if (!field || field.length < 5 || field[0] !== 1 || typeof crc32 !== 'function') return null;
  // The field is only valid for the very name it was written for; a later rename leaves it stale.
  if (field.readUInt32LE(1) !== crc32(nameRaw) >>> 0) return null;
  return tryDecode(utf8, field.subarray(5));
}

/**
 * The entry's name with `/` as the separator. Windows PowerShell's Compress-Archive (5.1, still the
 * one Windows ships) and old .NET tools write `\`; the zip format says `/`. Decoding comes first, so a
 * GBK trail byte 0x5C is never taken for a separator; the path checks (`..`, absolute, drive letter)
 * then apply to the name as it will be used.
 */
export function decodeEntryName(nameRaw: Buffer, flags: number, extra: Buffer, index: number): string {
  return decodedName(nameRaw, flags, extra, index).replaceAll('\\', '/');
}

/** The entry's name as written; refuses (naming its position) a name that is neither valid UTF-8 nor GBK. */
function decodedName(nameRaw: Buffer, flags: number, extra: Buffer, index: number): string {
  if ((flags & FLAG_UTF8) !== 0) {
    const name = tryDecode(utf8, nameRaw);
    if (name === null) throw new UnsafePackageError(`申报包中第 ${index + 1} 个文件的名称标明的编码与内容不符，无法识别，已拒绝读取`);
    return name;
  }
  if (isAscii(nameRaw)) return nameRaw.toString('latin1');
  const name = unicodePathField(nameRaw, extra, index) ?? tryDecode(utf8, nameRaw) ?? tryDecode(gbk, nameRaw);
  if (name === null) throw new UnsafePackageError(`申报包中第 ${index + 1} 个文件的名称编码无法识别（不是常见的中文编码），已拒绝读取`);
  return name;
}
