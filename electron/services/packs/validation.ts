import { AppError } from '../../../shared/ipc/errors';
import type { Draft } from '../../../shared/model/draft';
import { engineFor, issuesOf, summarize, type RuleEngine, type ValidationSummary } from '../../../shared/rules/engine';
import { withDerivedValues } from '../../../shared/derive/person';
import type { AttachmentFact, OtherDraft, RuleResult } from '../../../shared/rules/types';
import type { InstalledPack, PackRegistry } from './registry';

export interface DraftValidation {
  packId: string;
  packVersion: string;
  programId: string;
  /** Every rule's result, in rule order. */
  results: RuleResult[];
  /** Failed rules and met priorities. */
  issues: RuleResult[];
  summary: ValidationSummary;
  /** E.g. the draft's pack version is not installed and a newer one was used. */
  warning: string | null;
  /** The attachment facts the check used, when the caller had the store. */
  attachmentFacts?: Record<string, AttachmentFact>;
}

export interface ValidateOptions {
  today: string;
  now?: string;
  otherDrafts?: OtherDraft[];
  /** The stored attachment files (attachmentFactsOf), where the caller has the store. */
  attachmentFacts?: Record<string, AttachmentFact>;
}

/**
 * Validates a draft against the pack version it was written for (or the newest installed one,
 * with a warning). Values derived from others (sex and birth date from the ID number) are
 * recomputed first, as the wizard does, so a draft written by another tool is checked on what it
 * says. Throws not_found when the draft has no guideline or the pack/program is unknown.
 */
export function validateWithRegistry(registry: PackRegistry, stored: Draft, options: ValidateOptions): DraftValidation {
  return validateAgainstPack(registry, stored, options).validation;
}

/** What a validation was made against: the draft with its derived values, the pack version and the program's engine. */
export interface PackValidation {
  draft: Draft;
  installed: InstalledPack;
  engine: RuleEngine;
  validation: DraftValidation;
}

export function validateAgainstPack(registry: PackRegistry, stored: Draft, options: ValidateOptions): PackValidation {
  const draft = withDerivedValues(stored);
  const g = draft.guideline;
  if (!g) throw new AppError('not_found', '草稿尚未选择申报指南和专项，无法检查');
  const found = registry.packForDraft(g);
  if (!found) throw new AppError('not_found', `本机没有安装申报指南「${g.packId}」`);
  const pack = found.installed.pack;
  const engine = engineFor(pack, g.programId, g.documentType);
  if (!engine) throw new AppError('not_found', `申报指南「${pack.title}」（${pack.version} 版）中没有专项「${g.programId}」`);
  const results = engine.evaluate(draft, { today: options.today, now: options.now, otherDrafts: options.otherDrafts, attachmentFacts: options.attachmentFacts });
  const validation: DraftValidation = {
    packId: pack.id,
    packVersion: pack.version,
    programId: g.programId,
    results,
    issues: issuesOf(results),
    summary: summarize(results),
    warning: found.warning,
    ...(options.attachmentFacts ? { attachmentFacts: options.attachmentFacts } : {}),
  };
  return { draft, installed: found.installed, engine, validation };
}
