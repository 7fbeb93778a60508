import type { Amount } from '../../pack/rules';
import { ratioStatus } from '../../derive/ratios';
import { amountRefs, amountOf, wan } from '../access';
import { fail, notApplicable, pass, pending, type EvalEnv, type KindSpec, type RuleOf } from '../types';

/** 「财政资金」 for a budget column, the field's label for a money field. */
function amountLabel(amount: Amount, env: EvalEnv): string {
  if ('field' in amount) return env.fields.get(amount.field)?.field?.label ?? amount.field;
  const table = env.fields.get(amount.table)?.field;
  const column = table?.kind === 'table' ? table.columns.find((c) => c.id === amount.column)?.label : undefined;
  return column ?? amount.column;
}

/** What to fill in before an amount can be checked: the money field, or the table (经费预算表). */
function amountInput(amount: Amount, env: EvalEnv): string {
  const id = 'field' in amount ? amount.field : amount.table;
  return env.fields.get(id)?.field?.label ?? id;
}

export const moneyRange: KindSpec<RuleOf<'moneyRange'>> = {
  refs: (r) => amountRefs('amount', r.amount, { kinds: ['money', 'integer'], kindRule: '金额规则只能读取金额字段' }),
  evaluate: (r, env) => {
    const { yuan, filled } = amountOf(env.draft, r.amount);
    // 「不得用于…」 (max 0) holds for an empty budget; a range needs the amount first.
    if (!filled) return r.ifFilled || r.max === 0 ? notApplicable() : pending([amountInput(r.amount, env)]);
    const said = `${amountLabel(r.amount, env)}为${wan(yuan)}`;
    if (r.min !== undefined && yuan < BigInt(r.min)) return fail(`${said}，低于${wan(BigInt(r.min))}`);
    if (r.max !== undefined && yuan > BigInt(r.max)) return fail(`${said}，超过${wan(BigInt(r.max))}`);
    return pass(said);
  },
};

export const ratioAtLeast: KindSpec<RuleOf<'ratioAtLeast'>> = {
  refs: (r) => [...amountRefs('numerator', r.numerator), ...amountRefs('denominator', r.denominator)],
  evaluate: (r, env) => {
    const status = ratioStatus(r, env.draft);
    if (status.base === 0n) return pending([amountInput(r.denominator, env)]);
    const said = `${amountLabel(r.denominator, env)}${wan(status.base)}，${amountLabel(r.numerator, env)}${wan(status.part)}`;
    return status.ok ? pass(`${said}，达到${status.required}`) : fail(`${said}，未达到${status.required}`);
  },
};

export const shareOfTotalAtLeast: KindSpec<RuleOf<'shareOfTotalAtLeast'>> = {
  refs: (r) => [...amountRefs('part', r.part), ...r.others.flatMap((a, i) => amountRefs(`others.${i}`, a))],
  evaluate: (r, env) => {
    const status = ratioStatus(r, env.draft);
    if (status.base === 0n) return pending([amountInput(r.part, env)]);
    const { part, base: total } = status;
    // Shown to one decimal for the reader; the comparison itself is exact.
    const permille = (part * 1000n) / total;
    const said = `${amountLabel(r.part, env)}${wan(part)}，占总额${wan(total)}的${permille / 10n}.${permille % 10n}%`;
    return status.ok ? pass(said) : fail(`${said}，低于${r.percent}%`);
  },
};

export const sumEquals: KindSpec<RuleOf<'sumEquals'>> = {
  refs: (r) => [...r.amounts.flatMap((a, i) => amountRefs(`amounts.${i}`, a)), ...amountRefs('equals', r.equals)],
  evaluate: (r, env) => {
    const parts = r.amounts.map((a) => amountOf(env.draft, a));
    const total = amountOf(env.draft, r.equals);
    if (!total.filled && parts.every((p) => !p.filled)) return notApplicable();
    if (r.ifFilled) {
      if (!total.filled) return notApplicable();
      // Blank cells count 0 (no 自筹资金 at all is a valid budget); only a budget with nothing in it waits.
      if (parts.every((p) => !p.filled)) return pending(r.amounts.map((a) => amountInput(a, env)));
    }
    const sum = parts.reduce((s, p) => s + p.yuan, 0n);
    const said = `各项合计${wan(sum)}，${amountLabel(r.equals, env)}${wan(total.yuan)}`;
    return sum === total.yuan ? pass(said) : fail(`${said}，两者不一致`, 'field' in r.equals ? r.equals.field : r.equals.table);
  },
};
