import type { DocumentType, Draft } from '../model/draft';
import type { Pack } from '../pack/pack';
import type { ResolvedSection } from '../pack/resolve';
import { evalCondition } from '../rules/condition';
import { isIdFilled } from '../rules/access';
import { engineFor, isBlocking, isRequiredItem } from '../rules/engine';
import type { RuleResult } from '../rules/types';

/**
 * 未开始 and 选填 are grey; 填写中 means required items are still empty (待填写) or waiting; 有错误 means
 * content breaks a rule. 完成 only when nothing in the section is 待填写, 无法检查 or 错误.
 */
export type SectionStatusKind = 'notStarted' | 'optional' | 'inProgress' | 'error' | 'warning' | 'complete';

export interface SectionStatus {
  sectionId: string;
  title: string;
  status: SectionStatusKind;
  /** Required items of this section that are present (their completeness result passes). */
  filled: number;
  /** Required items that apply (completeness results that are not 不适用). */
  required: number;
  /** 待填写 results of this section (required items empty). */
  incomplete: number;
  /** 无法检查 results of this section. */
  pending: number;
  errors: number;
  warnings: number;
}

export interface DraftProgress {
  sections: SectionStatus[];
  filled: number;
  required: number;
  /** 0–100, rounded down so 100 means every required item is present. */
  completion: number;
}

export const SECTION_STATUS_LABELS: Record<SectionStatusKind, string> = {
  notStarted: '未开始',
  optional: '选填',
  inProgress: '填写中',
  error: '有错误',
  warning: '有警告',
  complete: '完成',
};

/**
 * Per-section status and overall 完成度, computed from the engine's one result list for the same
 * draft (pass [] before the first validation) and nothing else: required items are the
 * completeness results (required fields, tables, declarations, attachments, direction) that apply.
 * The draft is read only to tell whether the applicant has started a section.
 */
export function sectionStatuses(
  pack: Pack,
  programId: string,
  documentType: DocumentType,
  draft: Draft,
  results: readonly RuleResult[],
): DraftProgress | null {
  const engine = engineFor(pack, programId, documentType);
  if (!engine) return null;
  const sections = engine.resolved.sections.map((section) => statusOf(section, draft, results.filter((r) => r.section === section.id)));
  const { filled, required } = requiredCounts(results);
  return { sections, filled, required, completion: completionPercent(filled, required) };
}

export function completionPercent(filled: number, required: number): number {
  return required === 0 ? 100 : Math.floor((filled * 100) / required);
}

/** Required items present / applying, over any set of results (a section's, or the whole draft's). */
export function requiredCounts(results: readonly RuleResult[]): { filled: number; required: number } {
  let filled = 0;
  let required = 0;
  for (const r of results) {
    if (!isRequiredItem(r) || r.outcome === 'notApplicable') continue;
    required++;
    if (r.outcome === 'pass') filled++;
  }
  return { filled, required };
}

/** 完成度 of a draft from its results: the same number the wizard, the review page and the CLI show. */
export function completionOf(results: readonly RuleResult[]): number {
  const { filled, required } = requiredCounts(results);
  return completionPercent(filled, required);
}

function touchedOf(section: ResolvedSection, draft: Draft): boolean {
  for (const field of section.fields) {
    if (field.visibleWhen && !evalCondition(field.visibleWhen, draft)) continue;
    if (!field.derived && isIdFilled(draft, field.id)) return true;
  }
  return [...(section.declarations ?? []), ...(section.attachments ?? [])].some((x) => isIdFilled(draft, x.id));
}

function statusOf(section: ResolvedSection, draft: Draft, mine: readonly RuleResult[]): SectionStatus {
  const { filled, required } = requiredCounts(mine);
  let incomplete = 0;
  let pending = 0;
  let errors = 0;
  let warnings = 0;
  for (const r of mine) {
    if (r.outcome === 'pending' && r.severity === 'incomplete') pending++;
    else if (r.outcome !== 'fail' && r.outcome !== 'pending') continue;
    else if (r.severity === 'incomplete') incomplete++;
    else if (r.severity === 'error') errors++;
    else if (r.severity === 'warning') warnings++;
  }
  const blocking = mine.some(isBlocking);
  const touched = touchedOf(section, draft);
  let status: SectionStatusKind;
  if (errors > 0) status = 'error';
  else if (blocking) status = touched ? 'inProgress' : 'notStarted';
  else if (!touched && required === 0) status = 'optional';
  else if (warnings > 0) status = 'warning';
  else status = 'complete';
  return { sectionId: section.id, title: section.title, status, filled, required, incomplete, pending, errors, warnings };
}
