import type { AttachmentItem } from '../../../../shared/pack/pack';
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

const SEVERITY = { incomplete: '必填', error: '必须', warning: '原则上', info: '优先支持' } as const;

export function verdictOf(outcome: Outcome): Verdict {
  if (outcome === 'fail' || outcome === 'pending') return '不通过';
  if (outcome === 'notApplicable') return '不适用';
  return '通过';
}

/**
 * One row per checklist item, read from the one result list (the item's presence rule and its
 * files rule), never decided again here. `packagedNames` maps an item id to the entry names it
 * was packed under, so the reviewer can find each file in the package.
 */
export function checklistRows(checklist: readonly AttachmentItem[], results: readonly RuleResult[], packagedNames: ReadonlyMap<string, string[]>): ChecklistRow[] {
  const byId = new Map(results.map((r) => [r.ruleId, r]));
  return checklist.map((item, i) => {
    const present = byId.get(`${item.id}.present`);
    const filesCheck = byId.get(`form.files.${item.id}`);
    const files = packagedNames.get(item.id) ?? [];
    const required = present !== undefined && present.outcome !== 'notApplicable';
    let verdict: Verdict;
    let evidence: string;
    if (filesCheck && (filesCheck.outcome === 'fail' || filesCheck.outcome === 'pending')) {
      verdict = '不通过';
      evidence = filesCheck.message;
    } else if (present && (present.outcome === 'fail' || present.outcome === 'pending')) {
      verdict = '不通过';
      evidence = present.message;
    } else if (files.length > 0) {
      verdict = '通过';
      evidence = `已提供：${files.join('、')}`;
    } else if (present?.outcome === 'notApplicable') {
      verdict = '不适用';
      evidence = '本项目不满足该附件的适用条件';
    } else {
      verdict = '不适用';
      evidence = '非必备附件，未提供';
    }
    return { no: i + 1, name: item.name, required, verdict, evidence };
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
