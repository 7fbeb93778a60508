import type { ByteSource } from './byteSource';
import { SIGNATURE, type CentralRecord, type ZipStructure } from './zipStructure';
import { UnsafePackageError } from './unsafePackageError';

/**
 * A zip is read exactly or not at all. Different unzip tools trust different parts of the format
 * (the end record's count, the directory walk, the local headers), so a crafted file can show a
 * checker one set of files and an unzip tool another. Here every byte must be accounted for:
 * local entries back to back from byte 0, then the directory, then the end records and the comment;
 * the declared entry count and directory size equal what is there; local headers agree with the
 * directory and never overlap. Anything else is refused and named.
 */

const LOCAL_FIXED = 30;
const FLAG_ENCRYPTED = 1 << 0;
const FLAG_DESCRIPTOR = 1 << 3;

const refuse = (what: string): UnsafePackageError => new UnsafePackageError(`申报包的 zip 结构不一致：${what}，已拒绝读取`);

function checkDirectory(zip: ZipStructure, nameOf: (record: CentralRecord) => string): void {
  const { end, records, recordsEnd } = zip;
  if (records.length > end.entries) {
    const hidden = records.slice(end.entries).map((r) => `「${nameOf(r)}」`).join('、');
    throw refuse(`结尾记录声明有 ${end.entries} 个文件，目录中实际有 ${records.length} 个，多出的${hidden}会被部分解压工具取出`);
  }
  if (records.length < end.entries) throw refuse(`结尾记录声明有 ${end.entries} 个文件，目录中只找到 ${records.length} 个`);
  const walked = recordsEnd - end.directoryOffset;
  if (walked !== end.directorySize) throw refuse(`结尾记录声明目录有 ${end.directorySize} 字节，实际的目录记录共 ${walked} 字节`);
  if (recordsEnd !== end.directoryEnd) throw refuse(`目录之后、结尾记录之前有 ${end.directoryEnd - recordsEnd} 字节不属于任何记录`);
}

interface Descriptor {
  length: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
}

/** The data descriptor may or may not carry its signature, and uses 8-byte sizes for zip64 entries. */
function descriptorCandidates(bytes: Buffer): Descriptor[] {
  const out: Descriptor[] = [];
  const hasSignature = bytes.length >= 4 && bytes.readUInt32LE(0) === SIGNATURE.descriptor;
  const bases = hasSignature ? [4, 0] : [0];
  for (const base of bases) {
    if (bytes.length >= base + 12) {
      out.push({ length: base + 12, crc32: bytes.readUInt32LE(base), compressedSize: bytes.readUInt32LE(base + 4), uncompressedSize: bytes.readUInt32LE(base + 8) });
    }
    if (bytes.length >= base + 20) {
      out.push({
        length: base + 20,
        crc32: bytes.readUInt32LE(base),
        compressedSize: Number(bytes.readBigUInt64LE(base + 4)),
        uncompressedSize: Number(bytes.readBigUInt64LE(base + 12)),
      });
    }
  }
  return out;
}

/** Checks one local entry against its directory record; answers the offset just past its data (and descriptor). */
async function checkLocalEntry(source: ByteSource, record: CentralRecord, name: string, limit: number): Promise<number> {
  const at = record.localHeaderOffset;
  if (at + LOCAL_FIXED > limit) throw refuse(`文件「${name}」的本地文件头超出了数据区`);
  const header = await source.read(at, LOCAL_FIXED);
  if (header.readUInt32LE(0) !== SIGNATURE.local) throw refuse(`文件「${name}」的本地文件头标记不正确`);
  const flags = header.readUInt16LE(6);
  const method = header.readUInt16LE(8);
  const nameLength = header.readUInt16LE(26);
  const extraLength = header.readUInt16LE(28);
  if ((flags & (FLAG_DESCRIPTOR | FLAG_ENCRYPTED)) !== (record.flags & (FLAG_DESCRIPTOR | FLAG_ENCRYPTED)) || method !== record.method) {
    throw refuse(`文件「${name}」的本地文件头与目录记录的压缩方式或标志不一致`);
  }
  if (at + LOCAL_FIXED + nameLength > limit) throw refuse(`文件「${name}」的本地文件头超出了数据区`);
  const localName = await source.read(at + LOCAL_FIXED, nameLength);
  if (!localName.equals(record.nameRaw)) throw refuse(`文件「${name}」在本地文件头中的名称与目录中的不同`);
  const dataEnd = at + LOCAL_FIXED + nameLength + extraLength + record.compressedSize;
  if (dataEnd > limit) throw refuse(`文件「${name}」的数据超出了数据区，与目录重叠`);

  if ((flags & FLAG_DESCRIPTOR) === 0) {
    const crc32 = header.readUInt32LE(14);
    const compressed = header.readUInt32LE(18);
    const uncompressed = header.readUInt32LE(22);
    // 0xffffffff defers to the local zip64 field; the directory already gave the real sizes.
    const same = (local: number, real: number): boolean => local === 0xffffffff || local === real;
    if (crc32 !== record.crc32 || !same(compressed, record.compressedSize) || !same(uncompressed, record.uncompressedSize)) {
      throw refuse(`文件「${name}」的本地文件头与目录记录的大小或校验值不一致`);
    }
    return dataEnd;
  }
  const available = Math.min(24, limit - dataEnd);
  const tail = available > 0 ? await source.read(dataEnd, available) : Buffer.alloc(0);
  const match = descriptorCandidates(tail).find(
    (d) => d.crc32 === record.crc32 && d.compressedSize === record.compressedSize && d.uncompressedSize === record.uncompressedSize,
  );
  if (!match) throw refuse(`文件「${name}」的数据描述符与目录记录不一致`);
  return dataEnd + match.length;
}

async function checkLocalEntries(source: ByteSource, zip: ZipStructure, nameOf: (record: CentralRecord) => string): Promise<void> {
  const limit = zip.end.directoryOffset;
  const ordered = [...zip.records].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  let cursor = 0;
  let previous: CentralRecord | null = null;
  for (const record of ordered) {
    const name = nameOf(record);
    if (record.localHeaderOffset < cursor) {
      throw refuse(previous ? `文件「${nameOf(previous)}」与「${name}」在包内的数据相互重叠` : `文件「${name}」的位置不正确`);
    }
    if (record.localHeaderOffset > cursor) {
      const where = previous ? `「${nameOf(previous)}」之后、「${name}」之前` : `第一个文件「${name}」之前`;
      throw refuse(`${where}有 ${record.localHeaderOffset - cursor} 字节不属于任何文件`);
    }
    cursor = await checkLocalEntry(source, record, name, limit);
    previous = record;
  }
  if (cursor < limit) {
    const where = previous ? `最后一个文件「${nameOf(previous)}」之后、目录之前` : '目录之前';
    throw refuse(`${where}有 ${limit - cursor} 字节不属于任何文件`);
  }
}

/** Throws UnsafePackageError naming the first inconsistency; returns when every byte is accounted for. */
export async function checkZipLayout(source: ByteSource, zip: ZipStructure, nameOf: (record: CentralRecord) => string): Promise<void> {
  checkDirectory(zip, nameOf);
  await checkLocalEntries(source, zip, nameOf);
}
