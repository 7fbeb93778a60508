import type { Draft } from '../../../../shared/model/draft';
import type { AttachmentItem } from '../../../../shared/pack/pack';
import { evalCondition } from '../../../../shared/rules/condition';
import type { Outcome, RuleResult } from '../../../../shared/rules/types';

export type Verdict = '通过' | '不通过' | '不适用';

export interface ChecklistRow {
  no: number;
  name: string;
  required: boolean;
  verdict: Verdict;
  /** What was found: the packaged file names, or why it does not apply. */
  evidence: string;
}

export interface RuleRow {
  no: number;
  ruleId: string;
  severity: string;
  verdict: Verdict;
  evidence: string;
  citation: string;
}

const SEVERITY = { error: '必须', warning: '原则上', info: '优先支持' } as const;

export function verdictOf(outcome: Outcome): Verdict {
  if (outcome === 'fail') return '不通过';
  if (outcome === 'notApplicable') return '不适用';
  return '通过';
}

/**
 * One row per checklist item. `packagedNames` maps an item id to the entry names it was packed
 * under, so the reviewer can find each file in the package.
 */
export function checklistRows(checklist: readonly AttachmentItem[], draft: Draft, packagedNames: ReadonlyMap<string, string[]>): ChecklistRow[] {
  return checklist.map((item, i) => {
    const applies = item.when === undefined || evalCondition(item.when, draft);
    const files = packagedNames.get(item.id) ?? [];
    let verdict: Verdict;
    let evidence: string;
    if (files.length > 0) {
      verdict = '通过';
      evidence = `已提供：${files.join('、')}`;
    } else if (!applies) {
      verdict = '不适用';
      evidence = '本项目不满足该附件的适用条件';
    } else if (item.required) {
      verdict = '不通过';
      evidence = '必备附件未提供';
    } else {
      verdict = '不适用';
      evidence = '非必备附件，未提供';
    }
    return { no: i + 1, name: item.name, required: item.required && applies, verdict, evidence };
  });
}

export function ruleRows(results: readonly RuleResult[]): RuleRow[] {
  return results.map((r, i) => ({
    no: i + 1,
    ruleId: r.ruleId,
    severity: SEVERITY[r.severity],
    verdict: verdictOf(r.outcome),
    evidence: r.message,
    citation: `《${r.citation.document}》${r.citation.clause}${r.citation.quote ? `：「${r.citation.quote}」` : ''}`,
  }));
}
