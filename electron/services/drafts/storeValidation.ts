import { chinaToday } from '../../../shared/dates';
import type { Draft } from '../../../shared/model/draft';
import { otherDraftsFrom } from '../../../shared/rules/otherDrafts';
import { attachmentFactsOf } from '../attachments/attachmentFacts';
import type { AttachmentStore } from '../attachments/attachmentStore';
import type { PackRegistry } from '../packs/registry';
import { validateWithRegistry, type DraftValidation, type ValidateOptions } from '../packs/validation';
import type { DraftService } from './draftService';

export interface StoreValidationDeps {
  packs: PackRegistry;
  drafts: DraftService;
  attachments: AttachmentStore;
  now?: () => Date;
}

/**
 * How a draft of this store is checked, for every caller (问题清单, 定稿, export): cross-draft rules
 * see the other live drafts (not the draft itself, not trashed or damaged ones), and attachment
 * rules see the stored files' bytes.
 */
export function createStoreValidation({ packs, drafts, attachments, now = () => new Date() }: StoreValidationDeps) {
  const optionsFor = (id: string, draft: Draft, today: string): ValidateOptions => {
    const others = drafts
      .list({})
      .filter((s) => s.id !== id && s.packId !== null && s.damage === undefined)
      .map((s) => drafts.get(s.id));
    return { today, otherDrafts: otherDraftsFrom(others, packs.yearOf), attachmentFacts: attachmentFactsOf(attachments, draft) };
  };

  return {
    optionsFor,
    /** The one result list of a stored draft on `at` (the China date today when absent). */
    validate(id: string, at: string = chinaToday(now())): DraftValidation & { at: string } {
      const stored = drafts.get(id);
      return { ...validateWithRegistry(packs, stored.draft, optionsFor(id, stored.draft, at)), at };
    },
  };
}

export type StoreValidation = ReturnType<typeof createStoreValidation>;
