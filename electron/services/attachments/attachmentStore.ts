import { createHash } from 'node:crypto';
import { createReadStream, promises as fsp } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/ipc/errors';
import { Sha256Schema } from '../../../shared/model/draft';
import { withStorageErrorsAsync } from '../db/storageErrors';
import { commitTempFile, streamToTempFile } from '../fs/atomicWrite';
import { inlineHasher, type ChunkHasher } from './chunkHasher';

export interface AttachmentInfo {
  sha256: string;
  size: number;
  mediaType: string;
  firstName: string;
  createdAt: string;
}

export interface PutOptions {
  /** The user's file name: stored as metadata and shown in messages, never used as a path. */
  name?: string;
  mediaType?: string;
}

export interface AttachmentStore {
  readonly root: string;
  putFile(source: string | Uint8Array, options?: PutOptions): Promise<AttachmentInfo>;
  info(sha256: string): AttachmentInfo | undefined;
  path(sha256: string): string;
  /**
   * The file's bytes as a stream that hashes them as they pass and, at its end, fails naming the
   * attachment (`name`, else the first name stored) if the file is missing or no longer matches its
   * address. Every reader of attachment bytes goes through it, so an altered file is never used silently.
   */
  open(sha256: string, options?: OpenOptions): Readable;
  /**
   * The same checked read for large copies (the package): the file is read into the caller's
   * buffers in turn, several reads ahead, each chunk hashed and handed to `consume` in order, which
   * answers when it is done with the buffer. No buffer is allocated per chunk. Fails naming the
   * attachment, after the last chunk, exactly as `open` does; resolves with the byte count once
   * every read and every `consume` has settled. Does not record the check (see `recordVerified`).
   */
  readChunked(sha256: string, options: ChunkedReadOptions, consume: (chunk: Buffer) => Promise<void>): Promise<number>;
  /**
   * Records that these files were read whole and matched their address, in one transaction: one
   * disk sync for all of them instead of one per file (for readers that open with `recordVerified: false`).
   */
  recordVerified(sha256s: readonly string[]): void;
  verify(sha256: string): Promise<{ sha256: string; size: number }>;
  /** The whole file, hashed as it is read (one pass); a missing or altered file is reported by name (`name`, else the first name stored). */
  read(sha256: string, name?: string): Promise<Buffer>;
}

export interface OpenOptions {
  name?: string;
  /** Read size (the package reads in 1 MB chunks). */
  highWaterMark?: number;
  /**
   * false: the stream does not record the check itself; the caller passes the hashes of every file
   * it read to `recordVerified` at once (the package: each committed write syncs the disk, about
   * 2 ms measured on the bench machine, so a package of 100 attachments paid about 0.2 s).
   */
  recordVerified?: boolean;
}

export interface ChunkedReadOptions {
  name?: string;
  /** Read into in turn; as many reads are in flight as there are buffers. */
  buffers: readonly Buffer[];
  /** Where the SHA-256 runs (a worker for buffers in shared memory); this thread by default. */
  hasher?: ChunkHasher;
}

interface AttachmentRow {
  sha256: string;
  size: number;
  media_type: string;
  first_name: string;
  created_at: string;
}

function assertSha(sha256: string): void {
  // Checked before any path is built, so a hash can never become a traversal.
  if (!Sha256Schema.safeParse(sha256).success) throw new AppError('invalid_input', '附件哈希必须是 64 位小写十六进制 SHA-256');
}

function hashingTap(hash: ReturnType<typeof createHash>, counter: { bytes: number }): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      counter.bytes += chunk.length;
      callback(null, chunk);
    },
  });
}

/**
 * Content-addressed files under `<dataDir>/attachments/<aa>/<sha256>`. Files are streamed once
 * (hashing while copying to a temp file on the same disk), so a 500 MB scan never sits in memory,
 * then renamed into place; identical content is stored once.
 */
export function createAttachmentStore(db: Database, dataDir: string, now: () => Date = () => new Date()): AttachmentStore {
  const root = path.join(dataDir, 'attachments');
  const tempDir = path.join(root, '.tmp');
  const selectRow = db.prepare<{ sha256: string }, AttachmentRow>(
    'SELECT sha256, size, media_type, first_name, created_at FROM attachments WHERE sha256 = @sha256',
  );
  const insertRow = db.prepare<{ sha256: string; size: number; mediaType: string; firstName: string; createdAt: string }>(
    `INSERT INTO attachments (sha256, size, media_type, first_name, created_at)
     VALUES (@sha256, @size, @mediaType, @firstName, @createdAt)
     ON CONFLICT (sha256) DO NOTHING`,
  );
  const markVerified = db.prepare<{ sha256: string; verifiedAt: string }>(
    'UPDATE attachments SET verified_at = @verifiedAt WHERE sha256 = @sha256',
  );

  const filePath = (sha256: string): string => {
    assertSha(sha256);
    return path.join(root, sha256.slice(0, 2), sha256);
  };

  const info = (sha256: string): AttachmentInfo | undefined => {
    const row = selectRow.get({ sha256 });
    return row
      ? { sha256: row.sha256, size: row.size, mediaType: row.media_type, firstName: row.first_name, createdAt: row.created_at }
      : undefined;
  };

  const describe = (sha256: string): string => {
    const name = info(sha256)?.firstName;
    return name ? `「${name}」（${sha256.slice(0, 12)}…）` : `${sha256.slice(0, 12)}…`;
  };

  async function putFile(source: string | Uint8Array, options: PutOptions = {}): Promise<AttachmentInfo> {
    return withStorageErrorsAsync(async () => {
      const hash = createHash('sha256');
      const counter = { bytes: 0 };
      const openInput = () => (typeof source === 'string' ? createReadStream(source) : Readable.from([Buffer.from(source)]));
      const fallbackName = typeof source === 'string' ? path.basename(source) : '附件';
      let temp: string;
      try {
        temp = await streamToTempFile(openInput, tempDir, hashingTap(hash, counter));
      } catch (e) {
        if ((e as { code?: string }).code === 'ENOENT' && typeof source === 'string') {
          throw new AppError('not_found', `找不到要添加的文件「${path.basename(source)}」`);
        }
        throw e;
      }
      const sha256 = hash.digest('hex');
      const target = filePath(sha256);
      // Always replace: the temp file was hashed as it was written, so it is known good, while an
      // existing copy may have been damaged since. Only if the OS refuses (Windows, file open) keep it.
      try {
        await commitTempFile(temp, target);
      } catch (e) {
        const exists = await fsp.stat(target).then(() => true, () => false);
        await fsp.unlink(temp).catch(() => undefined);
        if (!exists) throw e;
      }
      insertRow.run({
        sha256,
        size: counter.bytes,
        mediaType: options.mediaType ?? 'application/octet-stream',
        firstName: options.name ?? fallbackName,
        createdAt: now().toISOString(),
      });
      const stored = info(sha256);
      if (!stored) throw new AppError('internal', '附件登记失败');
      return stored;
    });
  }

  const markAll = db.transaction((sha256s: readonly string[], verifiedAt: string) => {
    for (const sha256 of sha256s) markVerified.run({ sha256, verifiedAt });
  });
  function recordVerified(sha256s: readonly string[]): void {
    if (sha256s.length === 0) return;
    try {
      markAll(sha256s, now().toISOString());
    } catch {
      // Bookkeeping only: a full disk must not stop an intact file from being shown or exported.
    }
  }

  const labelOf = (sha256: string, name: string | undefined): string => (name === undefined ? describe(sha256) : `「${name}」（${sha256.slice(0, 12)}…）`);
  const altered = (label: string): AppError => new AppError('corrupt_file', `附件文件已被改动或损坏：${label}，内容与登记的哈希不一致，请重新添加该附件`);
  const unreadable = (label: string, e: NodeJS.ErrnoException): AppError =>
    e.code === 'ENOENT' ? new AppError('not_found', `附件文件缺失：${label}，请重新添加该附件`) : new AppError('io_error', `读取附件 ${label} 失败，请检查磁盘后重试`);

  function open(sha256: string, options: OpenOptions = {}): Readable {
    const file = filePath(sha256);
    const label = labelOf(sha256, options.name);
    const hash = createHash('sha256');
    const source = createReadStream(file, options.highWaterMark ? { highWaterMark: options.highWaterMark } : {});
    const checked = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        callback(null, chunk);
      },
      flush(callback) {
        if (hash.digest('hex') !== sha256) {
          callback(altered(label));
          return;
        }
        if (options.recordVerified !== false) recordVerified([sha256]);
        callback();
      },
    });
    source.on('error', (e: NodeJS.ErrnoException) => checked.destroy(unreadable(label, e)));
    // A reader that stops early (cancel, a failed package) must not leave the descriptor open.
    checked.once('close', () => source.destroy());
    return source.pipe(checked);
  }

  async function readChunked(sha256: string, options: ChunkedReadOptions, consume: (chunk: Buffer) => Promise<void>): Promise<number> {
    const label = labelOf(sha256, options.name);
    const { buffers } = options;
    if (buffers.length === 0) throw new AppError('internal', '读取附件需要至少一个缓冲区');
    let handle: FileHandle;
    try {
      handle = await fsp.open(filePath(sha256), 'r');
    } catch (e) {
      throw unreadable(label, e as NodeJS.ErrnoException);
    }
    const hasher = options.hasher ?? inlineHasher();
    /** Where the next chunk starts: claimed in consumption order, so chunk n is always bytes [n·size, (n+1)·size). */
    let next = 0;
    const claim = (buffer: Buffer): number => {
      const start = next;
      next += buffer.length;
      return start;
    };
    /** The file's length once a short read has found it. */
    let end = Infinity;
    const readFull = async (buffer: Buffer, start: number): Promise<number> => {
      let filled = 0;
      while (filled < buffer.length && start + filled < end) {
        const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, start + filled);
        if (bytesRead === 0) {
          end = Math.min(end, start + filled);
          break;
        }
        filled += bytesRead;
      }
      return filled;
    };
    // Slot i holds the read (then the consume, then the next read) of buffers[i]; none is left unsettled.
    const slots: Promise<number>[] = buffers.map((buffer) => readFull(buffer, claim(buffer)));
    const ignore = (): void => undefined;
    slots.forEach((slot) => slot.catch(ignore));
    let total = 0;
    let failure: unknown;
    try {
      for (let i = 0; ; i++) {
        const index = i % buffers.length;
        const buffer = buffers[index]!;
        const filled = await slots[index]!;
        if (filled === 0) break;
        const chunk = buffer.subarray(0, filled);
        total += filled;
        // The buffer is free again once it is both hashed and consumed.
        const released = Promise.all([hasher.update(chunk), consume(chunk)]);
        const last = filled < buffer.length;
        const start = claim(buffer);
        slots[index] = last ? released.then(() => 0) : released.then(() => readFull(buffer, start));
        slots[index]!.catch(ignore);
        if (last) break;
      }
    } catch (e) {
      failure = e;
    }
    // No read may still be filling a buffer, and no consumer still using one, when the caller reuses them;
    // and a consumer that failed after the last chunk was handed over still fails the read.
    const outcomes = await Promise.allSettled(slots);
    await handle.close().catch(ignore);
    failure ??= outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')?.reason;
    if (failure !== undefined) {
      hasher.discard();
      const e = failure as NodeJS.ErrnoException;
      throw e.syscall === 'read' ? unreadable(label, e) : e;
    }
    if ((await hasher.digest()) !== sha256) throw altered(label);
    return total;
  }

  /** Reads the file once through `open`, keeping the bytes only when `keep` is given. */
  async function check(sha256: string, name: string | undefined, keep?: Buffer[]): Promise<number> {
    let bytes = 0;
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        bytes += chunk.length;
        keep?.push(chunk);
        callback();
      },
    });
    await pipeline(open(sha256, { name }), sink);
    return bytes;
  }

  async function verify(sha256: string): Promise<{ sha256: string; size: number }> {
    return { sha256, size: await check(sha256, undefined) };
  }

  async function read(sha256: string, name?: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    await check(sha256, name, chunks);
    return Buffer.concat(chunks);
  }

  return {
    root,
    putFile,
    info,
    path: filePath,
    open,
    readChunked,
    recordVerified,
    verify,
    read,
  };
}
