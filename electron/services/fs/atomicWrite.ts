import { randomBytes } from 'node:crypto';
import { createWriteStream, promises as fsp } from 'node:fs';
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Atomic file writes: the data goes to a temp file in the target's own directory (same file
 * system, so rename is atomic), is fsynced, renamed over the target, and then the directory is
 * fsynced so the rename itself survives a power cut. A reader sees the old file or the new one,
 * never half of either.
 */

function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Directory fsync is not supported on Windows (EPERM/EISDIR); there NTFS journals the rename. */
export function fsyncDirSync(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fsp.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export function atomicWriteFileSync(target: string, data: string | Uint8Array, mode = 0o600): void {
  const temp = tempPathFor(target);
  const fd = openSync(temp, 'wx', mode);
  try {
    const buffer = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let offset = 0;
    while (offset < buffer.length) offset += writeSync(fd, buffer, offset, buffer.length - offset);
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temp, target);
  } catch (e) {
    safeCloseAndUnlink(fd, temp);
    throw e;
  }
  fsyncDirSync(path.dirname(target));
}

function safeCloseAndUnlink(fd: number, temp: string): void {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
  try {
    unlinkSync(temp);
  } catch {
    // never created or already renamed
  }
}

export async function atomicWriteFile(target: string, data: string | Uint8Array, mode = 0o600): Promise<void> {
  const temp = tempPathFor(target);
  const handle = await fsp.open(temp, 'wx', mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    await fsp.rename(temp, target);
  } catch (e) {
    await handle.close().catch(() => undefined);
    await fsp.unlink(temp).catch(() => undefined);
    throw e;
  }
  await fsyncDir(path.dirname(target));
}

/**
 * Streams the source (through `tap`, e.g. a hasher) into a temp file in `tempDir` (which must be on the same file system as the
 * final target), fsyncs it and returns its path; the caller decides the final name once the
 * content is known (content addressing) and calls `commitTempFile`.
 */
export async function streamToTempFile(openSource: () => Readable, tempDir: string, tap?: Transform, mode = 0o600): Promise<string> {
  await fsp.mkdir(tempDir, { recursive: true, mode: 0o700 });
  const temp = path.join(tempDir, `${randomBytes(8).toString('hex')}.tmp`);
  try {
    const sink = createWriteStream(temp, { flags: 'wx', mode });
    // Opened only now, right before piping, so an early open error has a listener.
    const source = openSource();
    // pipeline (not pipe) so a read error in the source rejects instead of hanging.
    await (tap ? pipeline(source, tap, sink) : pipeline(source, sink));
    const handle = await fsp.open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    return temp;
  } catch (e) {
    await fsp.unlink(temp).catch(() => undefined);
    throw e;
  }
}

/** Renames an fsynced temp file onto its target and fsyncs the target's directory. */
export async function commitTempFile(temp: string, target: string): Promise<void> {
  await fsp.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  await fsp.rename(temp, target);
  await fsyncDir(path.dirname(target));
}
