import { PROVINCES } from '../pack/defaultTemplate';
import { REGION_TREE } from '../regions';

/** Unit words of notices → 单位性质 values of the default template. Longer words first. */
const UNIT_WORDS: [RegExp, string[]][] = [
  [/企事业单位/g, ['enterprise', 'university', 'institute', 'medical', 'publicInstitution']],
  [/医疗卫生机构|医疗机构|卫生机构|医院/g, ['medical']],
  [/高等学校|高等院校|高校|院校/g, ['university']],
  [/科研院所|科研机构|研究院所|研究机构|科研单位|研究院|研究所/g, ['institute']],
  [/党政机关|行政机关|机关单位|政府部门|政府机关/g, ['government']],
  [/社会组织|社会团体|民办非企业单位|行业协会|学会/g, ['socialOrg']],
  // Civil-service-managed 事业单位 are administrative bodies, not the universities and hospitals below.
  [/参照公务员法管理的事业单位|参公管理的?事业单位/g, ['government']],
  [/其他事业单位/g, ['publicInstitution']],
  // Public universities, institutes and hospitals are 事业单位 too: 「企业、事业单位」 does not turn a university away.
  [/事业单位/g, ['university', 'institute', 'medical', 'publicInstitution']],
  [/企业/g, ['enterprise']],
];

export const UNIT_LABEL: Record<string, string> = {
  enterprise: '企业',
  university: '高等学校',
  institute: '科研院所',
  medical: '医疗卫生机构',
  government: '党政机关',
  publicInstitution: '其他事业单位',
  socialOrg: '社会组织',
};

/** The unit types a phrase names (template order), and what is left of it once they are cut out. */
function readUnits(phrase: string): { units: string[]; rest: string } {
  let rest = phrase;
  const found = new Set<string>();
  for (const [re, values] of UNIT_WORDS) {
    rest = rest.replace(re, () => {
      values.forEach((v) => found.add(v));
      return '□';
    });
  }
  return { units: Object.keys(UNIT_LABEL).filter((v) => found.has(v)), rest };
}

/** Unit types named in a phrase, in the template's order. */
export function unitsIn(phrase: string): string[] {
  return readUnits(phrase).units;
}

/** The unit types of a phrase that is nothing but unit names joined by 、和及或与 (「高校、科研院所」), else none. */
export function unitsOnly(phrase: string): string[] {
  const { units, rest } = readUnits(phrase);
  return rest.replace(/[□、和及或与]/g, '') === '' ? units : [];
}

const SHORT_NAME = (label: string): string => label.replace(/(省|市|维吾尔自治区|壮族自治区|回族自治区|自治区|特别行政区)$/, '');

/** The province most named in the notice (新疆 with 兵团), by GB/T 2260 code; empty when none is named. */
export function homeProvinces(text: string): string[] {
  let best: { code: string; count: number } | null = null;
  for (const p of PROVINCES) {
    if (p.value === '99' || p.value === '66') continue;
    const name = SHORT_NAME(p.label);
    const count = text.split(name).length - 1;
    if (count > 0 && (best === null || count > best.count)) best = { code: p.value, count };
  }
  // 「银川市科学技术局关于…」 names its city, not its province: the city's province is home.
  if (!best) best = provinceOfCities(text);
  if (!best) return [];
  return best.code === '65' ? ['65', '66'] : [best.code];
}

/** The province whose prefecture-level cities (by full name: 银川市、西宁市) the text names most. */
function provinceOfCities(text: string): { code: string; count: number } | null {
  let best: { code: string; count: number } | null = null;
  for (const province of REGION_TREE) {
    let count = 0;
    for (const city of province.children ?? []) if (/[市州盟]$|地区$/.test(city.name)) count += text.split(city.name).length - 1;
    if (count > 0 && (best === null || count > best.count)) best = { code: province.code.slice(0, 2), count };
  }
  return best;
}

export function provinceLabel(codes: string[]): string {
  return codes.map((c) => PROVINCES.find((p) => p.value === c)?.label ?? c).join('、');
}

/** 学历 floors → the accepted values of pi.education. */
export const EDUCATION_FLOOR: [RegExp, string[], string][] = [
  [/博士/, ['doctor'], '博士研究生'],
  [/硕士|研究生/, ['doctor', 'master'], '硕士研究生'],
  [/本科|学士/, ['doctor', 'master', 'bachelor'], '大学本科'],
  [/大专|专科/, ['doctor', 'master', 'bachelor', 'college'], '大学专科'],
];

/** 职称 floors → the accepted values of pi.titleLevel (a field the draft pack adds). */
export const TITLE_LEVELS = [
  { value: 'senior', label: '正高级' },
  { value: 'deputySenior', label: '副高级' },
  { value: 'intermediate', label: '中级' },
  { value: 'junior', label: '初级' },
  { value: 'none', label: '无职称' },
];
export const TITLE_FLOOR: [RegExp, string[], string][] = [
  [/正高|(?<!副)教授|(?<![副理])研究员/, ['senior'], '正高级'],
  [/副高|高级|副教授|副研究员|高级工程师/, ['senior', 'deputySenior'], '副高级'],
  [/中级|讲师|(?<!助理)工程师/, ['senior', 'deputySenior', 'intermediate'], '中级'],
  [/初级|助理/, ['senior', 'deputySenior', 'intermediate', 'junior'], '初级'],
];

/** 纳税信用等级 from best to worst (M sits between B and C). */
export const TAX_CREDIT_ORDER = ['A', 'B', 'M', 'C', 'D'];
