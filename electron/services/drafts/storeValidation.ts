import { chinaToday } from '../../../shared/dates';
import type { Draft } from '../../../shared/model/draft';
import { crossDraftKeysOf, otherDraftsFrom, withOnlyValues } from '../../../shared/rules/otherDrafts';
import type { OtherDraft } from '../../../shared/rules/types';
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
  const othersOf = (id: string): OtherDraft[] => {
    const others = drafts
      .list({})
      .filter((s) => s.id !== id && s.packId !== null && s.damage === undefined)
      // The home list keeps each draft parsed per revision: 2,000 other drafts are not read and checked again.
      .map((s) => drafts.listedDraft(s.id, s.revision) ?? drafts.get(s.id).draft);
    return otherDraftsFrom(others, packs.yearOf);
  };
  const optionsFor = (id: string, draft: Draft, today: string): ValidateOptions => ({
    today,
    otherDrafts: othersOf(id),
    attachmentFacts: attachmentFactsOf(attachments, draft),
  });

  return {
    optionsFor,
    /** What this draft's cross-draft rules see of the other drafts (only the values they compare); none without an installed pack. */
    otherDraftsFor(id: string): OtherDraft[] {
      const g = drafts.get(id).draft.guideline;
      const pack = g ? packs.packForDraft(g)?.installed.pack : undefined;
      const keys = pack ? crossDraftKeysOf(pack) : [];
      return keys.length === 0 ? [] : withOnlyValues(othersOf(id), keys);
    },
    /** The one result list of a stored draft on `at` (the China date today when absent). */
    validate(id: string, at: string = chinaToday(now())): DraftValidation & { at: string } {
      const stored = drafts.get(id);
      return { ...validateWithRegistry(packs, stored.draft, optionsFor(id, stored.draft, at)), at };
    },
  };
}

export type StoreValidation = ReturnType<typeof createStoreValidation>;
