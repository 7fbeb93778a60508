import { isRegionCode, regionName, relationTo } from '../../regions';
import { labelOf, textOf, valueOf } from '../access';
import { fail, notApplicable, pass, type KindSpec, type RuleOf, type Verdict } from '../types';

const waiting = (detail: string): Verdict => ({ outcome: 'pending', detail });

/**
 * 注册地 by GB/T 2260 code against a district or city clause (「在城关区注册」). Names are shown,
 * never the codes alone; a code chosen only down to a coarser level cannot say yes or no.
 */
export const regionWithin: KindSpec<RuleOf<'regionWithin'>> = {
  refs: (r) => [{ at: 'field', field: r.field, kinds: ['region'], kindRule: '注册地规则只能读取行政区划字段' }],
  evaluate: (r, env) => {
    const label = labelOf(env, r.field);
    const code = textOf(valueOf(env.draft, r.field));
    if (code === null) return r.regions ? waiting(`无法检查：请先选择${label}（省/市/区）`) : notApplicable();
    if (!isRegionCode(code)) return fail(`「${code}」不是行政区划代码表（GB/T 2260）中的代码，请重新选择${label}`);
    const name = regionName(code) ?? code;
    if (!r.regions) return pass(name);
    const relations = r.regions.map((area) => relationTo(code, area));
    if (relations.includes('inside')) return pass(`${label}为${name}`);
    const wanted = r.regions.map((area) => regionName(area) ?? area).join('、');
    if (relations.includes('coarser')) return waiting(`无法检查：${label}只选到「${name}」，无法判断是否在${wanted}，请继续选择下一级（市、区县）`);
    return fail(`${label}为${name}，不在${wanted}`);
  },
};
