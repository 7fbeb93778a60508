/**
 * Notices from other places say the same things in other words: a list under a bare heading
 * (「二、申报条件」 with no colon), a 「三、申报材料」 list with one document per item, a usual and an
 * outer bound in one sentence, encouragement that is not a requirement, open lists ending in 等.
 * The sentences here are written from the language of notices in general, not from the seeds.
 */
import { describe, expect, it } from 'vitest';
import { proposeRules } from '../../../shared/studio/propose';
import type { Proposal } from '../../../shared/studio/types';

function notice(body: string): { proposals: Proposal[]; unrecognized: { quote: string; reason: string }[] } {
  return proposeRules(`关于组织申报2027年度市级科技计划项目的通知\n${body}\n`);
}
const ofKind = (ps: Proposal[], kind: string) => ps.filter((p) => p.kind === kind);
const quoting = (ps: Proposal[], words: string) => ps.filter((p) => p.quote.includes(words));

describe('a list under a bare heading', () => {
  const body = ['二、申报条件', '1.申报单位近三年内无严重失信行为，未被列入失信被执行人名单。', '2.在研市级科技计划项目未结题的负责人不得申报。', '3.项目组成员结构合理，分工明确。'].join('\n');

  it('reads 「申报条件」 items as requirements: conduct becomes a 承诺, nothing is dropped', () => {
    const { proposals, unrecognized } = notice(body);
    const declarations = ofKind(proposals, 'declaration');
    expect(declarations.map((d) => d.quote)).toEqual([expect.stringContaining('失信'), expect.stringContaining('未结题')]);
    expect(declarations.every((d) => d.severity === 'error')).toBe(true);
    // The third item states a requirement no recognizer checks: it is listed, not lost.
    expect(unrecognized.map((u) => u.quote)).toEqual([expect.stringContaining('结构合理')]);
    expect(unrecognized[0]!.reason).toContain('申报条件');
  });

  it('reads the same items under 「二、申报资格」 and 「申报单位及项目负责人条件」 alike', () => {
    for (const heading of ['二、申报资格', '二、申报单位及项目负责人条件', '二、基本条件']) {
      const { proposals } = notice(body.replace('二、申报条件', heading));
      expect(ofKind(proposals, 'declaration'), heading).toHaveLength(2);
    }
  });

  it('does not make a 承诺 of what a 申报要求 item funds', () => {
    const { proposals } = notice('二、申报要求\n（一）支持企业开展诚信体系建设研究。');
    expect(ofKind(proposals, 'declaration')).toEqual([]);
  });

  it('a heading about work arrangements is not a list of conditions', () => {
    const { unrecognized, proposals } = notice('五、工作安排\n1.各区县科技局做好组织推荐工作。');
    expect(unrecognized).toEqual([]);
    expect(proposals).toEqual([]);
  });
});

describe('a 「申报材料」 list, one document per item', () => {
  const items = ['1.项目申报书；', '2.营业执照或法人证书复印件；', '3.上年度财务审计报告；', '4.合作协议（有合作单位的须提供）；', '5.知识产权证明材料（如有）。'];

  it.each(['三、申报材料', '三、提交材料', '三、报送材料清单', '三、申报资料'])('under 「%s」 each item is an attachment; the 申报书 itself is not', (heading) => {
    const { proposals } = notice([heading, ...items].join('\n'));
    const attachments = ofKind(proposals, 'attachment');
    expect(attachments.map((a) => [a.params.name, a.params.required, a.when ?? null])).toEqual([
      ['营业执照或法人证书复印件', true, null],
      ['上年度财务审计报告', true, null],
      // Asked once the 合作单位 table has a row: required of applicants with partners, of no one else.
      ['合作协议', true, { field: 'partners', filled: true }],
      ['知识产权证明材料', false, null],
    ]);
  });

  it('an item noted with unit types (「（企业）」「（高校、科研院所须提供）」) is asked of those units only, as is 「（企业牵头的项目）」; 「（有合作单位的）」 is asked once a 合作单位 is listed', () => {
    const { proposals } = notice(['三、申报材料', '（一）近一年财务审计报告（企业）；', '（二）科研诚信承诺函（高校、科研院所须提供）；', '（三）合作协议（有合作单位的）；', '（四）项目预算说明（企业牵头的项目）。'].join('\n'));
    expect(ofKind(proposals, 'attachment').map((a) => [a.params.name, a.params.required, a.when ?? null])).toEqual([
      ['近一年财务审计报告', true, { field: 'applicant.unitType', equals: 'enterprise' }],
      ['科研诚信承诺函', true, { field: 'applicant.unitType', in: ['university', 'institute'] }],
      ['合作协议', true, { field: 'partners', filled: true }],
      ['项目预算说明', true, { field: 'applicant.unitType', equals: 'enterprise' }],
    ]);
  });

  it('a lead-in sentence names its documents without the words 「以下材料」', () => {
    const { proposals } = notice('三、提交资料\n申报单位需提交以下材料：项目申请书、营业执照副本复印件、近两年财务报表等。');
    expect(ofKind(proposals, 'attachment').map((a) => a.params.name)).toEqual(['营业执照副本复印件', '近两年财务报表']);
  });
});

describe('合作单位: how many, and the documents asked when there are some', () => {
  it.each([
    ['二、申报条件\n7.鼓励产学研合作，合作单位不超过3家。', { max: 3 }, 'error'],
    ['二、申报条件\n1.参与单位原则上不超过两个。', { max: 2 }, 'warning'],
    ['二、申报条件\n1.合作单位数量最多3个。', { max: 3 }, 'error'],
    ['二、申报条件\n1.联合申报单位不少于2家。', { min: 2 }, 'error'],
  ])('「%s」 counts the 合作单位 rows', (text, bound, severity) => {
    const counts = ofKind(notice(text).proposals, 'tableRowCount').filter((p) => !('min' in p.params && p.params.min === 1));
    expect(counts.map((p) => [p.params, p.severity])).toEqual([[{ table: 'partners', ...bound }, severity]]);
  });

  it('「有合作单位的，须提供合作协议」 as a sentence asks for the agreement once a 合作单位 is listed; a plain 「营业执照」 item is a document', () => {
    const { proposals } = notice('三、申报材料\n1.营业执照；\n2.有合作单位的，须提供合作协议。');
    expect(ofKind(proposals, 'attachment').map((a) => [a.params.name, a.params.required, a.when ?? null])).toEqual([
      ['营业执照', true, null],
      ['合作协议', true, { field: 'partners', filled: true }],
    ]);
  });
});

describe('text copied out of a PDF or typed with full-width digits', () => {
  it('「１．」「２．」 items under 「有下列情形之一的，不予受理：」 are exclusions like 「1.」「2.」', () => {
    const texts = (digits: [string, string]) =>
      ofKind(notice(`二、申报条件\n（五）有下列情形之一的，不予受理：\n${digits[0]}项目负责人有２项及以上在研市级项目的；\n${digits[1]}申报单位被列入严重失信主体名单的。`).proposals, 'declaration').map((p) => p.params.text);
    expect(texts(['１．', '２．'])).toEqual(['本项目不属于以下情形：项目负责人有2项及以上在研市级项目的；', '本项目不属于以下情形：申报单位被列入严重失信主体名单的。']);
    expect(texts(['１．', '２．'])).toEqual(texts(['1.', '2.']));
  });

  it.each(['— 2 —', '- 2 -', '第2页 共5页', '　－３－　'])('a page number 「%s」 inside a sentence is read as space, and is no requirement of its own', (mark) => {
    const text = `二、申报条件\n（二）项目负责人年龄不超过55周岁（1971年\n${mark}\n1月1日及以后出生）。\n（三）项目实施期限一般为2年。`;
    const { proposals, unrecognized } = notice(text);
    expect(ofKind(proposals, 'bornOnOrAfter').map((p) => p.params.date)).toEqual(['1971-01-01']);
    expect(ofKind(proposals, 'periodMonths').map((p) => p.params.max)).toEqual([24]);
    expect(unrecognized).toEqual([]);
  });

  it('「实施期限１年」 with no 不超过 is the longest period; 「3年以上的不予支持」 is not read as a cap', () => {
    expect(ofKind(notice('二、申报条件\n1.每项资助５万元，实施期限１年。').proposals, 'periodMonths').map((p) => p.params)).toEqual([{ field: 'project.period', max: 12 }]);
    expect(ofKind(notice('二、申报条件\n1.项目执行期18个月。').proposals, 'periodMonths').map((p) => p.params)).toEqual([{ field: 'project.period', max: 18 }]);
    expect(ofKind(notice('二、申报条件\n1.项目实施期限3年以上的不予支持。').proposals, 'periodMonths')).toEqual([]);
  });
});

describe('a table pasted as text', () => {
  it('rows of tab-separated cells are left to the user whole, not read as one sentence whose first grant holds for every row', () => {
    const { proposals, unrecognized } = notice('第三条 项目类别及资助标准\n项目类别\t资助额度\t实施期限\n关键核心技术攻关\t50-100万元\t2-3年\n成果转化\t不超过30万元\t1-2年\n第四条 项目负责人年龄不超过55周岁。');
    expect(ofKind(proposals, 'moneyRange')).toEqual([]);
    expect(unrecognized.map((u) => [u.quote.split('\n')[0], u.reason])).toEqual([['第三条 项目类别及资助标准', expect.stringContaining('这是一张表格')]]);
    expect(ofKind(proposals, 'ageAtDate').map((p) => p.params.max)).toEqual([55]);
  });

  it('an indent typed with a tab is no table', () => {
    const { proposals, unrecognized } = notice('二、资助额度\n\t单项资助额度为20-50万元。\n\t项目实施期限不超过2年。');
    expect(ofKind(proposals, 'moneyRange').map((p) => p.params.max)).toEqual([500_000]);
    expect(unrecognized).toEqual([]);
  });
});

describe('self-funding stated as 配套', () => {
  it.each([
    ['企业须配套不低于财政资助额度的自有资金。', 1, { field: 'applicant.unitType', equals: 'enterprise' }],
    ['企业须配套不低于申请财政资金2倍的自筹资金。', 2, { field: 'applicant.unitType', equals: 'enterprise' }],
    ['申报单位须配套不低于财政资助额度的两倍的自有资金。', 2, null],
  ])('「%s」', (sentence, ratio, when) => {
    const ratios = ofKind(notice(`二、申报条件\n1.${sentence}`).proposals, 'ratioAtLeast');
    expect(ratios.map((p) => [p.params.ratio, p.when ?? null])).toEqual([[ratio, when]]);
  });
});

describe('ages with an exception', () => {
  const ages = (sentence: string) =>
    notice(`二、申报条件\n1.${sentence}`).proposals.filter((p) => p.kind === 'ageAtDate' || p.kind === 'bornOnOrAfter').map((p) => [p.kind, p.params.max ?? p.params.date, p.when ?? null, p.severity]);
  const notFemale = { not: { field: 'pi.sex', equals: 'female' } };
  const female = { field: 'pi.sex', equals: 'female' };

  it('「35周岁（女性不超过38周岁）」: 35 is for men only, so a 37-year-old woman is not told she is too old', () => {
    expect(ages('申报人年龄不超过35周岁（女性不超过38周岁）。')).toEqual([
      ['ageAtDate', 35, notFemale, 'error'],
      ['ageAtDate', 38, female, 'error'],
    ]);
    expect(ages('申报人年龄不超过35周岁（1991年1月1日以后出生，女性不超过38周岁）。')).toEqual([
      ['ageAtDate', 35, notFemale, 'error'],
      ['ageAtDate', 38, female, 'error'],
      ['bornOnOrAfter', '1991-01-01', notFemale, 'error'],
    ]);
  });

  it('「男性不超过50周岁，女性不超过55周岁」 is a bound for each', () => {
    expect(ages('男性不超过50周岁，女性不超过55周岁。')).toEqual([
      ['ageAtDate', 50, { field: 'pi.sex', equals: 'male' }, 'error'],
      ['ageAtDate', 55, female, 'error'],
    ]);
  });

  it('「特别优秀的可放宽至50周岁」 is an exception the app cannot judge: the 45 it relaxes is a warning that says why', () => {
    const { proposals } = notice('二、申报条件\n1.项目负责人年龄不超过45周岁（1981年1月1日以后出生），特别优秀的可放宽至50周岁。');
    const bounds = proposals.filter((p) => p.kind === 'ageAtDate' || p.kind === 'bornOnOrAfter');
    expect(bounds.map((p) => [p.kind, p.severity])).toEqual([
      ['ageAtDate', 'warning'],
      ['bornOnOrAfter', 'warning'],
    ]);
    for (const p of bounds) expect(p.why).toContain('「特别优秀的可放宽」的例外');
  });
});

describe('amounts in Chinese numerals', () => {
  it.each([
    ['每项支持二十万元至五十万元', { min: 200_000, max: 500_000 }],
    ['每项支持不超过十万元', { max: 100_000 }],
    ['单项资助最高一百五十万元', { max: 1_500_000 }],
    ['每项资助一千万元以内', { max: 10_000_000 }],
  ])('「%s」', (phrase, bound) => {
    const grants = ofKind(notice(`二、支持额度\n重点项目${phrase}。`).proposals, 'moneyRange');
    expect(grants.map((p) => p.params)).toEqual([{ amount: { table: 'budget', column: 'fiscal' }, ...bound }]);
  });
});

describe('a ratio for the units the previous sentence leaves out', () => {
  it.each([
    ['4.企业牵头申报的项目，自筹资金与申请市级财政资金的比例不低于2:1；其他单位不低于1:1。', [2, 1]],
    ['1.企业申报的项目，按1:2自筹；其余单位按1:1。', [2, 1]],
  ])('「%s」: the second ratio is for every unit but 企业', (sentence, ratios) => {
    const ratiosOf = ofKind(notice(`二、申报条件\n${sentence}`).proposals, 'ratioAtLeast');
    expect(ratiosOf.map((p) => [p.params.ratio, p.when])).toEqual([
      [ratios[0], { field: 'applicant.unitType', equals: 'enterprise' }],
      [ratios[1], { not: { field: 'applicant.unitType', equals: 'enterprise' } }],
    ]);
  });

  it('「其他单位不低于1:1」 after a ratio that names no unit type stays unrecognized: there is nothing to be other than', () => {
    const { proposals, unrecognized } = notice('二、申报条件\n1.自筹资金与财政资金之比不低于1:1；其他单位不低于1:1。');
    expect(ofKind(proposals, 'ratioAtLeast').map((p) => p.when ?? null)).toEqual([null]);
    expect(unrecognized.map((u) => u.quote)).toEqual(['其他单位不低于1:1。']);
  });
});

describe('事业单位 and unit-type documents', () => {
  it('「企业、事业单位」 takes in universities, institutes and hospitals (they are 事业单位 too); 「其他事业单位」 does not', () => {
    const broad = ofKind(notice('二、申报条件\n1.申报单位须为企业、事业单位。').proposals, 'valueIn');
    expect(broad.map((p) => p.params.values)).toEqual([['enterprise', 'university', 'institute', 'medical', 'publicInstitution']]);
    const narrow = ofKind(notice('二、申报条件\n1.申报单位须为企业、其他事业单位。').proposals, 'valueIn');
    expect(narrow.map((p) => p.params.values)).toEqual([['enterprise', 'publicInstitution']]);
  });

  it('a refusal of a list of unit types refuses each of them; 「参照公务员法管理的事业单位」 are administrative bodies, not universities', () => {
    const refused = (text: string) => ofKind(notice(`二、申报条件\n1.${text}`).proposals, 'valueNotIn').map((p) => p.params.values);
    expect(refused('行政机关、事业单位不得作为申报主体。')).toEqual([['university', 'institute', 'medical', 'government', 'publicInstitution']]);
    expect(refused('党政机关和参照公务员法管理的事业单位不得作为申报单位。')).toEqual([['government']]);
    expect(refused('党政机关原则上不得申报。')).toEqual([['government']]);
  });

  it('a document named after a unit type (「企业上年度财务报表」「事业单位法人证书」) is asked of that type; 「合作协议（联合申报的提供）」 asks for no partner', () => {
    const { proposals } = notice('三、报送材料\n（一）企业上年度财务报表；\n（二）事业单位法人证书复印件；\n（三）合作协议（联合申报的提供）。');
    expect(ofKind(proposals, 'attachment').map((a) => [a.params.name, a.when ?? null])).toEqual([
      ['企业上年度财务报表', { field: 'applicant.unitType', equals: 'enterprise' }],
      ['事业单位法人证书复印件', { field: 'applicant.unitType', in: ['university', 'institute', 'medical', 'publicInstitution'] }],
      ['合作协议', { field: 'partners', filled: true }],
    ]);
    expect(ofKind(proposals, 'tableRowCount')).toEqual([]);
  });

  it.each(['二、申报条件\n1.如联合申报，须签订合作协议。', '二、申报条件\n1.联合申报的，牵头单位须为企业。'])('「%s」 says what joint applications need, not that one is required', (text) => {
    expect(ofKind(notice(text).proposals, 'tableRowCount')).toEqual([]);
  });

  it.each([
    ['成立时间不少于两年', 2],
    ['注册时间不低于3年', 3],
    ['成立满两年', 2],
  ])('「申报单位%s」 is a founding bound', (phrase, years) => {
    const { proposals } = notice(`二、申报条件\n1.申报单位${phrase}。\n四、申报时间\n申报截止时间为2025年5月30日。`);
    expect(ofKind(proposals, 'dateOnOrBefore').map((p) => p.params)).toEqual([{ field: 'applicant.foundedOn', date: `${2025 - years}-05-30` }]);
  });
});

describe('bounds in other words', () => {
  it('「一般为2年，最长不超过3年」 is a usual period (warning) and an outer one (error)', () => {
    const periods = ofKind(notice('二、申报要求\n（一）项目实施期限一般为2年，最长不超过3年。').proposals, 'periodMonths');
    expect(periods.map((p) => [p.params.max, p.severity])).toEqual([
      [24, 'warning'],
      [36, 'error'],
    ]);
  });

  it('a 「实施期限：」 heading before the sentence\'s own subject: 「实施期限：项目实施期限一般为1至2年」 is the range, as a warning', () => {
    const { proposals, unrecognized } = notice('一、申报专项\n（一）科技惠民专项\n资助额度：每项资助不超过20万元。\n实施期限：项目实施期限一般为1至2年。');
    expect(ofKind(proposals, 'periodMonths').map((p) => [p.params.min, p.params.max, p.severity])).toEqual([[12, 24, 'warning']]);
    expect(unrecognized.filter((u) => u.quote.includes('实施期限'))).toEqual([]);
    // The heading alone, with nothing after it, states no period.
    expect(ofKind(notice('一、实施期限：见各专项。').proposals, 'periodMonths')).toEqual([]);
  });

  it('an outer bound after 原则上 keeps its own force: 「资助额度原则上为30万元，最高不超过50万元」', () => {
    const money = ofKind(notice('一、支持方式\n资助额度原则上为30万元，最高不超过50万元。').proposals, 'moneyRange');
    expect(money.map((p) => [p.params.max, p.severity])).toEqual([[500000, 'error']]);
  });

  it.each([
    ['每项资助10万元。', 100000],
    ['资助强度为每项5万元。', 50000],
    ['每个项目给予资助20万元。', 200000],
  ])('a fixed grant 「%s」 caps what may be applied for', (sentence, max) => {
    const money = ofKind(notice(`一、支持方式\n${sentence}`).proposals, 'moneyRange');
    expect(money.map((p) => p.params.max)).toEqual([max]);
  });

  it('a grant described as 「10万元以上」 is not a cap', () => {
    expect(ofKind(notice('一、支持方式\n每项资助10万元以上。').proposals, 'moneyRange').every((p) => p.params.max !== 100000)).toBe(true);
  });

  it.each([
    ['（六）单位申报数量不超过5项。', 'applicant.uscc', 5],
    ['（六）每家单位限报3项。', 'applicant.uscc', 3],
    ['每名科研人员最多主持1项、参与2项。', 'pi.idNumber', 1],
    ['同一项目负责人当年只能申报1个项目。', 'pi.idNumber', 1],
  ])('「%s」 is a limit on %s of %i', (sentence, key, max) => {
    const limits = ofKind(notice(`二、申报要求\n${sentence}`).proposals, 'crossDraftLimit');
    expect(limits.map((p) => [p.params.key, p.params.max])).toEqual([[key, max]]);
  });

  it('「注册时间满2年（含）以上」 is a founding date bound like 「成立满2年以上」', () => {
    const text = '二、申报条件\n（一）申报单位注册时间满2年（含）以上。\n四、申报时间\n申报截止时间为2027年4月15日17:00。';
    const founded = ofKind(notice(text).proposals, 'dateOnOrBefore');
    expect(founded.map((p) => [p.params.field, p.params.date])).toEqual([['applicant.foundedOn', '2025-04-15']]);
  });

  it.each([
    ['（一）注册时间须满1年。', '2026-04-15'],
    ['（一）申报单位应成立满3周年。', '2024-04-15'],
    ['（一）企业注册时间至少2年。', '2025-04-15'],
  ])('「%s」 (满 without 以上) is a founding date bound too: on or before %s', (sentence, date) => {
    const text = `二、申报条件\n${sentence}\n四、申报时间\n申报截止时间为2027年4月15日17:00。`;
    const { proposals } = notice(text);
    expect(ofKind(proposals, 'dateOnOrBefore').map((p) => [p.params.field, p.params.date])).toEqual([['applicant.foundedOn', date]]);
    expect(ofKind(proposals, 'dateOnOrAfter')).toEqual([]);
  });

  it('「注册时间在1年以内」 and 「成立不满5年」 stay the other bound', () => {
    const text = '二、申报条件\n（一）企业注册时间在1年以内。\n（二）企业成立不满5年。\n四、申报时间\n申报截止时间为2027年4月15日17:00。';
    const { proposals } = notice(text);
    expect(ofKind(proposals, 'dateOnOrBefore')).toEqual([]);
    expect(ofKind(proposals, 'dateOnOrAfter').map((p) => p.params.date)).toEqual(['2026-04-15', '2022-04-15']);
  });
});

describe('encouraged, favoured and open lists', () => {
  it('「鼓励…合作，优先支持产学研联合申报的项目」 requires no partner; it is a priority', () => {
    const { proposals } = notice('二、申报要求\n9.鼓励与省外高校、科研院所开展合作，优先支持产学研联合申报的项目。');
    expect(ofKind(proposals, 'tableRowCount')).toEqual([]);
    expect(ofKind(proposals, 'partnerOutsideRegion')).toEqual([]);
    expect(ofKind(proposals, 'priorityClaimed')).toHaveLength(1);
  });

  it('「须联合高校或科研院所共同申报」 still requires a partner', () => {
    const partners = ofKind(notice('二、申报要求\n（一）企业须联合高校或科研院所共同申报。').proposals, 'tableRowCount');
    expect(partners).toHaveLength(1);
    expect(partners[0]!.severity).toBe('error');
  });

  it('a unit-type list ending in 等 is a warning; a closed one is an error', () => {
    const open = ofKind(notice('二、申报条件\n1.申报单位须为具有独立法人资格的企业、高等院校、科研院所等单位。').proposals, 'valueIn');
    expect(open.map((p) => [p.params.values, p.severity])).toEqual([[['enterprise', 'university', 'institute'], 'warning']]);
    const closed = ofKind(notice('二、申报条件\n1.申报单位须为具有独立法人资格的企业。').proposals, 'valueIn');
    expect(closed.map((p) => [p.params.values, p.severity])).toEqual([[['enterprise'], 'error']]);
  });

  it('keeps the quote of every proposal inside the notice text', () => {
    const text = '二、申报条件\n1.申报单位近三年内无严重失信行为。\n三、申报材料\n1.营业执照复印件；';
    const all = notice(text).proposals;
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((p) => quoting(all, p.quote).length > 0 && `关于组织申报2027年度市级科技计划项目的通知\n${text}\n`.includes(p.quote))).toBe(true);
  });
});

describe('a notice that names its city, not its province', () => {
  it.each([
    ['银川市科学技术局关于征集2027年度科技创新项目的通知', '注册地在银川市', '640100'],
    ['关于组织申报2027年度西宁市科技计划项目的通知', '在西宁市行政区域内注册登记', '630100'],
    ['成都市科学技术局关于2027年度项目申报的通知', '在成都市注册', '510100'],
  ])('「%s」: 「%s」 becomes a 注册地 rule on %s', (title, phrase, code) => {
    const { proposals } = proposeRules(`${title}\n二、申报条件\n（一）申报单位须${phrase}，具有独立法人资格。\n`);
    expect(ofKind(proposals, 'regionWithin').map((p) => p.params.regions)).toEqual([[code]]);
  });
});

describe('deadlines and qualifications in other words', () => {
  it.each([
    ['申报时间：即日起至2027年5月10日。', '2027-05-10T23:59:59+08:00'],
    ['自通知印发之日起至2027年5月10日17:00止。', '2027-05-10T17:00:00+08:00'],
    ['网上申报时间为2027年3月1日至2027年3月31日17:30，逾期不予受理。', '2027-03-31T17:30:00+08:00'],
    ['申报截止日期为2027年4月15日（星期四）下午5点。', '2027-04-15T17:00:00+08:00'],
  ])('「%s」 closes at %s', (sentence, closes) => {
    const windows = ofKind(notice(`四、申报时间\n${sentence}`).proposals, 'applicationWindow');
    expect(windows.map((w) => (w.params.window as { closes: string }).closes)).toEqual([closes]);
  });

  it('「须为国家高新技术企业或入库科技型中小企业」 is a 承诺, not an unread requirement', () => {
    const { proposals, unrecognized } = notice('三、企业项目\n2、申报企业须为国家高新技术企业或入库科技型中小企业；');
    expect(ofKind(proposals, 'declaration')).toHaveLength(1);
    expect(unrecognized).toEqual([]);
  });

  it('「硕士及以上学位或中级及以上职称」 asks the title only of those without the degree', () => {
    const { proposals } = notice('一.申报对象\n(二)申请人应具有硕士及以上学位或中级及以上专业技术职称。');
    const title = ofKind(proposals, 'valueIn').filter((p) => p.params.field === 'pi.titleLevel');
    expect(title).toHaveLength(1);
    expect(title[0]!.when).toEqual({ field: 'pi.education', notIn: ['doctor', 'master'] });
    expect(ofKind(proposals, 'valueIn').filter((p) => p.params.field === 'pi.education')).toEqual([]);
  });

  it('「35周岁以下…，女性可放宽至38周岁」 is two bounds, one per sex', () => {
    const { proposals } = notice('一.申报对象\n(一)申请人须为科技人员，35周岁以下（1991年1月1日以后出生），女性可放宽至38周岁。');
    const ages = ofKind(proposals, 'ageAtDate').map((p) => [p.params.max, p.when]);
    expect(ages).toEqual([
      [35, { not: { field: 'pi.sex', equals: 'female' } }],
      [38, { field: 'pi.sex', equals: 'female' }],
    ]);
  });
});

describe('the 申报书 itself is not an attachment, however the notice names it', () => {
  it.each(['1.西宁市科技计划项目申报书；', '1.《2027年度市级科技计划项目申报书》（一式三份）；', '1.项目申请书；'])('「%s」 gives no checklist item', (item) => {
    const { proposals } = notice(`三、申报材料\n${item}\n2.单位营业执照复印件；`);
    expect(ofKind(proposals, 'attachment').map((p) => p.params.name)).toEqual(['单位营业执照复印件']);
  });

  it('documents that only mention the 申报书 stay: its 电子版, a 推荐意见, a list in one sentence', () => {
    const { proposals } = notice('三、申报材料\n1.申报书电子版；\n2.推荐单位对申报书的审核意见；\n3.合作协议（有合作单位的须提供）。');
    expect(ofKind(proposals, 'attachment').map((p) => p.params.name)).toEqual(['申报书电子版', '推荐单位对申报书的审核意见', '合作协议']);
    const listed = notice('二、申报要求\n申报材料包括：项目申报书、营业执照复印件、财务审计报告。').proposals;
    expect(ofKind(listed, 'attachment').map((p) => p.params.name)).toEqual(['营业执照复印件', '财务审计报告']);
  });
});
