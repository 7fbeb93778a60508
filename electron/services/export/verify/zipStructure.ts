import type { ByteSource } from './byteSource';
import { UnsafePackageError } from './unsafePackageError';

/**
 * The zip's own bookkeeping, read byte by byte and independently of yauzl: the end record (and its
 * zip64 twin), and every central-directory record that actually sits between the directory's start
 * and the end record, not only as many as the end record claims. `zipLayout.ts` then compares the two.
 */

export const SIGNATURE = {
  local: 0x04034b50,
  central: 0x02014b50,
  end: 0x06054b50,
  zip64End: 0x06064b50,
  zip64Locator: 0x07064b50,
  descriptor: 0x08074b50,
} as const;

const END_FIXED = 22;
const LOCATOR_SIZE = 20;
const CENTRAL_FIXED = 46;
const MAX_COMMENT = 0xffff;
/** A directory of 1,000 entries with long Chinese names stays far below this. */
const MAX_DIRECTORY_BYTES = 16 * 1024 * 1024;

export interface EndRecord {
  /** File offset of the end-of-central-directory record. */
  at: number;
  /** Where the directory must end: the zip64 end record when there is one, else the end record. */
  directoryEnd: number;
  entries: number;
  directorySize: number;
  directoryOffset: number;
  zip64: boolean;
}

export interface CentralRecord {
  /** File offset of this record. */
  at: number;
  length: number;
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  nameRaw: Buffer;
  extra: Buffer;
}

export interface ZipStructure {
  size: number;
  end: EndRecord;
  /** Every record found from the directory's start, in order, whatever the end record declares. */
  records: CentralRecord[];
  /** File offset just past the last record found. */
  recordsEnd: number;
}

const damaged = (what: string): UnsafePackageError => new UnsafePackageError(`申报包的 zip 结构已损坏：${what}，已拒绝读取`);

function u64(buffer: Buffer, at: number, what: string): number {
  const value = buffer.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw damaged(`${what}超出范围`);
  return Number(value);
}

/** Extra fields as id → data; a field running past the end of the block is damage, not something to skip. */
export function parseExtraFields(extra: Buffer, owner: string): Map<number, Buffer> {
  const fields = new Map<number, Buffer>();
  let at = 0;
  while (at < extra.length) {
    if (at + 4 > extra.length) throw damaged(`「${owner}」的扩展字段不完整`);
    const id = extra.readUInt16LE(at);
    const size = extra.readUInt16LE(at + 2);
    if (at + 4 + size > extra.length) throw damaged(`「${owner}」的扩展字段长度不正确`);
    if (!fields.has(id)) fields.set(id, extra.subarray(at + 4, at + 4 + size));
    at += 4 + size;
  }
  return fields;
}

async function readEnd(source: ByteSource): Promise<EndRecord> {
  if (source.size < END_FIXED) throw new UnsafePackageError('文件不是有效的 zip 申报包');
  const tailLength = Math.min(source.size, END_FIXED + MAX_COMMENT);
  const tailStart = source.size - tailLength;
  const tail = await source.read(tailStart, tailLength);
  // The last signature, as every unzip tool takes it; a comment cannot legitimately contain one.
  let found = -1;
  for (let i = tail.length - END_FIXED; i >= 0; i--) {
    if (tail.readUInt32LE(i) === SIGNATURE.end) {
      found = i;
      break;
    }
  }
  if (found < 0) throw new UnsafePackageError('文件不是有效的 zip 申报包');
  const at = tailStart + found;
  const record = tail.subarray(found);
  const commentLength = record.readUInt16LE(20);
  const after = record.length - END_FIXED - commentLength;
  if (after > 0) throw damaged(`文件末尾在结尾记录和注释之后还有 ${after} 字节不属于 zip 的数据`);
  if (after < 0) throw damaged('结尾记录的注释长度超出文件末尾');
  const disk = record.readUInt16LE(4);
  const directoryDisk = record.readUInt16LE(6);
  const entriesHere = record.readUInt16LE(8);
  const entries = record.readUInt16LE(10);
  const directorySize = record.readUInt32LE(12);
  const directoryOffset = record.readUInt32LE(16);

  if (at >= LOCATOR_SIZE) {
    const locator = await source.read(at - LOCATOR_SIZE, LOCATOR_SIZE);
    if (locator.readUInt32LE(0) === SIGNATURE.zip64Locator) {
      return readZip64End(source, at, locator, { disk, directoryDisk, entriesHere, entries, directorySize, directoryOffset });
    }
  }
  if (disk !== 0 || directoryDisk !== 0) throw new UnsafePackageError('申报包是分卷压缩包，无法检查，请合并为一个 zip 文件');
  if (entriesHere !== entries) throw damaged(`结尾记录中两处文件数不一致（${entriesHere} 与 ${entries}）`);
  return { at, directoryEnd: at, entries, directorySize, directoryOffset, zip64: false };
}

interface ClassicFields {
  disk: number;
  directoryDisk: number;
  entriesHere: number;
  entries: number;
  directorySize: number;
  directoryOffset: number;
}

async function readZip64End(source: ByteSource, at: number, locator: Buffer, classic: ClassicFields): Promise<EndRecord> {
  const locatorAt = at - LOCATOR_SIZE;
  const recordAt = u64(locator, 8, '扩展结尾记录位置');
  if (locator.readUInt32LE(4) !== 0 || locator.readUInt32LE(16) > 1) throw new UnsafePackageError('申报包是分卷压缩包，无法检查，请合并为一个 zip 文件');
  if (recordAt + 56 > locatorAt) throw damaged('扩展结尾记录的位置不正确');
  const fixed = await source.read(recordAt, 56);
  if (fixed.readUInt32LE(0) !== SIGNATURE.zip64End) throw damaged('扩展结尾记录的标记不正确');
  const recordLength = 12 + u64(fixed, 4, '扩展结尾记录长度');
  if (recordAt + recordLength !== locatorAt) {
    throw damaged(`扩展结尾记录与定位记录之间有 ${locatorAt - recordAt - recordLength} 字节对不上`);
  }
  if (fixed.readUInt32LE(16) !== 0 || fixed.readUInt32LE(20) !== 0) throw new UnsafePackageError('申报包是分卷压缩包，无法检查，请合并为一个 zip 文件');
  const entriesHere = u64(fixed, 24, '文件数');
  const entries = u64(fixed, 32, '文件数');
  const directorySize = u64(fixed, 40, '目录大小');
  const directoryOffset = u64(fixed, 48, '目录位置');
  if (entriesHere !== entries) throw damaged(`扩展结尾记录中两处文件数不一致（${entriesHere} 与 ${entries}）`);
  // The classic record either defers to zip64 (all ones) or must say the same thing.
  const agrees = (value: number, max: number, real: number): boolean => value === max || value === real;
  if (!agrees(classic.entries, 0xffff, entries) || !agrees(classic.entriesHere, 0xffff, entries) || !agrees(classic.directorySize, 0xffffffff, directorySize) || !agrees(classic.directoryOffset, 0xffffffff, directoryOffset)) {
    throw damaged('结尾记录与扩展结尾记录所记的文件数、目录大小或位置不一致');
  }
  return { at, directoryEnd: recordAt, entries, directorySize, directoryOffset, zip64: true };
}

function readZip64Values(record: CentralRecord): void {
  const needs = [record.uncompressedSize, record.compressedSize, record.localHeaderOffset].some((v) => v === 0xffffffff);
  if (!needs) return;
  const field = parseExtraFields(record.extra, '目录记录').get(0x0001);
  if (!field) throw damaged('目录记录缺少大文件扩展信息');
  let at = 0;
  const next = (): number => {
    if (at + 8 > field.length) throw damaged('目录记录的大文件扩展信息不完整');
    const value = u64(field, at, '大文件扩展信息');
    at += 8;
    return value;
  };
  if (record.uncompressedSize === 0xffffffff) record.uncompressedSize = next();
  if (record.compressedSize === 0xffffffff) record.compressedSize = next();
  if (record.localHeaderOffset === 0xffffffff) record.localHeaderOffset = next();
}

async function readRecords(source: ByteSource, end: EndRecord): Promise<{ records: CentralRecord[]; recordsEnd: number }> {
  const start = end.directoryOffset;
  if (start > end.directoryEnd) throw damaged('结尾记录所记的目录位置在结尾记录之后');
  const regionLength = end.directoryEnd - start;
  if (regionLength > MAX_DIRECTORY_BYTES) throw new UnsafePackageError('申报包的目录过大，已拒绝读取');
  const region = await source.read(start, regionLength);
  const records: CentralRecord[] = [];
  let at = 0;
  while (at + 4 <= region.length && region.readUInt32LE(at) === SIGNATURE.central) {
    if (at + CENTRAL_FIXED > region.length) throw damaged('目录记录不完整');
    const nameLength = region.readUInt16LE(at + 28);
    const extraLength = region.readUInt16LE(at + 30);
    const commentLength = region.readUInt16LE(at + 32);
    const length = CENTRAL_FIXED + nameLength + extraLength + commentLength;
    if (at + length > region.length) throw damaged('目录记录超出了目录的范围');
    const nameStart = at + CENTRAL_FIXED;
    const record: CentralRecord = {
      at: start + at,
      length,
      flags: region.readUInt16LE(at + 8),
      method: region.readUInt16LE(at + 10),
      crc32: region.readUInt32LE(at + 16),
      compressedSize: region.readUInt32LE(at + 20),
      uncompressedSize: region.readUInt32LE(at + 24),
      localHeaderOffset: region.readUInt32LE(at + 42),
      nameRaw: Buffer.from(region.subarray(nameStart, nameStart + nameLength)),
      extra: Buffer.from(region.subarray(nameStart + nameLength, nameStart + nameLength + extraLength)),
    };
    readZip64Values(record);
    records.push(record);
    at += length;
    if (records.length > 65_535 * 16) throw new UnsafePackageError('申报包的目录过大，已拒绝读取');
  }
  return { records, recordsEnd: start + at };
}

/** Reads the end record and every directory record; throws UnsafePackageError on anything it cannot parse. */
export async function readZipStructure(source: ByteSource): Promise<ZipStructure> {
  const end = await readEnd(source);
  const { records, recordsEnd } = await readRecords(source, end);
  return { size: source.size, end, records, recordsEnd };
}
