import { closeSync, openSync, readSync } from 'node:fs';
import os from 'node:os';

const WAL_HEADER = 32;
const FRAME_HEADER = 24;

/**
 * Frames in the current WAL generation: those whose salts match the header's (the file is not
 * truncated after a checkpoint, so its size says nothing). SQLite checkpoints automatically once a
 * commit takes this past 1000 pages, so a child started near that mark will checkpoint while it saves.
 */
export function walFrames(dbFile: string): number {
  let fd: number;
  try {
    fd = openSync(`${dbFile}-wal`, 'r');
  } catch {
    return 0;
  }
  try {
    const header = Buffer.alloc(WAL_HEADER);
    if (readSync(fd, header, 0, WAL_HEADER, 0) < WAL_HEADER) return 0;
    const pageSize = header.readUInt32BE(8);
    const salts = header.subarray(16, 24);
    const frame = Buffer.alloc(FRAME_HEADER);
    let frames = 0;
    while (readSync(fd, frame, 0, FRAME_HEADER, WAL_HEADER + frames * (FRAME_HEADER + pageSize)) === FRAME_HEADER) {
      if (!frame.subarray(8, 16).equals(salts)) break;
      frames++;
    }
    return frames;
  } finally {
    closeSync(fd);
  }
}

// The -shm file holds two copies of the 48-byte WAL-index header, then the checkpoint info:
// nBackfill (frames copied into the database file) at 96, nBackfillAttempted at 128, in native byte order.
const SHM_NBACKFILL = 96;
const SHM_NBACKFILL_ATTEMPTED = 128;

export interface CheckpointInfo {
  /** Frames copied into the database file (nBackfill). */
  copied: number;
  /** Frames a checkpoint set out to copy (nBackfillAttempted): set before copying, `copied` after. */
  attempted: number;
}

/** The checkpoint info in the -shm file, or null without one. Recovery at open sets attempted to the WAL's length and copied to 0. */
export function readCheckpointInfo(dbFile: string): CheckpointInfo | null {
  let fd: number;
  try {
    fd = openSync(`${dbFile}-shm`, 'r');
  } catch {
    return null;
  }
  try {
    const info = Buffer.alloc(SHM_NBACKFILL_ATTEMPTED + 4);
    if (readSync(fd, info, 0, info.length, 0) < info.length) return null;
    const read = (offset: number) => (os.endianness() === 'LE' ? info.readUInt32LE(offset) : info.readUInt32BE(offset));
    return { copied: read(SHM_NBACKFILL), attempted: read(SHM_NBACKFILL_ATTEMPTED) };
  } finally {
    closeSync(fd);
  }
}
