import type { Amount } from '../../pack/rules';
import { amountIds, amountOf, wan } from '../access';
import { fail, notApplicable, pass, type EvalEnv, type KindSpec, type RuleOf } from '../types';

/** 「财政资金」 for a budget column, the field's label for a money field. */
function amountLabel(amount: Amount, env: EvalEnv): string {
  if ('field' in amount) return env.fields.get(amount.field)?.field?.label ?? amount.field;
  const table = env.fields.get(amount.table)?.field;
  const column = table?.kind === 'table' ? table.columns.find((c) => c.id === amount.column)?.label : undefined;
  return column ?? amount.column;
}

/** Ratios and percents may be fractional (1:1.5, 66.67%): compare in units of 1/10000, exactly. */
const scaled = (x: number): bigint => BigInt(Math.round(x * 10_000));

export const moneyRange: KindSpec<RuleOf<'moneyRange'>> = {
  reads: (r) => amountIds(r.amount),
  evaluate: (r, env) => {
    const { yuan, filled } = amountOf(env.draft, r.amount);
    if (!filled) return notApplicable();
    const said = `${amountLabel(r.amount, env)}为${wan(yuan)}`;
    if (r.min !== undefined && yuan < BigInt(r.min)) return fail(`${said}，低于${wan(BigInt(r.min))}`);
    if (r.max !== undefined && yuan > BigInt(r.max)) return fail(`${said}，超过${wan(BigInt(r.max))}`);
    return pass(said);
  },
};

export const ratioAtLeast: KindSpec<RuleOf<'ratioAtLeast'>> = {
  reads: (r) => [...amountIds(r.numerator), ...amountIds(r.denominator)],
  evaluate: (r, env) => {
    const num = amountOf(env.draft, r.numerator).yuan;
    const den = amountOf(env.draft, r.denominator).yuan;
    if (den === 0n) return notApplicable();
    const label = r.ratioLabel ?? `1:${r.ratio}`;
    const said = `${amountLabel(r.denominator, env)}${wan(den)}，${amountLabel(r.numerator, env)}${wan(num)}`;
    return num * 10_000n >= scaled(r.ratio) * den ? pass(`${said}，达到${label}`) : fail(`${said}，未达到${label}`);
  },
};

export const shareOfTotalAtLeast: KindSpec<RuleOf<'shareOfTotalAtLeast'>> = {
  reads: (r) => [...amountIds(r.part), ...r.others.flatMap(amountIds)],
  evaluate: (r, env) => {
    const part = amountOf(env.draft, r.part).yuan;
    const total = r.others.reduce((sum, a) => sum + amountOf(env.draft, a).yuan, part);
    if (total === 0n) return notApplicable();
    // Shown to one decimal for the reader; the comparison itself is exact.
    const permille = (part * 1000n) / total;
    const said = `${amountLabel(r.part, env)}${wan(part)}，占总额${wan(total)}的${permille / 10n}.${permille % 10n}%`;
    return part * 100n * 10_000n >= scaled(r.percent) * total ? pass(said) : fail(`${said}，低于${r.percent}%`);
  },
};

export const sumEquals: KindSpec<RuleOf<'sumEquals'>> = {
  reads: (r) => [...r.amounts.flatMap(amountIds), ...amountIds(r.equals)],
  evaluate: (r, env) => {
    const parts = r.amounts.map((a) => amountOf(env.draft, a));
    const total = amountOf(env.draft, r.equals);
    if (!total.filled && parts.every((p) => !p.filled)) return notApplicable();
    const sum = parts.reduce((s, p) => s + p.yuan, 0n);
    const said = `各项合计${wan(sum)}，${amountLabel(r.equals, env)}${wan(total.yuan)}`;
    return sum === total.yuan ? pass(said) : fail(`${said}，两者不一致`, amountIds(r.equals)[0]);
  },
};
