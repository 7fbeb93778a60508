import { chinaToday } from '../../../shared/dates';
import type { GuidelineSummary } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import type { Draft } from '../../../shared/model/draft';
import type { AttachmentFact } from '../../../shared/rules/types';
import type { DraftService } from '../drafts/draftService';
import { otherDraftsFrom } from '../../../shared/rules/otherDrafts';
import type { PackRegistry } from './registry';
import { validateWithRegistry, type DraftValidation } from './validation';

export interface PackHandlerDeps {
  packs: PackRegistry;
  drafts: DraftService;
  /** The stored attachment files of a draft (attachmentFactsOf over the store), so missing or altered bytes are results too. */
  attachmentFacts?: (draft: Draft) => Record<string, AttachmentFact>;
  now?: () => Date;
}

/**
 * The guideline and validation methods of the contract. Cross-draft rules see the other
 * non-deleted drafts of this store; the draft being validated is skipped by id.
 */
export function createPackHandlers({ packs, drafts, attachmentFacts, now = () => new Date() }: PackHandlerDeps) {
  return {
    guidelinesList: (): GuidelineSummary[] => packs.list(),
    guidelinesGet: (input: { id: string; version?: string }): unknown => {
      const pack = packs.get(input.id, input.version);
      if (pack === undefined) {
        const which = input.version ? `「${input.id}」${input.version} 版` : `「${input.id}」`;
        throw new AppError('not_found', `找不到申报指南${which}，它可能未安装`);
      }
      return pack;
    },
    guidelinesImport: (input: { packJson: string; sourceText: string }): GuidelineSummary => {
      if (!packs.importPack) throw new AppError('unavailable', '当前环境不支持导入申报指南');
      return packs.importPack(input.packJson, input.sourceText);
    },
    draftsValidate: (input: { id: string; at?: string }): Omit<DraftValidation, 'issues'> & { at: string } => {
      const at = input.at ?? chinaToday(now());
      const stored = drafts.get(input.id);
      const others = drafts
        .list({})
        .filter((s) => s.id !== input.id && s.packId !== null && s.damage === undefined)
        .map((s) => drafts.get(s.id));
      const { issues: _issues, ...validation } = validateWithRegistry(packs, stored.draft, {
        today: at,
        otherDrafts: otherDraftsFrom(others, packs.yearOf),
        attachmentFacts: attachmentFacts?.(stored.draft),
      });
      return { ...validation, at };
    },
  };
}
