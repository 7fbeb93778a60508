import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { AppError } from '../../../../shared/ipc/errors';
import { centralRecord, endRecords, localHeader, localHeaderLength, MAX_ENTRY_BYTES, type ZipEntryRecord } from './zipRecords';

const deflateRaw = promisify(zlib.deflateRaw);

/** Where the zip goes: positional writes, so the local header can be filled in after its data. */
export interface PositionalSink {
  write(bytes: Uint8Array, position: number): Promise<void>;
}

/** A small entry whose compression already runs (in libuv's pool), started as soon as its bytes exist. */
export interface PreparedBuffer {
  bytes: Uint8Array;
  method: 0 | 8;
  data: Promise<Uint8Array>;
}

export function prepareBuffer(bytes: Uint8Array, compress: boolean): PreparedBuffer {
  const data = compress ? deflateRaw(bytes, { level: 6 }) : Promise.resolve(bytes);
  // Awaited by addBuffer; a failure before then must not surface as an unhandled rejection.
  data.catch(() => undefined);
  return { bytes, method: compress ? 8 : 0, data };
}

/** Hands an entry's bytes to the zip in order; answers when the writer is done with `chunk` (the caller may then reuse it). */
export type ChunkSink = (chunk: Buffer) => Promise<void>;

/**
 * Writes a zip front to back into a positional sink. Entries come one after another; a streamed
 * entry's data is written while its CRC-32 (Node's native zlib.crc32) runs over the same chunks,
 * and its local header is written last, once the CRC and size are known. The caller awaits each
 * add before the next.
 */
export class ZipFileWriter {
  private readonly entries: ZipEntryRecord[] = [];
  private cursor = 0;

  constructor(
    private readonly sink: PositionalSink,
    private readonly mtime: Date,
  ) {}

  /** A small entry held in memory (the documents, the manifest), deflated when `compress` (or as prepared). */
  async addBuffer(name: string, source: Uint8Array | PreparedBuffer, compress = false): Promise<void> {
    const { bytes, method, data: pending } = source instanceof Uint8Array ? prepareBuffer(source, compress) : source;
    const data = await pending;
    const entry = this.entry(name, method, bytes.length);
    entry.crc32 = zlib.crc32(bytes);
    entry.compressedSize = data.length;
    const header = localHeader(entry);
    const at = this.cursor;
    this.cursor += header.length + data.length;
    await Promise.all([this.sink.write(header, at), this.sink.write(data, at + header.length)]);
    this.entries.push(entry);
  }

  /**
   * A stored entry of `size` bytes that `fill` produces chunk by chunk. Throws if `fill` delivers
   * another number of bytes, so a file that changed size never makes an inconsistent zip.
   */
  async addStream(name: string, size: number, fill: (sink: ChunkSink) => Promise<unknown>, sizeMismatch: () => Error): Promise<void> {
    const entry = this.entry(name, 0, size);
    const headerAt = this.cursor;
    let at = headerAt + localHeaderLength(entry);
    let crc = 0;
    let written = 0;
    await fill((chunk) => {
      written += chunk.length;
      if (written > size) return Promise.reject(sizeMismatch());
      crc = zlib.crc32(chunk, crc);
      const write = this.sink.write(chunk, at);
      at += chunk.length;
      return write;
    });
    if (written !== size) throw sizeMismatch();
    entry.crc32 = crc;
    entry.compressedSize = size;
    await this.sink.write(localHeader(entry), headerAt);
    this.cursor = at;
    this.entries.push(entry);
  }

  /** The central directory and end records; answers the zip's total size. */
  async finish(): Promise<number> {
    const directory = Buffer.concat(this.entries.map(centralRecord));
    const end = endRecords(this.entries.length, this.cursor, directory.length);
    await this.sink.write(Buffer.concat([directory, end]), this.cursor);
    this.cursor += directory.length + end.length;
    return this.cursor;
  }

  private entry(name: string, method: 0 | 8, size: number): ZipEntryRecord {
    if (size > MAX_ENTRY_BYTES) throw new AppError('invalid_input', `文件「${name}」超过 4 GB，不能放入申报包`);
    return { name: entryName(name), method, crc32: 0, compressedSize: 0, size, offset: this.cursor, mtime: this.mtime };
  }
}

/** The names are built by safeName; this only refuses what no zip may hold (as yazl did), never rewrites silently. */
function entryName(name: string): Buffer {
  const parts = name.split('/');
  const unsafe = name === '' || name.includes('\\') || name.startsWith('/') || /^[a-zA-Z]:/.test(name) || parts.includes('..') || parts.includes('');
  const bytes = Buffer.from(name, 'utf8');
  if (unsafe || bytes.length > 0xffff) throw new AppError('internal', `申报包内的文件名不合法：${name}`);
  return bytes;
}
