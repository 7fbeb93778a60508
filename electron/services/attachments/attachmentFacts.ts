import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { SNIFF_BYTES, sniffType } from '../../../shared/attachments/sniff';
import type { Draft } from '../../../shared/model/draft';
import type { AttachmentFact } from '../../../shared/rules/types';
import type { AttachmentStore } from './attachmentStore';

/**
 * What the store can say about each attachment of a draft: whether the file is there, whether its
 * bytes still hash to its address, and what its first bytes show. Fed into the rule engine so a
 * missing or altered file, or an EXE called `.pdf`, is an error in the one result list from the
 * moment the draft is checked. A file is hashed again only when its size or modification time
 * changed since it was last hashed here, so checking a draft on every opening stays cheap.
 */
export function attachmentFactsOf(store: Pick<AttachmentStore, 'path' | 'info'>, draft: Pick<Draft, 'attachments'>): Record<string, AttachmentFact> {
  const facts: Record<string, AttachmentFact> = {};
  for (const refs of Object.values(draft.attachments)) {
    for (const ref of refs) {
      if (Object.hasOwn(facts, ref.sha256)) continue;
      facts[ref.sha256] = factOf(store, ref.sha256, ref.size);
    }
  }
  return facts;
}

function factOf(store: Pick<AttachmentStore, 'path' | 'info'>, sha256: string, size: number): AttachmentFact {
  let file: string;
  try {
    file = store.path(sha256);
  } catch {
    return { state: 'missing' };
  }
  return factOfFile(file, sha256, size, store.info(sha256)?.size ?? size);
}

/**
 * One file that should hold the attachment `sha256` of `size` bytes (and `registered` bytes, as
 * the store recorded it): missing, altered (size or hash differ), or intact with the type its
 * first bytes show. The store and `shenbao validate`'s look-up beside a draft file both use it.
 */
export function factOfFile(file: string, sha256: string, size: number, registered = size): AttachmentFact {
  let stat: Stats | undefined;
  try {
    // No exception for an absent file: a batch 形式审查 looks in two places for every attachment
    // of every draft, and a thrown ENOENT (an Error with its stack) costs more than the stat itself.
    stat = statSync(file, { throwIfNoEntry: false });
  } catch {
    return { state: 'missing' };
  }
  if (!stat || !stat.isFile()) return { state: 'missing' };
  if (stat.size !== registered || stat.size !== size) return { state: 'altered' };
  if (!hashMatches(file, stat, sha256)) return { state: 'altered' };
  return { state: 'ok', detected: sniffFile(file, stat.size) };
}

/** Files hashed by this process: path → the size and mtime it had, and whether it matched. */
const hashed = new Map<string, { size: number; mtimeMs: number; ok: boolean }>();
const HASH_CHUNK = 1024 * 1024;

function hashMatches(file: string, before: Stats, sha256: string): boolean {
  let fd: number | null = null;
  try {
    const seen = hashed.get(file);
    if (seen && seen.size === before.size && seen.mtimeMs === before.mtimeMs) return seen.ok;
    fd = openSync(file, 'r');
    const hash = createHash('sha256');
    const chunk = Buffer.alloc(HASH_CHUNK);
    for (let n = readSync(fd, chunk, 0, HASH_CHUNK, null); n > 0; n = readSync(fd, chunk, 0, HASH_CHUNK, null)) hash.update(chunk.subarray(0, n));
    const ok = hash.digest('hex') === sha256;
    hashed.set(file, { size: before.size, mtimeMs: before.mtimeMs, ok });
    return ok;
  } catch {
    return false;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

function sniffFile(file: string, size: number): AttachmentFact['detected'] {
  let fd: number | null = null;
  try {
    fd = openSync(file, 'r');
    const head = Buffer.alloc(Math.min(size, SNIFF_BYTES));
    const read = readSync(fd, head, 0, head.length, 0);
    return sniffType(head.subarray(0, read));
  } catch {
    return null;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
