import type { ResolvedProgram } from '../../../shared/pack/resolve';
import { hardEligibilityRules } from '../../../shared/precheck';
import type { RuleResult } from '../../../shared/rules/types';

/**
 * The rules that decide whether the applicant may apply at all: the pre-check's hard rules
 * (unit type, region, PI age or birth date, partners) plus whether the program accepts applications.
 */
export function eligibilityRuleIds(resolved: ResolvedProgram): Set<string> {
  const ids = new Set(hardEligibilityRules(resolved).map((r) => r.id));
  for (const r of resolved.rules) if (r.kind === 'programAccepting' && r.severity === 'error') ids.add(r.id);
  return ids;
}

export type EligibilityVerdict =
  | { kind: 'none' }
  | { kind: 'eligible'; checked: RuleResult[] }
  /** Some condition cannot be judged until something is filled in (单位性质, 身份证号码…). */
  | { kind: 'unknown'; pending: RuleResult[]; checked: RuleResult[] }
  | { kind: 'ineligible'; failed: RuleResult[]; checked: RuleResult[] };

/** The verdict from those rules' current results; rules that do not apply are left out. */
export function eligibilityVerdict(resolved: ResolvedProgram, results: readonly RuleResult[]): EligibilityVerdict {
  const ids = eligibilityRuleIds(resolved);
  const checked = results.filter((r) => ids.has(r.ruleId) && r.outcome !== 'notApplicable');
  if (checked.length === 0) return { kind: 'none' };
  const failed = checked.filter((r) => r.outcome === 'fail');
  if (failed.length > 0) return { kind: 'ineligible', failed, checked };
  const pending = checked.filter((r) => r.outcome === 'pending');
  return pending.length > 0 ? { kind: 'unknown', pending, checked } : { kind: 'eligible', checked };
}
