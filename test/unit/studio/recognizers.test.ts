import { describe, expect, it } from 'vitest';
import { proposeRules } from '../../../shared/studio/propose';
import type { Proposal } from '../../../shared/studio/types';

/** A notice of one requirement clause (with a window so ages and 成立年限 have a reference date). */
function propose(sentence: string, extra = ''): Proposal[] {
  const text = `关于申报2023年度甘肃省科技计划项目的通知\n一、申报要求\n（一）${sentence}\n${extra}`;
  return proposeRules(text).proposals.filter((p) => p.quote.includes(sentence.slice(0, 6)) || p.kind === 'applicationWindow');
}
const ofKind = (ps: Proposal[], kind: string) => ps.filter((p) => p.kind === kind);
const one = (ps: Proposal[], kind: string) => {
  const found = ofKind(ps, kind);
  expect(found, `${kind} in ${JSON.stringify(ps.map((p) => p.kind))}`).toHaveLength(1);
  return found[0]!;
};

describe('every quote is a verbatim slice of the notice', () => {
  it('keeps line breaks and spaces of a hard-wrapped notice', () => {
    const text = '一、申报要求\n（一）项目负责人年龄不\n超过 55 周岁。\n';
    const set = proposeRules(text);
    const p = one(set.proposals, 'ageAtDate');
    expect(text.slice(p.start, p.end)).toBe(p.quote);
    expect(p.quote).toContain('\n');
    expect(p.params.max).toBe(55);
  });
});

describe('age of the project leader', () => {
  it.each([
    ['项目负责人年龄不超过55周岁。', { max: 55 }, 'error'],
    ['项目负责人须为55岁以下的在职人员。', { max: 55 }, 'error'],
    ['申报人年龄原则上不超过50周岁。', { max: 50 }, 'warning'],
    ['青年项目负责人年龄不满40周岁。', { max: 39 }, 'error'],
    ['项目负责人一般应在45周岁以下。', { max: 45 }, 'warning'],
    ['项目负责人须年满18周岁。', { min: 18 }, 'error'],
  ])('%s', (sentence, bound, severity) => {
    const p = one(propose(sentence), 'ageAtDate');
    expect(p.params).toMatchObject({ person: { idNumberField: 'pi.idNumber' }, at: { windowClose: true }, ...bound });
    expect(p.severity).toBe(severity);
    expect(p.why).toMatch(/周岁/);
  });

  it('takes the reference date written beside the age', () => {
    const p = one(propose('项目负责人年龄不超过45周岁（截至2023年12月31日）。'), 'ageAtDate');
    expect(p.params.at).toEqual({ date: '2023-12-31' });
  });

  it('reads 男性/女性 bounds as two rules with a condition on 性别', () => {
    const ps = ofKind(propose('项目负责人男性不超过55周岁，女性不超过50周岁。'), 'ageAtDate');
    expect(ps.map((p) => [p.params.max, p.when])).toEqual([
      [55, { field: 'pi.sex', equals: 'male' }],
      [50, { field: 'pi.sex', equals: 'female' }],
    ]);
  });

  it('reads 「女性可放宽至38周岁」 as the other bounds for men and 38 for women', () => {
    const ps = propose('支持年龄在35周岁以下（1989年1月1日以后出生）的青年科研人员，男性不超过35周岁，女性可放宽至38周岁。');
    expect(ofKind(ps, 'ageAtDate').map((p) => [p.params.max, p.when])).toEqual([
      [35, { not: { field: 'pi.sex', equals: 'female' } }],
      [38, { field: 'pi.sex', equals: 'female' }],
    ]);
    expect(one(ps, 'bornOnOrAfter').when).toEqual({ not: { field: 'pi.sex', equals: 'female' } });
  });

  it.each([
    '特别优秀的青年人才年龄可放宽至60周岁。',
    '2023年是中华人民共和国成立74周年。',
    '围绕55岁以上老年人群慢性病防控开展研究。',
    '项目组成员应结构合理，老中青结合。',
  ])('proposes no age limit for 「%s」', (sentence) => {
    expect(ofKind(propose(sentence), 'ageAtDate')).toEqual([]);
  });
});

describe('birth date bound', () => {
  it.each([
    ['项目负责人须为1970年1月1日以后出生。', '1970-01-01'],
    ['出生年月为1972年1月以后。', '1972-01-01'],
    ['项目负责人应为1983年1月1日（含）以后出生的青年科技人员。', '1983-01-01'],
  ])('%s', (sentence, date) => {
    expect(one(propose(sentence), 'bornOnOrAfter').params).toEqual({ person: { idNumberField: 'pi.idNumber' }, date });
  });

  it('does not read a founding date as a birth date', () => {
    expect(ofKind(propose('企业须为2015年1月1日以后注册成立。'), 'bornOnOrAfter')).toEqual([]);
  });
});

describe('education and title floors', () => {
  it.each([
    ['项目负责人应具有大学本科以上学历。', ['doctor', 'master', 'bachelor']],
    ['申报人一般应当具有研究生以上学历。', ['doctor', 'master']],
    ['项目负责人须具有博士学位。', ['doctor']],
    ['项目负责人须具有硕士及以上学位。', ['doctor', 'master']],
  ])('%s', (sentence, values) => {
    expect(one(propose(sentence), 'valueIn').params).toEqual({ field: 'pi.education', values });
  });

  it('reads a title floor into the added 职称级别 field', () => {
    expect(one(propose('项目负责人须具有副高级及以上专业技术职称。'), 'valueIn').params).toEqual({ field: 'pi.titleLevel', values: ['senior', 'deputySenior'] });
    expect(one(propose('项目负责人须具有中级以上的专业技术职称。'), 'valueIn').params).toEqual({ field: 'pi.titleLevel', values: ['senior', 'deputySenior', 'intermediate'] });
  });

  it('reads 「具有高级职称或博士学位」 (title first) as either one', () => {
    const p = one(propose('项目负责人应具有高级职称或博士学位。'), 'valueIn');
    expect(p.params).toEqual({ field: 'pi.titleLevel', values: ['senior', 'deputySenior'] });
    expect(p.when).toEqual({ field: 'pi.education', notIn: ['doctor'] });
  });

  it('reads 「博士学位或副高级以上职称」 as either one', () => {
    const p = one(propose('项目负责人应具有博士学位或副高级以上职称。'), 'valueIn');
    expect(p.params).toEqual({ field: 'pi.titleLevel', values: ['senior', 'deputySenior'] });
    expect(p.when).toEqual({ field: 'pi.education', notIn: ['doctor'] });
  });

  it.each(['项目实施期内培养博士研究生3名、硕士研究生5名。', '支持高级职称评审制度改革研究。'])('no floor in 「%s」', (sentence) => {
    expect(ofKind(propose(sentence), 'valueIn')).toEqual([]);
  });
});

describe('self-funding', () => {
  const self = { table: 'budget', column: 'selfRaised' };
  const fiscal = { table: 'budget', column: 'fiscal' };
  it.each([
    ['企业须按不低于1:1的比例配套自筹资金。', 1],
    ['经费至少按照1:2进行自筹。', 2],
    ['自筹资金与申请财政资金的比例不低于2:1。', 2],
    ['自筹资金不少于申请财政资金。', 1],
    ['自筹资金不低于申请财政资金的2倍。', 2],
  ])('%s', (sentence, ratio) => {
    const p = one(propose(sentence), 'ratioAtLeast');
    expect(p.params).toMatchObject({ numerator: self, denominator: fiscal, ratio });
  });

  it('narrows the ratio to the unit type that opens the sentence', () => {
    const p = one(propose('申报单位是医疗卫生机构性质的，同时鼓励对基层人才的培养，经费至少按照1:1进行自筹。'), 'ratioAtLeast');
    expect(p.when).toEqual({ field: 'applicant.unitType', equals: 'medical' });
    expect(p.severity).toBe('error');
  });

  it.each([
    ['项目预算中自筹资金应占总投资70%以上。', 70],
    ['企业投入不低于项目总投入的50%。', 50],
    ['财政资金占项目总投入的比例不超过30%。', 70],
    ['资助金额原则上不超过项目总预算的30%。', 70],
  ])('%s', (sentence, percent) => {
    expect(one(propose(sentence), 'shareOfTotalAtLeast').params).toEqual({ part: self, others: [fiscal], percent });
  });

  it.each(['2022年全市研发投入占GDP比重达到2.5%。', '项目配套设施建设按1:500比例尺绘制图纸。'])('no self-funding rule in 「%s」', (sentence) => {
    expect([...ofKind(propose(sentence), 'ratioAtLeast'), ...ofKind(propose(sentence), 'shareOfTotalAtLeast')]).toEqual([]);
  });
});

describe('funding range and ceiling (万元 → 元)', () => {
  const fiscal = { table: 'budget', column: 'fiscal' };
  it.each([
    ['单项资助额度为20-100万元。', { min: 200_000, max: 1_000_000 }, 'error'],
    ['资助额度一般为20-50万元。', { min: 200_000, max: 500_000 }, 'warning'],
    ['主要为无偿资助，单项资助5-20万。', { min: 50_000, max: 200_000 }, 'error'],
    ['每个项目支持经费最高不超过100万元。', { max: 1_000_000 }, 'error'],
    ['单个项目财政资助原则上不超过50万元。', { max: 500_000 }, 'warning'],
    ['每项资助1.5亿元以内。', { max: 150_000_000 }, 'error'],
  ])('%s', (sentence, bound, severity) => {
    const p = one(propose(sentence), 'moneyRange');
    expect(p.params).toEqual({ amount: fiscal, ...bound });
    expect(p.severity).toBe(severity);
  });

  it.each([
    '对获得国家级奖项的企业给予一次性奖励10万元。',
    '使用财政资金200万元以上的科学研究项目。',
    '2022年全市科技投入达到5000万元。',
  ])('no grant cap in 「%s」', (sentence) => {
    expect(ofKind(propose(sentence), 'moneyRange').filter((p) => (p.params.amount as { table?: string }).table === 'budget')).toEqual([]);
  });
});

describe('revenue thresholds', () => {
  it.each([
    ['2016年销售额在2000万元以内。', { max: 20_000_000 }],
    ['上年度营业收入不低于500万元。', { min: 5_000_000 }],
    ['企业年销售收入不超过2亿元。', { max: 200_000_000 }],
  ])('%s', (sentence, bound) => {
    expect(one(propose(sentence), 'moneyRange').params).toEqual({ amount: { field: 'applicant.lastYearSales' }, ...bound });
  });
});

describe('investment floors', () => {
  it.each([
    ['项目总投资不低于500万元。', 5_000_000],
    ['使用财政资金或国有资产5000万元以上的生产建设项目。', 50_000_000],
    ['技术改造项目投资总额须在1亿元以上。', 100_000_000],
  ])('%s', (sentence, min) => {
    expect(one(propose(sentence), 'moneyRange').params).toEqual({ amount: { field: 'project.totalInvestment' }, min });
  });

  it.each(['自筹资金占总投资70%以上。', '2022年全市固定资产投资总额达到300亿元。'])('no investment floor in 「%s」', (sentence) => {
    expect(ofKind(propose(sentence), 'moneyRange')).toEqual([]);
  });
});

describe('project period', () => {
  it.each([
    ['项目实施期限原则上不超过2年。', { max: 24 }, 'warning'],
    ['项目执行期不超过24个月。', { max: 24 }, 'error'],
    ['项目实施期为1-2年。', { min: 12, max: 24 }, 'error'],
    ['项目实施周期一般为3年。', { max: 36 }, 'warning'],
  ])('%s', (sentence, bound, severity) => {
    const p = one(propose(sentence), 'periodMonths');
    expect(p.params).toEqual({ field: 'project.period', ...bound });
    expect(p.severity).toBe(severity);
  });

  it('reads 「1-2年，原则上不超过两年」 as a floor that must hold and a cap that is a warning', () => {
    const ps = ofKind(propose('项目实施期1-2年，原则上不超过两年。'), 'periodMonths');
    expect(ps.map((p) => [p.params, p.severity])).toEqual([
      [{ field: 'project.period', min: 12 }, 'error'],
      [{ field: 'project.period', max: 24 }, 'warning'],
    ]);
  });

  it('reads 「超过三年」 as a limit only in a list of exclusions', () => {
    const text = '一、申报要求\n（一）以下项目不属于申报范围：\n1.项目实施周期超过三年的项目；\n2.低水平重复项目。\n';
    expect(one(proposeRules(text).proposals, 'periodMonths').params).toEqual({ field: 'project.period', max: 36 });
    expect(ofKind(propose('本计划已实施周期超过三年的项目将进行绩效评价。'), 'periodMonths')).toEqual([]);
  });

  it.each(['申报单位近三年无不良信用记录。', '拟以5-7年期科技成果转化引导基金形式支持。'])('no period in 「%s」', (sentence) => {
    expect(ofKind(propose(sentence), 'periodMonths')).toEqual([]);
  });
});

describe('application window', () => {
  const windowOf = (ps: Proposal[]) => one(ps, 'applicationWindow').params.window;
  it.each([
    ['申报时间：2020年1月15日—3月30日。', { opens: '2020-01-15T00:00:00+08:00', closes: '2020-03-30T23:59:59+08:00' }],
    ['网上申报截止时间为2022年5月20日17:00。', { closes: '2022-05-20T17:00:00+08:00' }],
    ['项目申报材料提交于6月15日18:00截止。', { closes: '2023-06-15T18:00:00+08:00' }],
    ['请于2023年4月30日下午5点前报送纸质材料。', { closes: '2023-04-30T17:00:00+08:00' }],
    ['申报截止日期：2024年6月30日（星期日）下午17:00，逾期不予受理。', { closes: '2024-06-30T17:00:00+08:00' }],
    ['网上申报时间为2024年3月1日至3月31日，截止时间为3月31日17:30。', { opens: '2024-03-01T00:00:00+08:00', closes: '2024-03-31T17:30:00+08:00' }],
    ['申报受理时间为2023年3月1日9:00至2023年3月31日18时。', { opens: '2023-03-01T09:00:00+08:00', closes: '2023-03-31T18:00:00+08:00' }],
  ])('%s', (sentence, window) => {
    const ps = propose(sentence);
    expect(windowOf(ps)).toEqual(window);
    expect(one(ps, 'dateInWindow').params).toEqual({ field: 'project.applicationDate' });
  });

  it.each(['相关证书及奖励证明为2019年1月1日后获得。', '企业须于2018年1月1日前成立。', '本办法自2023年1月1日起施行。'])('no window in 「%s」', (sentence) => {
    expect(ofKind(propose(sentence), 'applicationWindow')).toEqual([]);
  });
});

describe('eligibility', () => {
  it('reads allowed unit types, but not a condition that opens a sentence', () => {
    expect(one(propose('申报单位为具有独立法人资格的企事业单位。'), 'valueIn').params).toEqual({ field: 'applicant.unitType', values: ['enterprise', 'university', 'institute', 'medical', 'publicInstitution'] });
    expect(one(propose('申报主体是具有独立法人资格的科技型企业。'), 'valueIn').params).toEqual({ field: 'applicant.unitType', values: ['enterprise'] });
    expect(ofKind(propose('申报单位是企业性质的，需提供上一年度财务报表。'), 'valueIn')).toEqual([]);
  });

  it('reads excluded unit types', () => {
    expect(one(propose('党政机关不得作为申报单位。'), 'valueNotIn').params).toEqual({ field: 'applicant.unitType', values: ['government'] });
  });

  it('reads the registered region as a region code inside the notice province', () => {
    const text = '关于申报2020年度兰州市城关区科技计划项目的通知\n甘肃省兰州市城关区科学技术局\n一、申报要求\n（一）在城关区注册的具有独立法人资格的企业。\n';
    expect(one(proposeRules(text).proposals, 'regionWithin').params).toEqual({ field: 'applicant.regionCode', regions: ['620102'] });
    expect(ofKind(propose('申报人须在“科技业务管理系统”中注册后方可申报。'), 'regionWithin')).toEqual([]);
    // A policy described in a plan is not a condition of applying.
    const plan = proposeRules('甘肃省某市“十四五”科技创新规划\n一、主要任务\n（一）培育创新主体\n对省外高新技术企业在本市设立的具有独立法人资格的企业，直接列入培育库。\n');
    expect(ofKind(plan.proposals, 'regionWithin')).toEqual([]);
  });

  it('reads partner requirements and their region', () => {
    expect(one(propose('必须以产学研合作联盟为主体联合申报，不接受单一主体申报。'), 'tableRowCount').params).toEqual({ table: 'partners', min: 1 });
    const out = one(propose('申报单位须联合区外相关单位共同申报。'), 'partnerOutsideRegion');
    expect(out.params).toEqual({ table: 'partners', column: 'region', regions: ['62'], min: 1 });
    expect(ofKind(propose('鼓励企业联合高校共同申报。'), 'tableRowCount')).toEqual([]);
  });

  it('reads founding dates and ages (against the window close)', () => {
    const window = '二、申报时间\n申报截止时间为2023年6月30日。';
    expect(one(propose('企业注册时间在2018年5月以后。', window), 'dateOnOrAfter').params).toEqual({ field: 'applicant.foundedOn', date: '2018-05-01' });
    expect(one(propose('企业成立不超过5年。', window), 'dateOnOrAfter').params).toEqual({ field: 'applicant.foundedOn', date: '2018-06-30' });
    expect(one(propose('企业注册成立满1年以上。', window), 'dateOnOrBefore').params).toEqual({ field: 'applicant.foundedOn', date: '2022-06-30' });
  });

  it('counts 成立年限 at the window close (yearsSince) when the notice states no deadline', () => {
    expect(one(propose('企业注册成立满3年以上。'), 'yearsSince').params).toEqual({ field: 'applicant.foundedOn', at: { windowClose: true }, min: 3 });
    expect(one(propose('企业成立不满5年。'), 'yearsSince').params).toEqual({ field: 'applicant.foundedOn', at: { windowClose: true }, max: 4 });
    expect(one(propose('企业成立不超过5年。'), 'yearsSince').params).toEqual({ field: 'applicant.foundedOn', at: { windowClose: true }, max: 5 });
    expect(ofKind(propose('2023年是中华人民共和国成立74周年。'), 'yearsSince')).toEqual([]);
  });

  it('reads tax credit floors', () => {
    expect(one(propose('企业纳税信用等级须为B级及以上。'), 'valueIn').params).toEqual({ field: 'applicant.taxCredit', values: ['A', 'B'] });
  });
});

describe('limits', () => {
  it.each([
    ['每个单位限报2项。', { max: 2, groupBy: 'none' }],
    ['每家企业最多推荐3个项目。', { max: 3, groupBy: 'none' }],
    ['一个单位最多申报2个项目。', { max: 2, groupBy: 'none' }],
    ['市级单位每大类项目数量不超过2项。', { max: 2, groupBy: 'program' }],
  ])('%s', (sentence, limit) => {
    expect(one(propose(sentence), 'crossDraftLimit').params).toMatchObject({ key: 'applicant.uscc', scope: 'samePack', ...limit });
  });

  it.each(['同一申请人同一年内只能申请承担1个项目。', '每位项目负责人限报1项。', '每人限申报一个项目。', '项目负责人同期主持省级科技计划项目不得超过1项。'])('%s', (sentence) => {
    expect(one(propose(sentence), 'crossDraftLimit').params).toEqual({ key: 'pi.idNumber', max: 1, scope: 'sameYear', groupBy: 'none' });
  });

  it('no limit in a count of what was funded', () => {
    expect(ofKind(propose('去年每个单位平均获得2项立项支持。'), 'crossDraftLimit')).toEqual([]);
  });
});

describe('paperwork', () => {
  it('splits an attachment list, keeping brackets together', () => {
    const names = ofKind(propose('项目附件包括：营业执照、技术合同（技术转让合同、技术合作合同等）、查新报告等与项目有关的资料。'), 'attachment').map((p) => p.params.name);
    expect(names).toEqual(['营业执照', '技术合同（技术转让合同、技术合作合同等）', '查新报告']);
  });

  it('turns uncheckable requirements into 承诺', () => {
    const p = one(propose('申报单位应遵守国家相关法律法规，诚实守信。'), 'declaration');
    expect(p.params.text).toMatch(/^本单位承诺：/);
    expect(ofKind(propose('支持企业开展诚信体系建设研究。'), 'declaration')).toEqual([]);
  });

  it('reads 优先支持 as info, for a sentence and for the items of a priority list', () => {
    expect(one(propose('优先支持获得创新创业大赛奖项的项目。'), 'priorityClaimed').severity).toBe('info');
    const text = '一、申报要求\n（五）符合以下条件的项目优先支持：\n1.产学研合作项目；\n2.具有自主知识产权的项目。\n';
    const ps = ofKind(proposeRules(text).proposals, 'priorityClaimed');
    expect(ps.map((p) => p.params.option)).toEqual(['产学研合作项目', '具有自主知识产权的项目']);
  });
});

describe('lists of conditions', () => {
  it('reads the items under 「应同时符合以下条件：」 as requirements: 承诺 or unrecognized, never nothing', () => {
    const text = '第三条 申领创新券的企业应同时符合以下条件：\n（一）未列入严重失信主体名单；\n（二）研发人员占职工总数的比例不低于10%。\n';
    const set = proposeRules(text);
    expect(one(set.proposals, 'declaration').params.text).toBe('本单位承诺：未列入严重失信主体名单；');
    expect(set.unrecognized.map((u) => u.reason)).toEqual(['列在申报条件中，但没有识别出可检查的规则']);
  });

  it('turns 注册地 into a 承诺 when the notice names no province', () => {
    const set = proposeRules('一、申报条件\n（一）在本市依法注册登记的企业。\n');
    expect(one(set.proposals, 'declaration').params.text).toBe('本单位承诺：在本市依法注册');
    expect(ofKind(set.proposals, 'regionWithin')).toEqual([]);
  });

  it('keeps a 承诺 beside the rules of the same sentence for what they cannot check', () => {
    const kinds = propose('项目负责人须为申报单位在职人员，年龄不超过60周岁。').map((p) => p.kind);
    expect(kinds).toEqual(['ageAtDate', 'declaration']);
  });

  it('lists the annexes of a notice and narrows a checklist item to its unit type', () => {
    const annex = proposeRules('一、申报条件\n（一）项目负责人年龄不超过50周岁。\n附件：1.创新券申领表\n2.企业承诺书\n');
    expect(ofKind(annex.proposals, 'attachment').map((p) => p.params.name)).toEqual(['创新券申领表', '企业承诺书']);
    const p = ofKind(propose('申报单位是企业性质的，需提供上一年度资产负债表、利润表等。'), 'attachment');
    expect(p.map((x) => [x.params.name, x.when])).toEqual([
      ['上一年度资产负债表', { field: 'applicant.unitType', equals: 'enterprise' }],
      ['利润表', { field: 'applicant.unitType', equals: 'enterprise' }],
    ]);
  });
});

describe('nothing is dropped', () => {
  it('lists a requirement no recognizer understood', () => {
    const set = proposeRules('一、申报要求\n（一）项目须符合本市产业发展方向并具有良好的示范带动作用。\n');
    expect(set.proposals.filter((p) => p.kind !== 'declaration')).toEqual([]);
    expect(set.unrecognized.map((u) => u.quote)).toEqual(['（一）项目须符合本市产业发展方向并具有良好的示范带动作用。']);
  });

  it('does not list background prose as unrecognized', () => {
    const set = proposeRules('一、支持方向\n围绕数字经济，支持人工智能与实体经济深度融合。\n');
    expect(set.unrecognized).toEqual([]);
  });
});
