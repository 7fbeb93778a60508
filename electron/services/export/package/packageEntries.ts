import type { Draft } from '../../../../shared/model/draft';
import type { AttachmentItem } from '../../../../shared/pack/pack';
import { numberAttachments } from '../../../../shared/book/build/attachmentNumbers';
import { attachmentEntryName } from './safeName';

export interface AttachmentEntry {
  /** The name inside the package, e.g. 「附件1-营业执照.pdf」. */
  path: string;
  sha256: string;
  size: number;
  originalName: string;
  checklistItem: string;
}

/**
 * The attachments to pack, in checklist order, each named by its item's number in the book
 * (附件N of the 附件清单 = 「附件N-名称.ext」 = row N of the 自查表). Items this draft is not asked
 * for have no number and are not packed; slots that are not checklist items (figures) neither.
 */
export function attachmentEntries(checklist: readonly AttachmentItem[], draft: Draft): AttachmentEntry[] {
  const entries: AttachmentEntry[] = [];
  for (const { item, no } of numberAttachments(checklist, draft)) {
    if (no === null) continue;
    const refs = Object.hasOwn(draft.attachments, item.id) ? (draft.attachments[item.id] ?? []) : [];
    refs.forEach((ref, i) => {
      entries.push({
        path: attachmentEntryName(no, item.name, ref.name, ref.mediaType, refs.length > 1 ? i + 1 : 1),
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
