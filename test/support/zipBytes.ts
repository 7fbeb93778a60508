import zlib from 'node:zlib';

/**
 * Zip archives written and edited byte by byte, for tests of the package reader: what Windows'
 * 「压缩文件夹」 writes (names in GBK, no UTF-8 flag), and hostile edits of a valid archive (an end
 * record that under-reports its entries, bytes slipped between entries, overlapping headers).
 */

export interface RawEntry {
  /** The name exactly as stored. */
  name: Buffer;
  data: Buffer;
  /** General purpose flags; bit 11 (0x800) says the name is UTF-8. */
  flags?: number;
  deflate?: boolean;
}

const crc32 = (data: Buffer): number => zlib.crc32(data) >>> 0;

/** A plain zip without data descriptors or extra fields, as Windows Explorer writes. */
export function writeRawZip(entries: RawEntry[], comment = Buffer.alloc(0)): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const body = entry.deflate ? zlib.deflateRawSync(entry.data) : entry.data;
    const method = entry.deflate ? 8 : 0;
    const flags = entry.flags ?? 0;
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0x6000, 10);
    local.writeUInt16LE(0x5821, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(entry.name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by MS-DOS/Windows, version 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0x6000, 12);
    central.writeUInt16LE(0x5821, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(entry.name.length, 28);
    central.writeUInt32LE(0x20, 38); // FILE_ATTRIBUTE_ARCHIVE
    central.writeUInt32LE(offset, 42);
    locals.push(local, entry.name, body);
    centrals.push(central, entry.name);
    offset += 30 + entry.name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(comment.length, 20);
  return Buffer.concat([...locals, directory, end, comment]);
}

export interface EndFields {
  at: number;
  entries: number;
  directorySize: number;
  directoryOffset: number;
}

export function endOf(zip: Buffer): EndFields {
  const at = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (at < 0) throw new Error('no end record');
  return { at, entries: zip.readUInt16LE(at + 10), directorySize: zip.readUInt32LE(at + 12), directoryOffset: zip.readUInt32LE(at + 16) };
}

/** Rewrites the end record's fields (a copy). */
export function withEnd(zip: Buffer, change: Partial<Omit<EndFields, 'at'>>): Buffer {
  const out = Buffer.from(zip);
  const { at } = endOf(out);
  if (change.entries !== undefined) {
    out.writeUInt16LE(change.entries, at + 8);
    out.writeUInt16LE(change.entries, at + 10);
  }
  if (change.directorySize !== undefined) out.writeUInt32LE(change.directorySize, at + 12);
  if (change.directoryOffset !== undefined) out.writeUInt32LE(change.directoryOffset, at + 16);
  return out;
}

export interface CentralInfo {
  at: number;
  length: number;
  name: Buffer;
  localHeaderOffset: number;
}

export function centralRecords(zip: Buffer): CentralInfo[] {
  const end = endOf(zip);
  const out: CentralInfo[] = [];
  let at = end.directoryOffset;
  while (at < end.at && zip.readUInt32LE(at) === 0x02014b50) {
    const nameLength = zip.readUInt16LE(at + 28);
    const length = 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    out.push({ at, length, name: zip.subarray(at + 46, at + 46 + nameLength), localHeaderOffset: zip.readUInt32LE(at + 42) });
    at += length;
  }
  return out;
}

/** Inserts bytes at a file offset and moves every offset that pointed at or past it, so only the inserted bytes are unaccounted for. */
export function insertBytes(zip: Buffer, at: number, bytes: Buffer): Buffer {
  const records = centralRecords(zip);
  const out = Buffer.concat([zip.subarray(0, at), bytes, zip.subarray(at)]);
  const shift = (offset: number): number => (offset >= at ? offset + bytes.length : offset);
  for (const r of records) out.writeUInt32LE(shift(r.localHeaderOffset), shift(r.at) + 42);
  const end = endOf(out);
  out.writeUInt32LE(shift(endOf(zip).directoryOffset), end.at + 16);
  return out;
}

/** Points one directory record's local header offset elsewhere (a copy). */
export function withLocalHeaderOffset(zip: Buffer, recordIndex: number, offset: number): Buffer {
  const out = Buffer.from(zip);
  const record = centralRecords(out)[recordIndex];
  if (!record) throw new Error('no such record');
  out.writeUInt32LE(offset, record.at + 42);
  return out;
}
