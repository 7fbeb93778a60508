import type { Condition } from '../../pack/condition';
import type { Hit, Recognizer, Sentence } from '../types';
import { flatten, NUM, parseNumber, wanLabel, yuanOf } from '../text';
import { UNIT_LABEL, unitsIn, unitsOnly } from '../vocabulary';

const FISCAL = { table: 'budget', column: 'fiscal' };
const SELF = { table: 'budget', column: 'selfRaised' };

/**
 * 「申报单位是企业性质的，…」「企业单位申报项目…」「对医疗卫生机构…」: the unit types a money rule
 * is narrowed to, read from the phrase that opens the sentence before the match.
 */
export function unitCondition(before: string): Condition | undefined {
  const opener = /(?:申报单位|申请单位|承担单位|牵头单位)?(?:是|为|属于)?([^，。；]{1,30}?)(?:性质)?的[，,]|(?:对于?|其中)?([^，。；]{1,20}?)(?:单位)?(?:申报|承担|牵头)(?:的)?项目|对于?([^，。；]{1,20}?)[，,]/g;
  let units: string[] = [];
  for (const m of before.matchAll(opener)) {
    const found = unitsIn(m[1] ?? m[2] ?? m[3] ?? '');
    if (found.length > 0) units = found;
  }
  // 「企业须配套…」: the sentence's subject right before its modal word is nothing but a unit type.
  const subject = /(?:^|[，。；])(?:\d{1,2}[.、．])?([^，。；]{1,12}?)(?:须|应|需|必须|应当)$/.exec(before);
  if (units.length === 0 && subject) units = unitsOnly(subject[1]!);
  return unitTypeCondition(units);
}

/** 「单位性质」 is one of `units`; none when no unit is named. */
export function unitTypeCondition(units: readonly string[]): Condition | undefined {
  if (units.length === 0) return undefined;
  return units.length === 1 ? { field: 'applicant.unitType', equals: units[0]! } : { field: 'applicant.unitType', in: [...units] };
}

const unitsLabel = (when: Condition | undefined): string => {
  if (!when || !('field' in when)) return '';
  const values = 'equals' in when ? [String(when.equals)] : 'in' in when ? when.in.map(String) : [];
  return `（${values.map((v) => UNIT_LABEL[v] ?? v).join('、')}）`;
};

const RATIO = /(\d+(?:\.\d+)?)[:比](\d+(?:\.\d+)?)/;
/** 「自筹资金与财政资金之比2:1」 names self-funding first; otherwise a ratio reads 财政:自筹. */
const SELF_FIRST = /自筹[^，。；]{0,12}(?:与|和|同)[^，。；]{0,10}(?:财政|申请|资助|补助)/;

/**
 * 「企业牵头申报的项目，自筹资金与申请财政资金的比例不低于2:1；其他单位不低于1:1」: the sentence
 * after the semicolon names no 自筹 and no unit type; it is the same ratio for every unit the
 * previous sentence's condition leaves out.
 */
function complementRatio(s: Sentence): Hit[] {
  const m = new RegExp(`^(?:\\d{1,2}[.、．])?(?:其他|其余|其它)(?:申报|牵头)?(?:单位|主体)(?:申报|牵头)?(?:的)?(?:项目)?(?:应|须)?(?:不低于|不少于|按)?${RATIO.source}`).exec(s.flat);
  if (!m) return [];
  const previous = flatten(s.clause.text, 0, Math.max(0, s.start - s.clause.start)).flat.replace(/[；;]$/, '');
  const sentence = previous.split(/[。；;]/).pop() ?? '';
  const earlier = RATIO.exec(sentence);
  const opposite = earlier && /自筹|配套/.test(sentence) ? unitCondition(sentence.slice(0, earlier.index)) : undefined;
  if (!opposite) return [];
  const a = Number(m[1]);
  const b = Number(m[2]);
  if (a <= 0 || b <= 0) return [];
  const selfFirst = SELF_FIRST.test(sentence);
  const r = selfFirst ? a / b : b / a;
  const others = `${unitsLabel(opposite).slice(1, -1)}以外的单位`;
  return [
    {
      kind: 'ratioAtLeast',
      params: { numerator: SELF, denominator: FISCAL, ratio: Math.round(r * 10000) / 10000, ratioLabel: `${m[1]}:${m[2]}` },
      when: { not: opposite },
      at: 0,
      message: `自筹资金与财政资金之比不得低于${selfFirst ? `${m[1]}:${m[2]}` : `${r}:1`}（${others}）`,
      why: `「${m[0]}」接着上一句「${sentence}」：${others}的自筹比例${selfFirst ? '（自筹在前）' : '（财政:自筹）'}，自筹资金 ≥ ${r} × 财政资金`,
    },
  ];
}

/** 「按1:2自筹」「自筹资金与财政资金比例不低于1:1」「自筹资金不少于申请财政资金的2倍」. */
const ratio: Recognizer = {
  name: '自筹资金比例',
  recognize(s: Sentence): Hit[] {
    if (!/自筹|配套|自有资金|单位投入|企业投入/.test(s.flat)) return complementRatio(s);
    const hits: Hit[] = [];
    for (const m of s.flat.matchAll(new RegExp(RATIO.source, 'g'))) {
      const window = s.flat.slice(Math.max(0, m.index - 30), m.index + m[0].length + 12);
      if (!/自筹|配套(?:资金|经费)/.test(window) || /比例尺/.test(window)) continue;
      const a = Number(m[1]);
      const b = Number(m[2]);
      if (a <= 0 || b <= 0) continue;
      // Self-funding first (「自筹资金与财政资金之比2:1」) reads a:b; otherwise the usual 财政:自筹.
      const selfFirst = SELF_FIRST.test(window);
      const r = selfFirst ? a / b : b / a;
      const when = unitCondition(s.flat.slice(0, m.index));
      hits.push({
        kind: 'ratioAtLeast',
        params: { numerator: SELF, denominator: FISCAL, ratio: Math.round(r * 10000) / 10000, ratioLabel: `${m[1]}:${m[2]}` },
        ...(when ? { when } : {}),
        at: m.index,
        message: `自筹资金与财政资金之比不得低于${selfFirst ? `${m[1]}:${m[2]}` : `${r}:1`}${unitsLabel(when)}`,
        why: `「${window}」规定了自筹比例${selfFirst ? '（自筹在前）' : '（财政:自筹）'}：自筹资金 ≥ ${r} × 财政资金${when ? `，仅对${unitsLabel(when)}` : ''}`,
      });
    }
    // 「自筹资金不少于申请财政资金的2倍」「须配套不低于财政资助额度的自有资金」.
    const times =
      /自筹(?:资金|经费)?[^，。；]{0,8}?(?:不少于|不低于|不得少于|不得低于|应不少于|至少为?|须达到)[^，。；]{0,10}?(?:财政|申请|资助|补助)[^，。；]{0,8}?(?:资金|经费|金额|额度)(?:的(\d+(?:\.\d+)?|[一二两三四五])倍)?/.exec(s.flat) ??
      /配套(?:不少于|不低于|至少)[^，。；]{0,6}?(?:财政|申请|资助|补助)[^，。；]{0,8}?(?:资金|经费|金额|额度)(?:的?(\d+(?:\.\d+)?|[一二两三四五])倍)?的?(?:自有|自筹)(?:资金|经费)/.exec(s.flat);
    if (times && hits.length === 0) {
      const r = times[1] ? parseNumber(times[1]) ?? 1 : 1;
      const when = unitCondition(s.flat.slice(0, times.index));
      hits.push({
        kind: 'ratioAtLeast',
        params: { numerator: SELF, denominator: FISCAL, ratio: r, ratioLabel: `1:${r}` },
        ...(when ? { when } : {}),
        at: times.index,
        message: `自筹资金不得少于财政资金${r === 1 ? '' : `的${r}倍`}${unitsLabel(when)}`,
        why: `「${times[0]}」：自筹资金 ≥ ${r} × 财政资金`,
      });
    }
    return hits;
  },
};

/** 「自筹资金应占总投资70%以上」「企业投入不低于项目总投入的50%」「财政资金占比不超过30%」. */
const share: Recognizer = {
  name: '自筹资金占比',
  recognize(s: Sentence): Hit[] {
    const self = /(自筹(?:资金|经费)?|配套资金|自有资金|单位投入|企业投入)([^。；]{0,30}?)(?:占|达到|不低于|不少于)[^，。；%]{0,16}?(\d+(?:\.\d+)?)%(?:以上|及以上)?/.exec(s.flat);
    const fiscal = /财政(?:资金|资助|补助)[^，。；]{0,12}?(?:占|比例|比重)[^，。；%]{0,12}?(?:不超过|不高于|不得超过|以内|最高)[^，。；%]{0,6}?(\d+(?:\.\d+)?)%/.exec(s.flat);
    const grantCap = /(?:财政(?:资金|资助|补助)|资助(?:金额|资金|经费)|补助(?:金额|资金))[^，。；]{0,8}?(?:不超过|不高于|不得超过|最高)[^，。；%]{0,4}?(?:项目)?(?:总预算|总投资|总投入|总经费)[^，。；%]{0,4}?(\d+(?:\.\d+)?)%/.exec(s.flat);
    const m = self ?? fiscal ?? grantCap;
    if (!m) return [];
    const percent = self ? Number(self[3]) : 100 - Number((fiscal ?? grantCap)![1]);
    if (!(percent > 0 && percent <= 100)) return [];
    const when = unitCondition(s.flat.slice(0, m.index));
    return [
      {
        kind: 'shareOfTotalAtLeast',
        params: { part: SELF, others: [FISCAL], percent },
        ...(when ? { when } : {}),
        at: m.index,
        message: `自筹资金须占项目总经费的${percent}%以上${unitsLabel(when)}`,
        why: self ? `「${m[0]}」：自筹 ≥ ${percent}% ×（自筹 + 财政）` : `「${m[0]}」：财政资金不超过${100 - percent}%，即自筹 ≥ ${percent}%`,
      },
    ];
  },
};

/** 「20」「20.5」「二十」: amounts are written in Chinese numerals too (「每项支持二十万元至五十万元」). */
const AMOUNT = `(${NUM})`;
const UNIT = '(万元|万|亿元|亿|元)';
/** Words of a grant; thresholds on turnover, investment or assets are other rules. */
const GRANT = /资助|支持|补助|资金|经费|额度|强度|拨款|扶持|经费/;
const NOT_GRANT = /销售|营业|营收|收入|产值|总投资|投资额|资产|规模|注册资本|使用财政资金|国有资产|贷款|融资/;
/** Figures about a whole region or past years, not conditions. */
const STATISTIC = /全市|全区|全省|全国|累计|同比|增长|比上年/;
/** A benefit the office pays after the fact, not a cap on what is applied for. */
const AWARD = /奖励|奖补|后补助|一次性/;

/** The one grant amount a piece of text states, or null (see fundingRange). */
function fundingIn(text: string): { m: RegExpExecArray; min?: number; max: number; fixed: boolean } | null {
  if (!GRANT.test(text) || NOT_GRANT.test(text)) return null;
  const range = new RegExp(`${AMOUNT}${UNIT}?[-—–~至到]${AMOUNT}${UNIT}`).exec(text);
  const cap = new RegExp(`(?:最高|不超过|不高于|不得超过|上限为?|最多|封顶)(?:给予|资助|支持|补助)?${AMOUNT}${UNIT}|${AMOUNT}${UNIT}(?:以内|以下)`).exec(text);
  // 「每项资助10万元」「资助强度为每项5万元」: a fixed grant is also the most that can be applied for.
  const fixed = range || cap ? null : new RegExp(`(?:资助|支持|补助)(?:强度|额度|金额|经费)?(?:为|是)?(?:每项|每个项目)(?:给予)?${AMOUNT}${UNIT}(?!元?(?:以上|及以上))|(?:每项|每个项目)(?:给予)?(?:资助|支持|补助)(?:经费)?${AMOUNT}${UNIT}(?!元?(?:以上|及以上))`).exec(text);
  const m = range ?? cap ?? fixed;
  if (!m) return null;
  if (AWARD.test(text) && !/资助额度|资助强度|支持额度/.test(text)) return null;
  const near = text.slice(Math.max(0, m.index - 16), m.index);
  if (!fixed && !GRANT.test(near) && !/单项|每项|每个项目/.test(near)) return null;
  if (range) {
    const unit = range[4]!;
    const min = yuanOf(parseNumber(range[1]!) ?? 0, range[2] ?? unit);
    const max = yuanOf(parseNumber(range[3]!) ?? 0, unit);
    return min > max || max <= 0 ? null : { m, min, max, fixed: false };
  }
  const max = yuanOf(parseNumber((m[1] ?? m[3])!) ?? 0, m[2] ?? m[4]!);
  return max <= 0 ? null : { m, max, fixed: fixed !== null };
}

const what = (f: { min?: number; fixed: boolean }): string => (f.min !== undefined ? '额度范围' : f.fixed ? '金额（定额资助，申请不能超过它）' : '上限');

/**
 * 「单项资助额度为20-100万元」「资助5-20万」「最高不超过100万元」「一般不超过50万元」. A sentence that
 * states the grant of several kinds of project in its parts (「重点研发计划项目每项支持经费不超过30万元，
 * 科技成果转化计划项目每项支持经费5-20万元」) gives one proposal per part, each quoting its own part.
 */
const fundingRange: Recognizer = {
  name: '资助额度',
  recognize(s: Sentence): Hit[] {
    const parts: { from: number; to: number; found: NonNullable<ReturnType<typeof fundingIn>> }[] = [];
    for (const part of s.flat.matchAll(/[^，,]+/g)) {
      const found = fundingIn(part[0]);
      if (found) parts.push({ from: part.index, to: part.index + part[0].length, found });
    }
    const own = parts.length > 1 && parts.every((p) => /每项|单项|每个项目/.test(s.flat.slice(p.from, p.found.m.index + p.from)));
    const whole = own ? null : fundingIn(s.flat);
    const hits = own ? parts : whole ? [{ from: 0, to: s.flat.length, found: whole }] : [];
    return hits.map(({ from, to, found }) => {
      const { m, min, max } = found;
      const at = (own ? from : 0) + m.index;
      return {
        kind: 'moneyRange',
        params: { amount: FISCAL, ...(min !== undefined ? { min } : {}), max },
        at,
        ...(own ? { from, to } : {}),
        message: min !== undefined ? `申请财政资金须在${wanLabel(min)}至${wanLabel(max)}之间` : `申请财政资金不得超过${wanLabel(max)}`,
        why: own
          ? `「${s.flat.slice(from, to)}」是句中一类项目的资助${what(found)}（句中其他部分另有规定），核对预算表财政资金合计`
          : `「${m[0]}」是单个项目的资助${what(found)}，核对预算表财政资金合计`,
      };
    });
  },
};

/** 「2016年销售额在2000万元以内」「上年度营业收入不低于500万元」. */
const revenue: Recognizer = {
  name: '营业收入门槛',
  recognize(s: Sentence): Hit[] {
    const re = new RegExp(`(销售额|销售收入|营业收入|主营业务收入|营收|年收入)[^，。；\\d]{0,8}?(不低于|不少于|不超过|不高于|在|(?<!不)低于|达到|(?<!不)超过|大于|(?<!不)高于)?${AMOUNT}${UNIT}(以内|以下|以上|及以上)?`);
    const m = re.exec(s.flat);
    if (!m) return [];
    const value = yuanOf(parseNumber(m[3]!) ?? 0, m[4]!);
    const word = m[2] ?? '';
    const tail = m[5] ?? '';
    let bound: { min?: number; max?: number };
    if (/不超过|不高于|以内|以下/.test(word + tail)) bound = { max: value };
    else if (/不低于|不少于|达到|以上/.test(word + tail)) bound = { min: value };
    else if (/低于/.test(word)) bound = { max: value - 1 };
    else if (/超过|大于|高于/.test(word)) bound = { min: value + 1 };
    else return [];
    return [
      {
        kind: 'moneyRange',
        params: { amount: { field: 'applicant.lastYearSales' }, ...bound },
        message: bound.max !== undefined ? `申报单位${m[1]}不得超过${wanLabel(bound.max)}` : `申报单位${m[1]}不得低于${wanLabel(bound.min!)}`,
        why: `「${m[0]}」是对申报单位${m[1]}的门槛，需在申报书中填写上年度${m[1]}`,
      },
    ];
  },
};

/**
 * 「项目总投资不低于500万元」「使用财政资金或国有资产5000万元以上的…项目」: a floor on what the
 * project (or the activity applied for) spends, entered as its own amount.
 */
const investment: Recognizer = {
  name: '项目投资规模',
  recognize(s: Sentence): Hit[] {
    const re = new RegExp(`(项目总投资|总投资额?|投资总额|投资规模|使用(?:财政资金|国有资产)(?:或(?:财政资金|国有资产))?)[^，。；\\d]{0,6}?(不低于|不少于|达到|在)?${AMOUNT}${UNIT}(以上|及以上)?`);
    const m = re.exec(s.flat);
    if (!m || (!m[2] && !m[5]) || m[2] === '在' && !m[5]) return [];
    if (/自筹|占/.test(s.flat.slice(Math.max(0, m.index - 8), m.index))) return [];
    // 「全市固定资产投资总额达到300亿元」 reports a statistic; a floor is stated as a requirement.
    if (STATISTIC.test(s.flat) || (m[2] === '达到' && !/须|应|需|必须|要求/.test(s.flat))) return [];
    const min = yuanOf(parseNumber(m[3]!) ?? 0, m[4]!);
    return [
      {
        kind: 'moneyRange',
        params: { amount: { field: 'project.totalInvestment' }, min },
        at: m.index,
        message: `${m[1]}须不低于${wanLabel(min)}`,
        why: `「${m[0]}」是对项目投资（使用资金）规模的下限，需在申报书中填写该金额`,
      },
    ];
  },
};

export const MONEY_RECOGNIZERS: Recognizer[] = [ratio, share, fundingRange, revenue, investment];
