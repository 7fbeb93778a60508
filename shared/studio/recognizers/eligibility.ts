import type { Hit, NoticeContext, Recognizer, Sentence } from '../types';
import { commaPhraseAt, isoDate, NUM, parseNumber, shiftYears } from '../text';
import { REGION_TREE, regionName, type RegionNode } from '../../regions';
import { modalOf } from '../severity';
import { unitCondition } from './money';
import { provinceLabel, TAX_CREDIT_ORDER, UNIT_LABEL, unitsIn, unitsOnly } from '../vocabulary';

const APPLICANT = '(?:申报单位|申请单位|申报主体|承担单位|牵头单位|项目单位|依托单位|申报对象|项目承担单位)';
const labels = (values: string[]): string => values.map((v) => UNIT_LABEL[v] ?? v).join('、');

/** 「申报单位为具有独立法人资格的企事业单位」「申报主体是…科技型企业」; 「党政机关不得作为申报单位」. */
const unitTypes: Recognizer = {
  name: '申报单位性质',
  recognize(s: Sentence): Hit[] {
    const hits: Hit[] = [];
    const allowed = new RegExp(`${APPLICANT}(?:须|应|必须|应当)?(?:为|是|系|限于|仅限)([^。；]{1,60}?)(?:[。；，,]|$)`).exec(s.flat);
    // 「申报单位是企业性质的，…」 opens a condition; it does not restrict the unit type.
    if (allowed && statesEligibility(s) && !/合作单位|不得|不能|不予/.test(allowed[1]!) && !/的$|性质的/.test(allowed[1]!)) {
      const values = unitsIn(allowed[1]!);
      if (values.length > 0) {
        // 「企业、高等院校、科研院所等单位」: a list ending in 等 is not closed, so another type is only a warning.
        const open = /等(?:单位|机构|法人单位|各类)?(?:主体)?$/.test(allowed[1]!.replace(/[，,。；]$/, ''));
        hits.push({
          kind: 'valueIn',
          params: { field: 'applicant.unitType', values },
          ...(open ? { severity: 'warning' as const } : {}),
          message: `申报单位须为${labels(values)}`,
          why: `「${allowed[0]}」限定申报单位性质：${labels(values)}${open ? '；列举以「等」结尾，范围不封闭，按警告处理' : ''}`,
        });
      }
    }
    const excluded = deniedUnits(s.flat) ?? /(党政机关|行政机关|机关单位|政府部门|社会组织|社会团体)[^，。；]{0,8}?(?:不得|不能|不予|不可|不)(?:作为)?(?:申报|承担|牵头|申请)|不(?:接受|受理)(党政机关|行政机关|社会组织)[^，。；]{0,6}?申报/.exec(s.flat);
    if (excluded) {
      const values = unitsIn(excluded[1] ?? excluded[2]!);
      hits.push({
        kind: 'valueNotIn',
        params: { field: 'applicant.unitType', values },
        message: `${labels(values)}不得作为申报单位`,
        why: `「${excluded[0]}」排除了这类申报单位`,
      });
    }
    const partner = /合作单位(?:须|应|可|一般)?(?:为|是|包括|限于)([^。；]{1,40}?)(?:[。；，,]|$)/.exec(s.flat);
    if (partner) {
      const values = unitsIn(partner[1]!);
      if (values.length > 0) {
        const open = /等$/.test(partner[1]!);
        hits.push({
          kind: 'columnConstraint',
          params: { table: 'partners', column: 'unitType', constraint: { in: values } },
          ...(open ? { severity: 'warning' as const } : {}),
          message: `合作单位须为${labels(values)}`,
          why: `「${partner[0]}」限定合作单位性质${open ? '；列举以「等」结尾，范围不封闭，按警告处理' : ''}`,
        });
      }
    }
    return hits;
  },
};

/**
 * 「行政机关、事业单位不得作为申报主体」「党政机关和参照公务员法管理的事业单位不得申报」: every unit
 * type of a list that is nothing but unit names before the refusal, not only its first.
 */
function deniedUnits(flat: string): [string, string] | null {
  const deny = /(?:不得|不能|不予|不可)(?:作为)?(?:申报|承担|牵头|申请)/.exec(flat);
  if (!deny) return null;
  const itemNumber = /^(?:\d{1,2}[.、．]|（[一二三四五六七八九十\d]+）)/;
  const phrase = flat.slice(commaPhraseAt(flat, deny.index).from, deny.index + deny[0].length).replace(itemNumber, '');
  const subject = phrase.slice(0, phrase.length - deny[0].length).split(/[；;：:]/).pop()!.replace(itemNumber, '').trim();
  return unitsOnly(subject).length > 0 ? [phrase, subject] : null;
}

/**
 * A statement about who may apply, not a description of policy: a modal word, a list of conditions,
 * or a heading like 申报要求/申报条件/支持对象 above it (「…在城关区注册的企业」 under 二、申报要求).
 */
function statesEligibility(s: Sentence): boolean {
  if (s.list === 'requirement' || s.list === 'exclusion') return true;
  if (/要求|条件|对象|范围|资格/.test(s.heading + s.clause.title)) return true;
  const modal = modalOf(s.flat);
  return modal !== null && modal.severity !== 'info';
}

/** The listed region (GB/T 2260) a place name of the notice denotes, searched inside the home province. */
function regionCodeOf(place: string, home: string[]): { code: string; name: string } | null {
  const province = REGION_TREE.find((p) => home.includes(p.code.slice(0, 2)));
  if (!province) return null;
  const clean = place.replace(/^(?:本|我)/, '');
  let found: RegionNode | null = null;
  const visit = (nodes: readonly RegionNode[]): void => {
    for (const n of nodes) {
      if (found) return;
      const short = n.name.replace(/(?:维吾尔自治区|自治区|省|市|区|县)$/, '');
      if (short.length >= 2 && (clean.includes(n.name) || clean.includes(short))) found = n;
      if (n.children) visit(n.children);
    }
  };
  visit(province.children ?? []);
  const node = found as RegionNode | null;
  return node ? { code: node.code, name: regionName(node.code) ?? node.name } : { code: province.code, name: province.name };
}

/** 「在城关区注册」「注册地在本市」「在新疆境内注册的企业」: the 注册地 code must lie in that region. */
const registeredRegion: Recognizer = {
  name: '注册地',
  recognize(s: Sentence, ctx: NoticeContext): Hit[] {
    const m = /(?:在|于)([^，。；、]{1,16}?)(?:境内|内|辖区内?|范围内)?(?:依法)?(?:注册|登记|设立)(?!时间|日期|资本|满|不满|未满)|注册地(?:须|应|必须)?(?:在|为|位于)([^，。；]{1,16})/.exec(s.flat);
    if (!m || !statesEligibility(s)) return [];
    const place = m[1] ?? m[2]!;
    if (/国外|境外|海外|系统|平台|网站|网上/.test(place)) return [];
    // The notice names no province the code table knows: the place is confirmed by a 承诺.
    if (ctx.home.length === 0 || !regionCodeOf(place, ctx.home)) {
      return [
        {
          kind: 'declaration',
          params: { text: `本单位承诺：${m[0]}` },
          message: `承诺：${m[0]}`,
          why: `「${m[0]}」要求在${place}注册；通知中没有可确定行政区划代码的省区，改为承诺勾选（可在工作台中改为注册地规则）`,
        },
      ];
    }
    const region = regionCodeOf(place, ctx.home);
    if (!region) return [];
    if (ctx.home.length === 0) return [];
    return [
      {
        kind: 'regionWithin',
        params: { field: 'applicant.regionCode', regions: [region.code] },
        message: `申报单位注册地须在${region.name}`,
        why: `「${m[0]}」要求在${place}注册；按行政区划代码在${provinceLabel(ctx.home.slice(0, 1))}内查到「${region.name}」（${region.code}）${region.code.endsWith('0000') ? '，没有查到更细的地点，只检查省份' : ''}`,
      },
    ];
  },
};

const OUTSIDE = /区外|疆外|省外|市外|外省|外地|援疆省市|援疆|国内其他地区|国外|境外|其他省/;
const LOCAL = /本地|区内|疆内|省内|市内|本市|本区|本省|新疆本地/;

/** 「须联合…共同申报」「不接受单一主体申报」「须联合援疆省市相关单位」「须联合新疆本地相关企业」. */
const partnerRequired: Recognizer = {
  name: '合作单位',
  recognize(s: Sentence, ctx: NoticeContext): Hit[] {
    const joint = /(?:须|应|必须|需要?|要)(?:与|联合|会同)([^。；]{1,40}?)(?:共同|联合|合作)?(?:申报|申请|实施|开展)|(?:以[^，。；]{1,20}?为主体)?联合申报|不接受单一(?:主体|单位)申报|须[^，。；]{0,10}(?:产学研|联合体)/.exec(s.flat);
    if (!joint) return [];
    // 「合作协议（联合申报的提供）」「联合申报的，须签订合作协议」「如联合申报」: what applies to joint applications, not a demand for one.
    const before = s.flat.slice(0, joint.index);
    if (s.list === 'documents' || /^的/.test(s.flat.slice(joint.index + joint[0].length)) || /(?:如|若|如果|对于|凡)$/.test(before)) return [];
    // Encouraged or favoured, not required: 「鼓励与…合作」「优先支持产学研联合申报的项目」 (the whole comma phrase counts).
    if (/鼓励|优先|可以|可与|可联合|支持[^，。；]{0,12}联合/.test(s.flat.slice(commaPhraseAt(s.flat, joint.index).from, joint.index + joint[0].length))) return [];
    const partnerWords = joint[1] ?? s.flat;
    if (OUTSIDE.test(partnerWords) && ctx.home.length > 0) {
      return [
        {
          kind: 'partnerOutsideRegion',
          params: { table: 'partners', column: 'region', regions: ctx.home, min: 1 },
          message: `须至少有一家${provinceLabel(ctx.home)}以外的合作单位`,
          why: `「${joint[0]}」要求与本地以外的单位合作（本地 = ${provinceLabel(ctx.home)}）`,
        },
      ];
    }
    const when = unitCondition(before);
    const units = unitsIn(partnerWords.replace(/申报单位|合作单位/g, ''));
    const local = LOCAL.test(partnerWords) && ctx.home.length > 0;
    const where = [
      ...(units.length > 0 && units.length < 5 ? [{ column: 'unitType', constraint: { in: units } }] : []),
      ...(local ? [{ column: 'region', constraint: { in: ctx.home } }] : []),
    ];
    return [
      {
        kind: 'tableRowCount',
        params: { table: 'partners', min: 1, ...(where.length > 0 ? { where } : {}) },
        ...(when ? { when } : {}),
        message: `须至少有一家${local ? `${provinceLabel(ctx.home)}的` : ''}${units.length > 0 && units.length < 5 ? labels(units) : ''}合作单位`,
        why: `「${joint[0]}」要求联合申报${where.length > 0 ? `，合作单位须为${local ? '本地' : ''}${units.length > 0 ? labels(units) : '单位'}` : ''}`,
      },
    ];
  },
};

/** 「合作单位不超过3家」「参与单位原则上不超过2个」「联合申报单位不少于2家」: how many 合作单位 rows. */
const PARTNER_COUNT = new RegExp(
  `(?:合作|参与|协作|联合申报)单位(?:总数|数量?)?(?:原则上|一般)?(?:须|应|需)?(?:(不得超过|不应超过|不能超过|不超过|不多于|最多|至多)|(不少于|不低于|至少))(${NUM})(?:家|个)`,
);

const partnerCount: Recognizer = {
  name: '合作单位数量',
  recognize(s: Sentence): Hit[] {
    const m = PARTNER_COUNT.exec(s.flat);
    if (!m) return [];
    const count = parseNumber(m[3]!);
    if (count === null || !Number.isInteger(count) || count > 50) return [];
    const max = m[1] !== undefined;
    return [
      {
        kind: 'tableRowCount',
        params: { table: 'partners', ...(max ? { max: count } : { min: count }) },
        message: `合作单位${max ? '不超过' : '不少于'}${count}家`,
        why: `「${m[0]}」限定合作单位的家数`,
        at: m.index,
      },
    ];
  },
};

/** 「注册时间在2006年5月以后」「成立不满5年」「企业运营应至少在10年以上」「注册满1年」「成立时间不少于两年」. */
const founded: Recognizer = {
  name: '成立时间',
  recognize(s: Sentence, ctx: NoticeContext): Hit[] {
    const subject = /(?:注册|成立|设立|登记|运营|经营)(?:时间|日期|年限)?/;
    if (!subject.test(s.flat)) return [];
    const explicit = /(?:注册|成立|设立|登记)(?:时间|日期)?(?:须|应|为|在|于)*(\d{4})年(?:(\d{1,2})月)?(?:(\d{1,2})日)?(?:（含）)?(以后|之后|后|以前|之前|前)/.exec(s.flat);
    if (explicit) {
      const date = isoDate(Number(explicit[1]), Number(explicit[2] ?? 1), Number(explicit[3] ?? 1));
      if (!date) return [];
      const after = /后/.test(explicit[4]!);
      return [
        {
          kind: after ? 'dateOnOrAfter' : 'dateOnOrBefore',
          params: { field: 'applicant.foundedOn', date },
          message: `申报单位须在${date}${after ? '（含）以后' : '（含）以前'}注册成立`,
          why: `「${explicit[0]}」限定申报单位的注册（成立）日期`,
        },
      ];
    }
    const ref = ctx.referenceDate;
    const young = new RegExp(`(?:注册|成立|设立)(?:时间|年限)?(?:不超过|未满|不满|不足|在)?(${NUM})年(?:以内|内)?`).exec(s.flat);
    // 「满1年」 says at least as plainly as 「1年以上」 (「注册时间须满1年」); 「在1年以内」 is the other bound.
    const oldMatch = new RegExp(`(?:注册|成立|设立|运营|经营)(?:时间|年限)?(?:应|须|要)?((?:至少|已满|满|超过|在|不少于|不低于|不短于)*)(${NUM})(?:个)?(?:整)?(?:周)?年(?:（含）|\\(含\\))?(以上|及以上)?`).exec(s.flat);
    const old = oldMatch && (oldMatch[3] || /满|至少|不少于|不低于|不短于/.test(oldMatch[1]!)) ? [oldMatch[0], oldMatch[2]!] : null;
    // Without a deadline in the notice the bound cannot become a date: the years are counted at the window close.
    if (!ref) return yearsSinceProposals(old, young);
    if (old) {
      const n = parseNumber(old[1]!);
      if (!n || n > 100) return [];
      const date = shiftYears(ref, -n);
      return [
        {
          kind: 'dateOnOrBefore',
          params: { field: 'applicant.foundedOn', date },
          message: `申报单位须成立满${n}年（${date}（含）以前注册成立）`,
          why: `「${old[0]}」：以申报截止日 ${ref} 起算，成立日期不晚于 ${date}`,
        },
      ];
    }
    if (young && /不超过|未满|不满|不足|以内|内/.test(young[0])) {
      const n = parseNumber(young[1]!);
      if (!n || n > 100) return [];
      const date = shiftYears(ref, -n);
      return [
        {
          kind: 'dateOnOrAfter',
          params: { field: 'applicant.foundedOn', date },
          message: `申报单位成立不得超过${n}年（${date}（含）以后注册成立）`,
          why: `「${young[0]}」：以申报截止日 ${ref} 起算，成立日期不早于 ${date}`,
        },
      ];
    }
    return [];
  },
};

/** 「纳税信用等级为B级及以上」; in an exclusion list 「纳税信用评价不良」 (C、D 级). */
const taxCredit: Recognizer = {
  name: '纳税信用等级',
  recognize(s: Sentence): Hit[] {
    if (!/纳税信用/.test(s.flat)) return [];
    const floor = /纳税信用(?:等级|评价|级别)?(?:须|应|为|在|达到)*([ABM])级?(?:及|或)?以上/.exec(s.flat);
    if (floor) {
      const values = TAX_CREDIT_ORDER.slice(0, TAX_CREDIT_ORDER.indexOf(floor[1]!) + 1);
      return [{ kind: 'valueIn', params: { field: 'applicant.taxCredit', values }, message: `纳税信用等级须为${floor[1]}级及以上`, why: `「${floor[0]}」：${values.join('、')} 级符合` }];
    }
    const bad = /纳税信用(?:评价|等级)?(?:不良|为?[CD]级|较差)/.exec(s.flat);
    if (bad && (s.list === 'exclusion' || /不得|不予|不属于|不支持|不受理/.test(s.flat))) {
      return [{ kind: 'valueNotIn', params: { field: 'applicant.taxCredit', values: ['C', 'D'] }, message: '纳税信用评价不良（C、D 级）的企业不得申报', why: `「${bad[0]}」被排除；纳税信用评价不良按 C、D 级理解` }];
    }
    return [];
  },
};

export const ELIGIBILITY_RECOGNIZERS: Recognizer[] = [unitTypes, registeredRegion, partnerRequired, partnerCount, founded, taxCredit];

/** 「成立满3年」 / 「成立不满5年」 as whole years at the window close, for a notice that states no deadline. */
function yearsSinceProposals(old: readonly string[] | null, young: RegExpExecArray | null): Hit[] {
  if (old) {
    const n = parseNumber(old[1]!);
    if (!n || n > 100) return [];
    return [
      {
        kind: 'yearsSince',
        params: { field: 'applicant.foundedOn', at: { windowClose: true }, min: n },
        message: `申报单位须成立满${n}年`,
        why: `「${old[0]}」：通知未写明截止日期，按申报截止日（无截止日时按检查当天）计算成立年限`,
      },
    ];
  }
  if (young && /不超过|未满|不满|不足|以内|内/.test(young[0])) {
    const n = parseNumber(young[1]!);
    if (!n || n > 100) return [];
    const max = /不超过|以内|内/.test(young[0]) ? n : n - 1;
    return [
      {
        kind: 'yearsSince',
        params: { field: 'applicant.foundedOn', at: { windowClose: true }, max },
        message: `申报单位成立${/不超过|以内|内/.test(young[0]) ? '不得超过' : '须不满'}${n}年`,
        why: `「${young[0]}」：通知未写明截止日期，按申报截止日（无截止日时按检查当天）计算成立年限`,
      },
    ];
  }
  return [];
}
