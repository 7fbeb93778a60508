import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { bufferSource, fileSource, type ByteSource } from './byteSource';
import { decodeEntryName } from './entryNames';
import { UnsafePackageError } from './unsafePackageError';
import { checkZipLayout } from './zipLayout';
import { readZipStructure, type CentralRecord } from './zipStructure';

/** What a package may look like before anything in it is read. Ours have a handful of entries. */
export const ZIP_LIMITS = {
  maxEntries: 1_000,
  maxTotalUncompressed: 2 * 1024 * 1024 * 1024,
  /** Uncompressed ÷ compressed for one entry; real documents stay far below, a zip bomb far above. */
  maxRatio: 100,
  /** Tiny entries (a short JSON) may compress extremely well without being a danger. */
  ratioCheckFromBytes: 1024 * 1024,
  /** manifest.json and draft.json are read into memory; nothing else is. */
  maxInMemoryEntry: 20 * 1024 * 1024,
} as const;

export { UnsafePackageError } from './unsafePackageError';

export interface SafeEntry {
  name: string;
  size: number;
  entry: Entry;
}

export interface SafeZip {
  entries: SafeEntry[];
  /** Streams an entry through SHA-256; yauzl checks its size against the directory as it goes. */
  hash(entry: SafeEntry): Promise<{ sha256: string; size: number }>;
  /** Reads a small entry (manifest, draft) into memory, refusing anything over the limit. */
  readSmall(entry: SafeEntry): Promise<Buffer>;
  /** Reads an entry into memory, refusing it when its recorded size is over `maxBytes` (an attachment: its own limit). */
  read(entry: SafeEntry, maxBytes: number): Promise<Buffer>;
  close(): void;
}

export interface ReadZipOptions {
  /**
   * What the user calls the file, for the messages: 申报包 (the default) or e.g. 草稿数据文件.
   * The checks are the same for every zip the app reads; only the word in the messages differs.
   */
  noun?: string;
}

const DEFAULT_NOUN = '申报包';

/** The checks' messages say 申报包; a zip of another kind is named by its own word. */
function renamed(e: unknown, noun: string): unknown {
  if (noun === DEFAULT_NOUN || !(e instanceof UnsafePackageError)) return e;
  return new UnsafePackageError(e.message.replace(/ ?zip 申报包/g, noun).replaceAll('申报包文件', noun).replaceAll(DEFAULT_NOUN, noun));
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

function describeYauzlError(e: Error): string {
  const m = e.message;
  if (/absolute path/.test(m)) return `申报包中有使用绝对路径的条目（${m.replace(/^absolute path: /, '')}），已拒绝读取`;
  if (/invalid relative path/.test(m)) return `申报包中有指向包外的条目（${m.replace(/^invalid relative path: /, '')}），已拒绝读取`;
  if (/invalid characters in fileName/.test(m)) return `申报包中有包含反斜杠等非法字符的条目名（${m.replace(/^invalid characters in fileName: /, '')}），已拒绝读取`;
  if (/end of central directory record signature not found/i.test(m)) return '文件不是有效的 zip 申报包';
  if (/encrypted/.test(m)) return '申报包中有加密的条目，无法检查';
  if (/compression method/.test(m)) return '申报包中有使用不支持的压缩方式的条目，无法检查';
  if (/size mismatch|too many bytes|too few bytes/.test(m)) return '申报包中有条目的实际大小与目录记录不符，数据已损坏';
  if (/invalid (code|distance|block|stored)|incorrect header check|unexpected end/i.test(m)) return '申报包中有条目的压缩数据已损坏';
  // yauzl and zlib speak English; the user is told what happened, not their words.
  return '申报包已损坏，无法读取';
}

/**
 * Checks that an entry may be read at all: no absolute paths, no `..`, no control characters, no
 * symlinks (by their external attributes), no encryption, no implausible compression ratio. A `\`
 * separator has already become `/` (decodeEntryName), so `..\x` and `C:\x` are caught here as well.
 * yauzl checks some of these too; we do not rely on it alone.
 */
function checkEntry(entry: Entry, name: string): void {
  if (name === '' || name.startsWith('/') || /^[A-Za-z]:/.test(name)) throw new UnsafePackageError(`申报包中有使用绝对路径的条目（${name}），已拒绝读取`);
  if (name.split('/').some((part) => part === '..')) throw new UnsafePackageError(`申报包中有指向包外的条目（${name}），已拒绝读取`);
  // eslint-disable-next-line no-control-regex -- control characters in a name are the thing refused
  if (/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(name)) throw new UnsafePackageError(`申报包中有含控制字符的条目名，已拒绝读取`);
  const unixMode = (entry.externalFileAttributes >>> 16) & S_IFMT;
  if (unixMode === S_IFLNK) throw new UnsafePackageError(`申报包中有符号链接条目（${name}），已拒绝读取`);
  if ((entry.generalPurposeBitFlag & 0x1) !== 0) throw new UnsafePackageError(`申报包中有加密的条目（${name}），无法检查`);
  const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
  if (entry.uncompressedSize >= ZIP_LIMITS.ratioCheckFromBytes && ratio > ZIP_LIMITS.maxRatio) {
    throw new UnsafePackageError(`申报包中的条目「${name}」压缩比异常（${Math.round(ratio)} 倍），疑似压缩炸弹，已拒绝读取`);
  }
}

/** Names are decoded by us (GBK-aware, see entryNames.ts), so yauzl hands over the raw bytes. */
function openZip(source: FileHandle | Buffer): Promise<ZipFile> {
  const options = { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true };
  return new Promise((resolve, reject) => {
    const done = (e: Error | null, zip?: ZipFile): void => {
      if (e || !zip) reject(new UnsafePackageError(describeYauzlError(e ?? new Error('unknown'))));
      else resolve(zip);
    };
    if (Buffer.isBuffer(source)) yauzl.fromBuffer(source, options, done);
    else yauzl.fromFd(source.fd, options, done);
  });
}

/**
 * Reads the central directory through yauzl, checking every entry and the totals before any data is
 * touched, and that yauzl saw exactly the records our own walk found (same order, offsets and names).
 */
function listEntries(zip: ZipFile, records: readonly CentralRecord[], names: readonly string[]): Promise<SafeEntry[]> {
  return new Promise((resolve, reject) => {
    const entries: SafeEntry[] = [];
    const seen = new Set<string>();
    let total = 0;
    const fail = (e: Error): void => {
      zip.removeAllListeners('entry');
      reject(e instanceof UnsafePackageError ? e : new UnsafePackageError(describeYauzlError(e)));
    };
    zip.on('error', fail);
    zip.on('entry', (entry: Entry) => {
      try {
        const index = entries.length;
        const record = records[index];
        const name = names[index];
        const raw = entry.fileName as unknown as Buffer;
        if (!record || name === undefined || record.localHeaderOffset !== entry.relativeOffsetOfLocalHeader || !record.nameRaw.equals(raw)) {
          throw new UnsafePackageError('申报包的 zip 目录读取结果前后不一致，已拒绝读取');
        }
        checkEntry(entry, name);
        // Windows and macOS would write 「A.pdf」 and 「a.pdf」 to one file: treat them as the same name.
        const key = name.normalize('NFC').toLowerCase();
        if (seen.has(key)) throw new UnsafePackageError(`申报包中有重名的条目「${name}」，已拒绝读取`);
        seen.add(key);
        total += entry.uncompressedSize;
        if (total > ZIP_LIMITS.maxTotalUncompressed) {
          throw new UnsafePackageError(`申报包解压后超过 ${ZIP_LIMITS.maxTotalUncompressed / 1024 / 1024 / 1024} GB，已拒绝读取`);
        }
        entries.push({ name, size: entry.uncompressedSize, entry });
        zip.readEntry();
      } catch (e) {
        fail(e as Error);
      }
    });
    zip.on('end', () => (entries.length === records.length ? resolve(entries) : fail(new UnsafePackageError('申报包的 zip 目录读取结果前后不一致，已拒绝读取'))));
    zip.readEntry();
  });
}

/** Our own reading of the structure, refused unless exact, before yauzl is asked for anything. */
async function checkStructure(source: ByteSource): Promise<{ records: CentralRecord[]; names: string[] }> {
  const structure = await readZipStructure(source);
  const count = Math.max(structure.records.length, structure.end.entries);
  if (count > ZIP_LIMITS.maxEntries) {
    throw new UnsafePackageError(`申报包有 ${count} 个条目，超过上限 ${ZIP_LIMITS.maxEntries}，已拒绝读取`);
  }
  // What the directory declares is judged before any local header is looked at.
  const declared = structure.records.reduce((sum, r) => sum + r.uncompressedSize, 0);
  if (declared > ZIP_LIMITS.maxTotalUncompressed) {
    throw new UnsafePackageError(`申报包解压后超过 ${ZIP_LIMITS.maxTotalUncompressed / 1024 / 1024 / 1024} GB，已拒绝读取`);
  }
  const names = structure.records.map((r, i) => decodeEntryName(r.nameRaw, r.flags, r.extra, i));
  const nameOf = (record: CentralRecord): string => names[structure.records.indexOf(record)] ?? '';
  await checkZipLayout(source, structure, nameOf);
  return { records: structure.records, names };
}

function openEntry(zip: ZipFile, entry: Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (e, stream) => (e || !stream ? reject(e ?? new Error('no stream')) : resolve(stream)));
  });
}

/** Opens a package (a path or its bytes) and checks its whole structure and directory; throws UnsafePackageError. */
export async function readZipSafely(source: string | Buffer, options: ReadZipOptions = {}): Promise<SafeZip> {
  const noun = options.noun ?? DEFAULT_NOUN;
  try {
    const zip = await openChecked(source);
    return {
      entries: zip.entries,
      hash: (entry) => zip.hash(entry).catch((e: unknown) => Promise.reject(renamed(e, noun))),
      readSmall: (entry) => zip.readSmall(entry).catch((e: unknown) => Promise.reject(renamed(e, noun))),
      read: (entry, maxBytes) => zip.read(entry, maxBytes).catch((e: unknown) => Promise.reject(renamed(e, noun))),
      close: zip.close,
    };
  } catch (e) {
    throw renamed(e, noun);
  }
}

async function openChecked(source: string | Buffer): Promise<SafeZip> {
  let handle: FileHandle | null = null;
  if (!Buffer.isBuffer(source)) {
    try {
      handle = await open(source, 'r');
    } catch {
      throw new UnsafePackageError('无法打开申报包文件');
    }
  }
  let zip: ZipFile | null = null;
  const closeAll = (): void => {
    zip?.close();
    void handle?.close().catch(() => undefined);
  };
  try {
    const { records, names } = await checkStructure(handle ? await fileSource(handle) : bufferSource(source as Buffer));
    const opened = await openZip(handle ?? (source as Buffer));
    zip = opened;
    const entries = await listEntries(opened, records, names);
    const readFailed = (e: unknown, name: string): UnsafePackageError =>
      new UnsafePackageError(`读取申报包中的「${name}」失败：${e instanceof Error ? describeYauzlError(e) : '数据损坏'}`);
    const read = async (safe: SafeEntry, maxBytes: number): Promise<Buffer> => {
      if (safe.size > maxBytes) throw new UnsafePackageError(`申报包中的「${safe.name}」过大，已拒绝读取`);
      const chunks: Buffer[] = [];
      try {
        const stream = await openEntry(opened, safe.entry);
        for await (const chunk of stream) chunks.push(chunk as Buffer);
      } catch (e) {
        throw readFailed(e, safe.name);
      }
      return Buffer.concat(chunks);
    };
    return {
      entries,
      async hash(safe) {
        const digest = createHash('sha256');
        let size = 0;
        try {
          const stream = await openEntry(opened, safe.entry);
          await pipeline(
            stream,
            new Writable({
              write(chunk: Buffer, _encoding, callback) {
                digest.update(chunk);
                size += chunk.length;
                callback();
              },
            }),
          );
        } catch (e) {
          throw readFailed(e, safe.name);
        }
        return { sha256: digest.digest('hex'), size };
      },
      readSmall: (safe) => read(safe, ZIP_LIMITS.maxInMemoryEntry),
      read,
      close: closeAll,
    };
  } catch (e) {
    closeAll();
    throw e;
  }
}
