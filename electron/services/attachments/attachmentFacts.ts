import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { SNIFF_BYTES, sniffType } from '../../../shared/attachments/sniff';
import type { Draft } from '../../../shared/model/draft';
import type { AttachmentFact } from '../../../shared/rules/types';
import type { AttachmentStore } from './attachmentStore';

/**
 * What the store can say about each attachment of a draft without reading it whole: whether the
 * file is there, whether its size still matches the registered one, and what its first bytes show.
 * Fed into the rule engine so a missing or altered file, or an EXE called `.pdf`, is an error in
 * the one result list from the moment the draft is checked (the export re-hashes every byte).
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
  let actual: number;
  try {
    actual = statSync(file).size;
  } catch {
    return { state: 'missing' };
  }
  const registered = store.info(sha256)?.size ?? size;
  if (actual !== registered || actual !== size) return { state: 'altered' };
  return { state: 'ok', detected: sniffFile(file, actual) };
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
