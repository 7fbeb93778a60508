import type { NumberedItem } from '../../../../shared/book/build/attachmentNumbers';
import type { Outcome, RuleResult } from '../../../../shared/rules/types';

export type Verdict = '通过' | '不通过' | '不适用';

export interface ChecklistRow {
  /** The book's 附件N; null for an item this draft is not asked for (listed after the numbered ones). */
  no: number | null;
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
export function checklistRows(numbered: readonly NumberedItem[], results: readonly RuleResult[], packagedNames: ReadonlyMap<string, string[]>): ChecklistRow[] {
  const byId = new Map(results.map((r) => [r.ruleId, r]));
  // Row N is 附件N: the numbered items in order, then the ones that do not apply.
  const ordered = [...numbered.filter((n) => n.no !== null), ...numbered.filter((n) => n.no === null)];
  return ordered.map(({ item, no }) => {
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
    if (no === null && verdict === '通过') {
      // Files of an item that does not apply are not packed: say so rather than list them.
      verdict = '不适用';
      evidence = '本项目不满足该附件的适用条件，已添加的文件未打包';
    }
    return { no, name: item.name, required, verdict, evidence };
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
