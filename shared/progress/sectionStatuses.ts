import type { DocumentType, Draft } from '../model/draft';
import type { Pack } from '../pack/pack';
import type { ResolvedSection } from '../pack/resolve';
import { evalCondition } from '../rules/condition';
import { isIdFilled } from '../rules/access';
import { engineFor } from '../rules/engine';
import type { RuleResult } from '../rules/types';

export type SectionStatusKind = 'notStarted' | 'inProgress' | 'error' | 'warning' | 'complete';

export interface SectionStatus {
  sectionId: string;
  title: string;
  status: SectionStatusKind;
  /** Required items of this section that are filled. */
  filled: number;
  /** Required items that apply: required fields and tables, `required` rules, declarations and required attachments whose condition holds. */
  required: number;
  errors: number;
  warnings: number;
}

export interface DraftProgress {
  sections: SectionStatus[];
  filled: number;
  required: number;
  /** 0–100, rounded down so 100 means every required item is filled. */
  completion: number;
}

export const SECTION_STATUS_LABELS: Record<SectionStatusKind, string> = {
  notStarted: '未开始',
  inProgress: '填写中',
  error: '有错误',
  warning: '有警告',
  complete: '完成',
};

/**
 * Per-section status and overall completion of a draft. `results` are the engine's results for the
 * same draft (pass [] before the first validation): they decide error/warning states and which
 * `required` rules apply.
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
  const requiredByRule = applicableRequiredRuleTargets(engine.rules, results);
  const sections = engine.resolved.sections.map((section) => statusOf(section, draft, results, requiredByRule));
  const filled = sections.reduce((n, s) => n + s.filled, 0);
  const required = sections.reduce((n, s) => n + s.required, 0);
  return { sections, filled, required, completion: completionPercent(filled, required) };
}

export function completionPercent(filled: number, required: number): number {
  return required === 0 ? 100 : Math.floor((filled * 100) / required);
}

/** Fields a `required` rule makes mandatory, unless its `when` made it not applicable. */
function applicableRequiredRuleTargets(rules: readonly { id: string; kind: string }[], results: readonly RuleResult[]): Set<string> {
  const outcome = new Map(results.map((r) => [r.ruleId, r.outcome]));
  const ids = new Set<string>();
  for (const rule of rules) {
    if (rule.kind !== 'required' || !('field' in rule) || typeof rule.field !== 'string') continue;
    if (outcome.get(rule.id) === 'notApplicable') continue;
    ids.add(rule.field);
  }
  return ids;
}

function statusOf(section: ResolvedSection, draft: Draft, results: readonly RuleResult[], requiredByRule: Set<string>): SectionStatus {
  const requiredIds: string[] = [];
  const allIds: string[] = [];
  for (const field of section.fields) {
    if (field.visibleWhen && !evalCondition(field.visibleWhen, draft)) continue;
    allIds.push(field.id);
    if (!field.derived && (field.required === true || requiredByRule.has(field.id))) requiredIds.push(field.id);
  }
  for (const d of section.declarations ?? []) {
    if (d.when && !evalCondition(d.when, draft)) continue;
    allIds.push(d.id);
    requiredIds.push(d.id);
  }
  for (const a of section.attachments ?? []) {
    const applies = !a.when || evalCondition(a.when, draft);
    if (!applies) continue;
    allIds.push(a.id);
    if (a.required) requiredIds.push(a.id);
  }
  const filled = requiredIds.filter((id) => isIdFilled(draft, id)).length;
  const touched = allIds.some((id) => isIdFilled(draft, id));
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    if (r.section !== section.id || r.outcome !== 'fail') continue;
    if (r.severity === 'error') errors++;
    else if (r.severity === 'warning') warnings++;
  }
  return {
    sectionId: section.id,
    title: section.title,
    status: statusKind({ touched, filled, required: requiredIds.length, errors, warnings }),
    filled,
    required: requiredIds.length,
    errors,
    warnings,
  };
}

/** An untouched section is 未开始 even though its required-field rules fail: nobody has made a mistake yet. */
function statusKind(s: { touched: boolean; filled: number; required: number; errors: number; warnings: number }): SectionStatusKind {
  if (!s.touched && s.required > 0) return 'notStarted';
  if (s.errors > 0) return 'error';
  if (s.warnings > 0) return 'warning';
  if (!s.touched) return 'complete';
  return s.filled < s.required ? 'inProgress' : 'complete';
}
