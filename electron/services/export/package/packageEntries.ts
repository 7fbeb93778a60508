import type { Draft } from '../../../../shared/model/draft';
import type { AttachmentItem } from '../../../../shared/pack/pack';
import { attachmentEntryName } from './safeName';

export interface AttachmentEntry {
  /** The name inside the package, e.g. 「附件01-营业执照.pdf」. */
  path: string;
  sha256: string;
  size: number;
  originalName: string;
  checklistItem: string;
}

/**
 * The attachments to pack, in checklist order, numbered across the whole package. Slots that are
 * not checklist items (e.g. figures embedded in the book) are not packed separately.
 */
export function attachmentEntries(checklist: readonly AttachmentItem[], draft: Draft): AttachmentEntry[] {
  const entries: AttachmentEntry[] = [];
  for (const item of checklist) {
    const refs = draft.attachments[item.id] ?? [];
    refs.forEach((ref, i) => {
      entries.push({
        path: attachmentEntryName(entries.length + 1, item.name, ref.name, ref.mediaType, refs.length > 1 ? i + 1 : 1),
        sha256: ref.sha256,
        size: ref.size,
        originalName: ref.name,
        checklistItem: item.id,
      });
    });
  }
  return entries;
}

export function namesByItem(entries: readonly AttachmentEntry[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const e of entries) map.set(e.checklistItem, [...(map.get(e.checklistItem) ?? []), e.path]);
  return map;
}
