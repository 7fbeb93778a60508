import type { ParagraphBlock } from '../ast';
import { ratioStatus } from '../../derive/ratios';
import type { Rule } from '../../pack/rules';
import { evalCondition } from '../../rules/condition';
import type { BuildContext } from './context';

type RatioRule = Extract<Rule, { kind: 'ratioAtLeast' | 'shareOfTotalAtLeast' }>;

/**
 * Under the budget table: each self-funding ratio the guideline sets for this draft (援疆 企业
 * 1:2, …), with the ratio the budget reaches, so a reviewer need not compute it from the columns.
 */
export function fundingRatioLines(ctx: BuildContext): ParagraphBlock[] {
  const rules = [...(ctx.pack.rules ?? []), ...(ctx.program?.rules ?? [])].filter(
    (r): r is RatioRule => (r.kind === 'ratioAtLeast' || r.kind === 'shareOfTotalAtLeast') && (r.when === undefined || evalCondition(r.when, ctx.draft)),
  );
  return rules.map((rule) => {
    const status = ratioStatus(rule, ctx.draft);
    const clause = ctx.pack.clauses.find((c) => c.id === rule.clause);
    const reached = status.actual === null ? '尚未填写经费' : `按本表为 ${status.actual}`;
    const text = `${rule.message}。${reached}，要求不低于 ${status.required}${clause ? `（依据：${clause.path}）` : ''}。`;
    return { type: 'paragraph', role: 'body', firstLineIndent: true, runs: [{ type: 'text', text }] };
  });
}
