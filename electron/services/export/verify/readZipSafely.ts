import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { AppError } from '../../../../shared/ipc/errors';
import { ZIP_LIMITS } from './zipLimits';

/** The package cannot be read at all, or is unsafe to read: nothing in it was extracted or trusted. */
export class UnsafePackageError extends AppError {
  constructor(message: string) {
    super('corrupt_file', message);
    this.name = 'UnsafePackageError';
  }
}

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
  close(): void;
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
  return `申报包已损坏，无法读取（${m}）`;
}

/**
 * Checks that an entry may be read at all: no absolute paths, no `..`, no backslashes, no
 * control characters, no symlinks (by their external attributes), no encryption, no
 * implausible compression ratio. yauzl checks some of these too; we do not rely on it alone.
 */
function checkEntry(entry: Entry): void {
  const name = entry.fileName;
  if (name === '' || name.startsWith('/') || /^[A-Za-z]:/.test(name)) throw new UnsafePackageError(`申报包中有使用绝对路径的条目（${name}），已拒绝读取`);
  if (name.includes('\\')) throw new UnsafePackageError(`申报包中有包含反斜杠的条目名（${name}），已拒绝读取`);
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

function openZip(source: string | Buffer): Promise<ZipFile> {
  const options = { lazyEntries: true, autoClose: false, strictFileNames: true, validateEntrySizes: true };
  return new Promise((resolve, reject) => {
    const done = (e: Error | null, zip?: ZipFile): void => {
      if (e || !zip) reject(new UnsafePackageError(describeYauzlError(e ?? new Error('unknown'))));
      else resolve(zip);
    };
    if (typeof source === 'string') yauzl.open(source, options, done);
    else yauzl.fromBuffer(source, options, done);
  });
}

/** Reads the central directory only, checking every entry and the totals before any data is touched. */
function listEntries(zip: ZipFile): Promise<SafeEntry[]> {
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
        checkEntry(entry);
        // Windows and macOS would write 「A.pdf」 and 「a.pdf」 to one file: treat them as the same name.
        const key = entry.fileName.normalize('NFC').toLowerCase();
        if (seen.has(key)) throw new UnsafePackageError(`申报包中有重名的条目「${entry.fileName}」，已拒绝读取`);
        seen.add(key);
        total += entry.uncompressedSize;
        if (total > ZIP_LIMITS.maxTotalUncompressed) {
          throw new UnsafePackageError(`申报包解压后超过 ${ZIP_LIMITS.maxTotalUncompressed / 1024 / 1024 / 1024} GB，已拒绝读取`);
        }
        entries.push({ name: entry.fileName, size: entry.uncompressedSize, entry });
        zip.readEntry();
      } catch (e) {
        fail(e as Error);
      }
    });
    zip.on('end', () => resolve(entries));
    zip.readEntry();
  });
}

function openEntry(zip: ZipFile, entry: Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (e, stream) => (e || !stream ? reject(e ?? new Error('no stream')) : resolve(stream)));
  });
}

/** Opens a package (a path or its bytes) and checks its whole directory; throws UnsafePackageError. */
export async function readZipSafely(source: string | Buffer): Promise<SafeZip> {
  const zip = await openZip(source);
  try {
    if (zip.entryCount > ZIP_LIMITS.maxEntries) {
      throw new UnsafePackageError(`申报包有 ${zip.entryCount} 个条目，超过上限 ${ZIP_LIMITS.maxEntries}，已拒绝读取`);
    }
    const entries = await listEntries(zip);
    const readFailed = (e: unknown, name: string): UnsafePackageError =>
      new UnsafePackageError(`读取申报包中的「${name}」失败：${e instanceof Error ? describeYauzlError(e) : '数据损坏'}`);
    return {
      entries,
      async hash(safe) {
        const digest = createHash('sha256');
        let size = 0;
        try {
          const stream = await openEntry(zip, safe.entry);
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
      async readSmall(safe) {
        if (safe.size > ZIP_LIMITS.maxInMemoryEntry) throw new UnsafePackageError(`申报包中的「${safe.name}」过大，已拒绝读取`);
        const chunks: Buffer[] = [];
        try {
          const stream = await openEntry(zip, safe.entry);
          for await (const chunk of stream) chunks.push(chunk as Buffer);
        } catch (e) {
          throw readFailed(e, safe.name);
        }
        return Buffer.concat(chunks);
      },
      close: () => zip.close(),
    };
  } catch (e) {
    zip.close();
    throw e;
  }
}
