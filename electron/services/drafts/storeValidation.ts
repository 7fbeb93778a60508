import { chinaToday } from '../../../shared/dates';
import type { Draft } from '../../../shared/model/draft';
import { crossDraftKeysOf, otherDraftsFrom, withOnlyValues } from '../../../shared/rules/otherDrafts';
import type { OtherDraft } from '../../../shared/rules/types';
import { attachmentFactsOf } from '../attachments/attachmentFacts';
import type { AttachmentStore } from '../attachments/attachmentStore';
import type { PackRegistry } from '../packs/registry';
import { validateWithRegistry, type DraftValidation, type ValidateOptions } from '../packs/validation';
import { checkWithKeys, draftOfEntry, entryPrefix } from './draftChecks';
import type { DraftService } from './draftService';
import { installedCrossKeys } from './packsSignature';

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
  /** The crossDraftLimit keys of the pack this draft is checked against: all its rules read of other drafts. */
  const crossKeysFor = (draft: Draft): string[] => {
    const pack = draft.guideline ? packs.packForDraft(draft.guideline)?.installed.pack : undefined;
    return pack ? crossDraftKeysOf(pack) : [];
  };
  const othersOf = (id: string): OtherDraft[] => {
    const prefix = entryPrefix(installedCrossKeys(packs));
    const others = drafts
      .list({})
      .filter((s) => s.id !== id && s.packId !== null && s.damage === undefined)
      .map((s) => {
        // The home list keeps each draft parsed per revision: 2,000 other drafts are not read and checked again.
        const listed = drafts.listedDraft(s.id, s.revision);
        if (listed) return listed;
        // Nor after a start: the list's stored check carries the guideline and the compared values.
        // It was made with every installed pack's keys (these among them) unless the packs changed since.
        const check = checkWithKeys(drafts.listedCheck(s.id, s.revision), prefix);
        const seen = check ? draftOfEntry(check.entry) : undefined;
        return seen ? (seen as Draft) : drafts.get(s.id).draft;
      });
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
      const keys = crossKeysFor(drafts.get(id).draft);
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
