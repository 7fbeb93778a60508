import type { Draft } from '../../model/draft';
import type { AttachmentItem } from '../../pack/pack';
import { evalCondition } from '../../rules/condition';

export interface NumberedItem {
  item: AttachmentItem;
  /** 附件N: the same N in the book's 附件清单, the package entry 「附件N-名称.ext」 and row N of the 自查表; null when this draft is not asked for it. */
  no: number | null;
}

/**
 * The one attachment numbering. Items whose condition holds for the draft are numbered 1, 2, … in
 * checklist order; the others (a licence only enterprises attach, for a university) get no number,
 * so the numbers never skip.
 */
export function numberAttachments(checklist: readonly AttachmentItem[], draft: Draft): NumberedItem[] {
  let next = 0;
  return checklist.map((item) => ({ item, no: item.when === undefined || evalCondition(item.when, draft) ? ++next : null }));
}
