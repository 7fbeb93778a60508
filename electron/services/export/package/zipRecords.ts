/**
 * The byte layout of the package's zip records (APPNOTE 6.3), written by `zipFileWriter.ts`. Every
 * local header carries its real CRC-32 and sizes (the writer fills them in after the data, so no
 * data descriptors), names are UTF-8 (flag bit 11), and zip64 is used only where a value does not
 * fit: a local header offset or directory position past 4 GB, or more than 65,534 entries. No entry
 * is ever 4 GB or more (attachments are capped far below), so sizes never need zip64.
 */

export interface ZipEntryRecord {
  /** The UTF-8 name exactly as stored. */
  name: Buffer;
  /** 0 stored, 8 deflated. */
  method: 0 | 8;
  crc32: number;
  compressedSize: number;
  size: number;
  /** File offset of the local header. */
  offset: number;
  mtime: Date;
}

export const LOCAL_HEADER_FIXED = 30;
const CENTRAL_FIXED = 46;
const END_FIXED = 22;
const ZIP64_END_FIXED = 56;
const ZIP64_LOCATOR = 20;
/** The largest value a classic 32-bit field holds; all ones means "see zip64". */
const MAX32 = 0xffffffff;
const MAX16 = 0xffff;

const FLAG_UTF8 = 1 << 11;
const VERSION_NEEDED = 20;
const VERSION_NEEDED_ZIP64 = 45;
/** Made on Unix (3), spec 6.3: extractors then apply the Unix mode in the external attributes. */
const VERSION_MADE_BY = (3 << 8) | 63;
/** A regular file, rw-rw-r--, as yazl wrote the earlier packages. */
const EXTERNAL_ATTRIBUTES = (0o100664 << 16) >>> 0;

/** Entries that never fit a package: the app caps an attachment at 50 MB, the documents are smaller. */
export const MAX_ENTRY_BYTES = MAX32 - 1;

const minDosDate = new Date(1980, 0, 1);
const maxDosDate = new Date(2107, 11, 31, 23, 59, 58);

/** MS-DOS date and time in local time, as every zip tool shows them. */
export function dosDateTime(at: Date): { date: number; time: number } {
  const d = at < minDosDate ? minDosDate : at > maxDosDate ? maxDosDate : at;
  return {
    date: (d.getDate() & 0x1f) | (((d.getMonth() + 1) & 0xf) << 5) | (((d.getFullYear() - 1980) & 0x7f) << 9),
    time: Math.floor(d.getSeconds() / 2) | ((d.getMinutes() & 0x3f) << 5) | ((d.getHours() & 0x1f) << 11),
  };
}

function writeU64(buffer: Buffer, value: number, at: number): void {
  buffer.writeBigUInt64LE(BigInt(value), at);
}

export function localHeaderLength(entry: Pick<ZipEntryRecord, 'name'>): number {
  return LOCAL_HEADER_FIXED + entry.name.length;
}

export function localHeader(entry: ZipEntryRecord): Buffer {
  const out = Buffer.alloc(localHeaderLength(entry));
  const { date, time } = dosDateTime(entry.mtime);
  out.writeUInt32LE(0x04034b50, 0);
  out.writeUInt16LE(VERSION_NEEDED, 4);
  out.writeUInt16LE(FLAG_UTF8, 6);
  out.writeUInt16LE(entry.method, 8);
  out.writeUInt16LE(time, 10);
  out.writeUInt16LE(date, 12);
  out.writeUInt32LE(entry.crc32 >>> 0, 14);
  out.writeUInt32LE(entry.compressedSize, 18);
  out.writeUInt32LE(entry.size, 22);
  out.writeUInt16LE(entry.name.length, 26);
  out.writeUInt16LE(0, 28);
  entry.name.copy(out, LOCAL_HEADER_FIXED);
  return out;
}

/** Info-ZIP's universal time (mtime in UTC seconds), so unzip restores the exact time regardless of time zone. */
function universalTime(mtime: Date): Buffer {
  const out = Buffer.alloc(9);
  out.writeUInt16LE(0x5455, 0);
  out.writeUInt16LE(5, 2);
  // mtime and atime flags (atime is never present in the central copy), as Info-ZIP and yazl write it.
  out.writeUInt8(0b11, 4);
  out.writeInt32LE(Math.max(-0x80000000, Math.min(0x7fffffff, Math.floor(mtime.getTime() / 1000))), 5);
  return out;
}

export function centralRecord(entry: ZipEntryRecord): Buffer {
  const { date, time } = dosDateTime(entry.mtime);
  const farOffset = entry.offset >= MAX32;
  const zip64 = Buffer.alloc(farOffset ? 12 : 0);
  if (farOffset) {
    // Only the fields that overflow are in the zip64 field, in the spec's order: here just the offset.
    zip64.writeUInt16LE(0x0001, 0);
    zip64.writeUInt16LE(8, 2);
    writeU64(zip64, entry.offset, 4);
  }
  const extra = Buffer.concat([universalTime(entry.mtime), zip64]);
  const out = Buffer.alloc(CENTRAL_FIXED + entry.name.length + extra.length);
  out.writeUInt32LE(0x02014b50, 0);
  out.writeUInt16LE(VERSION_MADE_BY, 4);
  out.writeUInt16LE(farOffset ? VERSION_NEEDED_ZIP64 : VERSION_NEEDED, 6);
  out.writeUInt16LE(FLAG_UTF8, 8);
  out.writeUInt16LE(entry.method, 10);
  out.writeUInt16LE(time, 12);
  out.writeUInt16LE(date, 14);
  out.writeUInt32LE(entry.crc32 >>> 0, 16);
  out.writeUInt32LE(entry.compressedSize, 20);
  out.writeUInt32LE(entry.size, 24);
  out.writeUInt16LE(entry.name.length, 28);
  out.writeUInt16LE(extra.length, 30);
  out.writeUInt16LE(0, 32);
  out.writeUInt16LE(0, 34);
  out.writeUInt16LE(0, 36);
  out.writeUInt32LE(EXTERNAL_ATTRIBUTES, 38);
  out.writeUInt32LE(farOffset ? MAX32 : entry.offset, 42);
  entry.name.copy(out, CENTRAL_FIXED);
  extra.copy(out, CENTRAL_FIXED + entry.name.length);
  return out;
}

/**
 * The end of central directory record, preceded by the zip64 end record and its locator when the
 * entry count, the directory's size or its position does not fit the classic fields.
 */
export function endRecords(entries: number, directoryOffset: number, directorySize: number): Buffer {
  const zip64 = entries >= MAX16 || directorySize >= MAX32 || directoryOffset >= MAX32;
  const end = Buffer.alloc(END_FIXED);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entries, MAX16), 8);
  end.writeUInt16LE(Math.min(entries, MAX16), 10);
  end.writeUInt32LE(Math.min(directorySize, MAX32), 12);
  end.writeUInt32LE(Math.min(directoryOffset, MAX32), 16);
  if (!zip64) return end;

  const record = Buffer.alloc(ZIP64_END_FIXED);
  record.writeUInt32LE(0x06064b50, 0);
  writeU64(record, ZIP64_END_FIXED - 12, 4);
  record.writeUInt16LE(VERSION_MADE_BY, 12);
  record.writeUInt16LE(VERSION_NEEDED_ZIP64, 14);
  writeU64(record, entries, 24);
  writeU64(record, entries, 32);
  writeU64(record, directorySize, 40);
  writeU64(record, directoryOffset, 48);
  const locator = Buffer.alloc(ZIP64_LOCATOR);
  locator.writeUInt32LE(0x07064b50, 0);
  // The zip64 end record sits right after the directory.
  writeU64(locator, directoryOffset + directorySize, 8);
  locator.writeUInt32LE(1, 16);
  return Buffer.concat([record, locator, end]);
}
