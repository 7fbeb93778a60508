import { randomBytes } from 'node:crypto';
import { promises as fsp, type Dirent } from 'node:fs';
import path from 'node:path';
import { atomicWriteFile } from './atomicWrite';

/**
 * Temp files a crash (kill, power cut) can leave in the data directory, and their removal at the
 * next start. Only names our own writers produce are touched, each only in the place its writer uses,
 * and only once older than a grace period: another process (the CLI next to the app) may be writing
 * one right now, and a live writer keeps its file's mtime fresh. User files never match.
 *
 * Exports written outside the data dir (the CLI's --out, Electron's save dialog) are found through
 * a journal: `withTempJournal` leaves a marker naming the target directory for as long as the write
 * runs, and the cleanup sweeps only the directories named by markers a crash left behind.
 */

/** atomicWrite's `.<name>.<12 hex>.tmp`, beside its target anywhere in the data dir. */
const ATOMIC_TEMP = /^\..+\.[0-9a-f]{12}\.tmp$/;
/** streamToTempFile's `<16 hex>.tmp`, in attachments/.tmp/ and exports/. */
const STREAM_TEMP = /^[0-9a-f]{16}\.tmp$/;
/** The pack installer's `packs/<id>/.incoming-<12 hex>/` directory. */
const PACK_INCOMING = /^\.incoming-[0-9a-f]{12}$/;

export const STRAY_TEMP_GRACE_MS = 10 * 60 * 1000;
/** Markers of writes outside the data dir: `<16 hex>.json` holding `{"dir": <absolute path>}`. */
export const TEMP_JOURNAL_DIR = 'temp-journal';
const MARKER = /^[0-9a-f]{16}\.json$/;

/** Deep enough for packs/<id>/<version>/ and attachments/<aa>/; the walk never follows links. */
const MAX_DEPTH = 4;

export interface StrayTempOptions {
  now?: Date;
  graceMs?: number;
}

async function entriesOf(dir: string): Promise<Dirent[]> {
  return fsp.readdir(dir, { withFileTypes: true }).catch(() => []);
}

/**
 * Runs a write whose temp file lands in `dir` (outside the data dir) with a durable marker in the
 * data dir, so if the process dies mid-write the next start knows where to look.
 */
export async function withTempJournal<T>(dataDir: string, dir: string, write: () => Promise<T>): Promise<T> {
  const journal = path.join(dataDir, TEMP_JOURNAL_DIR);
  await fsp.mkdir(journal, { recursive: true, mode: 0o700 });
  const marker = path.join(journal, `${randomBytes(8).toString('hex')}.json`);
  await atomicWriteFile(marker, JSON.stringify({ dir: path.resolve(dir) }));
  try {
    return await write();
  } finally {
    await fsp.unlink(marker).catch(() => undefined);
  }
}

function isStray(relDir: string, entry: Dirent): boolean {
  if (entry.isFile()) {
    if (ATOMIC_TEMP.test(entry.name)) return true;
    const streamDir = relDir === path.join('attachments', '.tmp') || relDir === 'exports';
    return streamDir && STREAM_TEMP.test(entry.name);
  }
  return entry.isDirectory() && path.dirname(relDir) === 'packs' && PACK_INCOMING.test(entry.name);
}

async function removeIfOld(file: string, cutoff: number, recursive = false): Promise<boolean> {
  const info = await fsp.lstat(file).catch(() => null);
  if (!info || info.mtimeMs >= cutoff) return false;
  return fsp.rm(file, { recursive, force: false }).then(
    () => true,
    () => false,
  );
}

/** The directory a marker names, if it is one of ours and well-formed. */
async function markedDir(marker: string): Promise<string | null> {
  try {
    const parsed = JSON.parse(await fsp.readFile(marker, 'utf8')) as { dir?: unknown };
    return typeof parsed.dir === 'string' && path.isAbsolute(parsed.dir) ? parsed.dir : null;
  } catch {
    return null;
  }
}

/** Sweeps the directories that crashed writes outside the data dir named; returns the files removed (absolute). */
async function sweepJournal(dataDir: string, cutoff: number): Promise<string[]> {
  const journal = path.join(dataDir, TEMP_JOURNAL_DIR);
  const removed: string[] = [];
  for (const entry of await entriesOf(journal)) {
    if (!entry.isFile() || !MARKER.test(entry.name)) continue;
    const marker = path.join(journal, entry.name);
    const info = await fsp.lstat(marker).catch(() => null);
    // A young marker may belong to a write still running in another process.
    if (!info || info.mtimeMs >= cutoff) continue;
    const dir = await markedDir(marker);
    for (const temp of dir ? await entriesOf(dir) : []) {
      if (!temp.isFile() || !(ATOMIC_TEMP.test(temp.name) || STREAM_TEMP.test(temp.name))) continue;
      const file = path.join(dir!, temp.name);
      if (await removeIfOld(file, cutoff)) removed.push(file);
    }
    await fsp.unlink(marker).catch(() => undefined);
  }
  return removed;
}

/**
 * Removes stray temp files under `dataDir` and in the directories its journal names; returns the
 * paths removed (relative to the data dir inside it, absolute outside). Never throws.
 */
export async function cleanupStrayTemps(dataDir: string, options: StrayTempOptions = {}): Promise<string[]> {
  const cutoff = (options.now ?? new Date()).getTime() - (options.graceMs ?? STRAY_TEMP_GRACE_MS);
  const removed: string[] = [];
  const walk = async (relDir: string, depth: number): Promise<void> => {
    for (const entry of await entriesOf(path.join(dataDir, relDir))) {
      const rel = path.join(relDir, entry.name);
      if (isStray(relDir, entry)) {
        if (await removeIfOld(path.join(dataDir, rel), cutoff, entry.isDirectory())) removed.push(rel);
      } else if (entry.isDirectory() && depth < MAX_DEPTH) {
        await walk(rel, depth + 1);
      }
    }
  };
  await walk('', 0).catch(() => undefined);
  removed.push(...(await sweepJournal(dataDir, cutoff).catch(() => [])));
  return removed;
}
