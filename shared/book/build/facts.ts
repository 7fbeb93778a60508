import type { BookFacts } from '../ast';
import type { Field } from '../../pack/fields';
import { budgetTotals } from './budgetTable';
import type { Draft } from '../../model/draft';
import type { Pack } from '../../pack/pack';
import { contextFor, textOfId, type BuildContext } from './context';
import { wanText } from './format';

type TableField = Extract<Field, { kind: 'table' }>;

/** The budget table: the table field with a 财政资金 (`fiscal`) money column. */
function budgetField(ctx: BuildContext): TableField | undefined {
  for (const section of ctx.sections) {
    for (const f of section.fields) if (f.kind === 'table' && f.columns.some((c) => c.id === 'fiscal' && c.kind === 'money')) return f;
  }
  return undefined;
}

/**
 * The key facts as the book prints them (cover and the budget table's 合计 row). Each document
 * carries them in its metadata, so verify can compare what a file says with what draft.json says.
 */
export function bookFacts(ctx: BuildContext): BookFacts {
  const budget = budgetField(ctx);
  const totals = budget ? budgetTotals(ctx, budget) : null;
  const fiscal = totals?.byColumn.find((c) => c.id === 'fiscal');
  return {
    projectName: textOfId(ctx, 'project.name'),
    applicant: textOfId(ctx, 'applicant.name'),
    pi: textOfId(ctx, 'pi.name'),
    total: totals ? wanText(totals.total) : '',
    fiscal: fiscal ? wanText(fiscal.yuan) : '',
  };
}

/** The facts a draft prints with this pack: what verify expects each document to record. */
export function draftFacts(draft: Draft, pack: Pack): BookFacts {
  return bookFacts(contextFor(draft, pack));
}
