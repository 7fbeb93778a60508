import type { Clause } from '../../../shared/pack/pack';
import type { ResolvedProgram } from '../../../shared/pack/resolve';
import type { RuleResult } from '../../../shared/rules/types';

/** Sections whose text argues the fit with local plans (立项依据): they offer the plan tasks. */
export const PLAN_TASK_SECTIONS = new Set(['narrative', 'basis']);
export const PLAN_TASK_FIELD = 'narrative.basis';

export function offersPlanTasks(resolved: ResolvedProgram | null, sectionId: string): boolean {
  if (PLAN_TASK_SECTIONS.has(sectionId)) return true;
  const section = resolved?.sections.find((s) => s.id === sectionId);
  return section?.fields.some((f) => f.id === PLAN_TASK_FIELD) ?? false;
}

/**
 * The clauses to show beside a section: those the section lists, then those cited by the rules
 * checked in it, in the pack's order (the order of the source text).
 */
export function clausesForSection(resolved: ResolvedProgram, sectionId: string, results: readonly RuleResult[]): Clause[] {
  const listed = new Set(resolved.sections.find((s) => s.id === sectionId)?.clauses ?? []);
  const ruleIds = new Set(results.filter((r) => r.section === sectionId).map((r) => r.ruleId));
  const cited = new Set(resolved.rules.filter((r) => ruleIds.has(r.id)).map((r) => r.clause));
  return resolved.pack.clauses.filter((c) => listed.has(c.id) || cited.has(c.id));
}

/**
 * The section's rules with failures first, then priorities met, passes, and rules that do not apply.
 * The form's check that each value fits its field (valueShape, one per field) shows only when it
 * fails: passing, it would repeat every field of the section and bury the guideline's own rules.
 */
export function rulesForSection(results: readonly RuleResult[], sectionId: string): RuleResult[] {
  const rank = { fail: 0, pending: 1, met: 2, pass: 3, notApplicable: 4 } as const;
  return results
    .filter((r) => r.section === sectionId && (r.kind !== 'valueShape' || r.outcome === 'fail'))
    .sort((a, b) => rank[a.outcome] - rank[b.outcome]);
}
