import type { FileHandle } from 'node:fs/promises';
import { UnsafePackageError } from './unsafePackageError';

/** Random access to the bytes of a package, whether the caller has a path (CLI) or the bytes (upload). */
export interface ByteSource {
  readonly size: number;
  /** Exactly `length` bytes at `offset`; a read past the end is a damaged package, not a short buffer. */
  read(offset: number, length: number): Promise<Buffer>;
}

function outOfRange(offset: number, length: number, size: number): boolean {
  return offset < 0 || length < 0 || offset + length > size;
}

const truncated = (): UnsafePackageError => new UnsafePackageError('申报包不完整：记录指向文件末尾之后的位置，文件可能已被截断');

export function bufferSource(bytes: Buffer): ByteSource {
  return {
    size: bytes.length,
    read: (offset, length) => {
      if (outOfRange(offset, length, bytes.length)) return Promise.reject(truncated());
      return Promise.resolve(bytes.subarray(offset, offset + length));
    },
  };
}

/** Reads through one open handle, the same one yauzl later reads from, so both see the same file. */
export async function fileSource(handle: FileHandle): Promise<ByteSource> {
  const { size } = await handle.stat();
  return {
    size,
    async read(offset, length) {
      if (outOfRange(offset, length, size)) throw truncated();
      const out = Buffer.alloc(length);
      let done = 0;
      while (done < length) {
        const { bytesRead } = await handle.read(out, done, length - done, offset + done);
        if (bytesRead === 0) throw truncated();
        done += bytesRead;
      }
      return out;
    },
  };
}
