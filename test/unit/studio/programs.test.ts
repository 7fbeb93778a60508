import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PackSchema } from '../../../shared/pack/pack';
import { packCoverage } from '../../../shared/pack/coverage';
import { checkPackSemantics } from '../../../shared/pack/semantic';
import { contactsIn, proposePrograms } from '../../../shared/studio/programs';
import { programEditsOf, ProgramEditSchema } from '../../../shared/studio/programEdits';
import { proposeRules } from '../../../shared/studio/propose';
import { studioPack, type StudioEdits } from '../../../shared/studio/studioEdits';
import { draftFromNotice } from '../../../shared/studio/studioFile';
import { tryDraftOf, EMPTY_TRY_VALUES, type TryValues } from '../../../shared/studio/tryDraft';
import type { RuleResult } from '../../../shared/rules/types';
import { engineFor } from '../../../shared/rules/engine';
import type { Pack } from '../../../shared/pack/pack';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');
/** Written for these tests (not a seed): 二、项目类别 with two 专项, each with its directions, funding and contact. */
const XISHAN = read('test/fixtures/studio/2026-xishan-two-programs-notice.txt');
const KARAMAY = read('../shared/seeds/2017-karamay-city-notice.txt');
const SHUIMOGOU = read('../shared/seeds/2020-shuimogou-district-guide.txt');
const QINGHE = read('test/fixtures/studio/2026-qinghe-district-notice.txt');
/** Written for these tests (not a seed): 一、申报专项 whose items each end with a 「支持方向：」 line before their numbered directions. */
const XINING = read('test/fixtures/studio/2027-xining-two-programs-notice.txt');
/** Written for these tests (not a seed): two 支持方向 items as programs; the shared 申报条件 give each its own grant in one sentence. */
const ZHANGYE = read('test/fixtures/studio/2024-zhangye-shared-conditions-notice.txt');
/** Written for these tests (not a seed): 「企业、事业单位」, 「成立时间不少于两年」, 「合作协议（联合申报的提供）」, 「企业上年度财务报表」. */
const GUYUAN = read('test/fixtures/studio/2025-guyuan-joint-and-units-notice.txt');
/** Written for these tests (not a seed): full-width digits and a page number 「— 2 —」 as text copied out of a PDF. */
const HAMI = read('test/fixtures/studio/2026-hami-fullwidth-pdf-text-notice.txt');
/** Written for these tests (not a seed): items inline in one paragraph, amounts in Chinese numerals for two kinds of project that are not programs. */
const LHASA = read('test/fixtures/studio/2026-lhasa-inline-items-notice.txt');

const acceptAll = (text: string): StudioEdits => {
  const set = proposeRules(text);
  return { meta: { id: 'test-2026', title: '测试指南', version: '1.0.0', year: 2026 }, proposals: Object.fromEntries(set.proposals.map((p) => [p.id, { status: 'accepted' as const }])), unrecognized: {}, fields: {} };
};
const valid = (pack: unknown, text: string): string[] => {
  const parsed = PackSchema.parse(pack);
  return [...checkPackSemantics(parsed, text), ...packCoverage(parsed).problems];
};

/** The pack of a notice with every proposal accepted, as the import checks it. */
function acceptedPack(text: string): Pack {
  const { pack, problems } = studioPack(proposeRules(text), acceptAll(text));
  expect(problems).toEqual([]);
  expect(valid(pack, text)).toEqual([]);
  return PackSchema.parse(pack) as Pack;
}

/** The first program's results, by the wizard's engine, on a 试填 draft with `partners` 合作单位 rows and files in the given checklist slots. */
function resultsOn(pack: Pack, today: string, values: Partial<TryValues>, partners = 0, attachedSlots: string[] = []): RuleResult[] {
  const program = pack.programs[0]!;
  const draft = tryDraftOf(pack, { ...EMPTY_TRY_VALUES, ...values }, program.id);
  const rows = Array.from({ length: partners }, (_, i) => ({ name: `合作单位${i + 1}`, region: '620000' }));
  const file = { name: '附件.pdf', sha256: 'a'.repeat(64), size: 10, mediaType: 'application/pdf', addedAt: draft.createdAt };
  const attachments = Object.fromEntries(attachedSlots.map((slot) => [slot, [file]]));
  return engineFor(pack, program.id, draft.guideline!.documentType)!.evaluate({ ...draft, tables: { ...draft.tables, partners: rows }, attachments }, { today });
}

/** The outcomes of the results whose message holds `text`. */
const outcomes = (results: readonly RuleResult[], text: string): string[] => results.filter((r) => r.message.includes(text)).map((r) => r.outcome);

describe('programs proposed from the notice outline', () => {
  it('a 项目类别 section with two 专项 gives two programs, each with its directions, funding, document types and contact', () => {
    const programs = proposePrograms(proposeRules(XISHAN), '西山区');
    expect(programs.map((p) => p.name)).toEqual(['关键技术攻关专项', '科技人才培育专项']);
    const [tech, talent] = programs;
    expect(tech!.directions.map((d) => d.name)).toEqual(['先进制造', '新材料']);
    expect(talent!.directions.map((d) => d.name)).toEqual(['青年科技人才', '创新团队']);
    expect(tech!.funding).toEqual({ forms: ['无偿资助'], max: 500_000 });
    expect(talent!.funding).toEqual({ forms: ['无偿资助'], min: 50_000, max: 100_000 });
    expect(tech!.documentTypes).toEqual(['application']);
    expect(tech!.contacts).toEqual([{ department: '联系方式', people: ['王明'], phones: ['0871-63112233'] }]);
    expect(talent!.contacts[0]!.people).toEqual(['李华']);
  });

  it('一、申报专项 with two 专项 whose 「支持方向：」 is the last line of their heading gives two programs with their directions', () => {
    const programs = proposePrograms(proposeRules(XINING), '西宁市');
    expect(programs.map((p) => p.name)).toEqual(['高原特色产业关键技术攻关专项', '科技惠民专项']);
    const [industry, welfare] = programs;
    expect(industry!.directions.map((d) => d.name)).toEqual(['盐湖资源综合利用', '高原特色生物资源开发', '清洁能源与储能']);
    expect(welfare!.directions.map((d) => d.name)).toEqual(['高原医学与藏医药', '生态环境保护与修复']);
    expect(industry!.funding).toEqual({ forms: [], min: 300_000, max: 800_000 });
    expect(welfare!.funding).toEqual({ forms: [], max: 200_000 });
    const { pack, problems } = studioPack(proposeRules(XINING), acceptAll(XINING));
    expect(problems).toEqual([]);
    expect(pack.programs.map((p) => p.rules.map((r) => r.kind).sort())).toEqual([
      ['directionChosen', 'moneyRange', 'periodMonths', 'periodMonths'],
      ['directionChosen', 'moneyRange', 'periodMonths'],
    ]);
    expect(valid(pack, XINING)).toEqual([]);
    // 「合作协议（有合作单位的须提供）」 is checked once a 合作单位 is listed: a rule covers its clause.
    expect(pack.clauses.find((c) => c.quote.includes('合作协议'))!.coverage).toMatchObject({ kind: 'rules' });
    const agreement = [...(pack.attachments ?? []), ...pack.programs.flatMap((p) => p.attachments ?? [])].find((a) => a.name === '合作协议');
    expect(agreement).toMatchObject({ required: true, when: { field: 'partners', filled: true } });
  });

  it('a 申报专项 section whose items are not named like programs, or a 支持方向 line in the middle of a clause, proposes nothing of the kind', () => {
    const text = '一、申报专项\n（一）申报条件\n1.单位须在本市注册。\n（二）申报材料\n1.申报书\n2.营业执照\n二、其他\n（一）说明\n支持方向：见附件。\n本项目须按时完成。\n1.按期提交\n2.按期验收\n';
    const set = proposeRules(text);
    expect(proposePrograms(set, '测试').map((p) => p.id)).toEqual(['main']);
    expect(set.proposals.filter((p) => p.kind === 'directionChosen')).toEqual([]);
  });

  it('the draft pack puts each program its own rules, and the common requirements in the pack for all', () => {
    const { pack, problems } = studioPack(proposeRules(XISHAN), acceptAll(XISHAN));
    expect(problems).toEqual([]);
    expect(pack.programs.map((p) => [p.name, p.rules.map((r) => r.kind).sort()])).toEqual([
      ['关键技术攻关专项', ['directionChosen', 'moneyRange']],
      ['科技人才培育专项', ['directionChosen', 'moneyRange']],
    ]);
    expect(pack.rules!.map((r) => r.kind)).toEqual(expect.arrayContaining(['ageAtDate', 'crossDraftLimit', 'applicationWindow']));
    expect(valid(pack, XISHAN)).toEqual([]);
  });

  it('one shared sentence giving each program its own grant (「A项目每项…不超过30万元，B项目每项…5-20万元」): a proposal per part, quoting its part, in its program', () => {
    const set = proposeRules(ZHANGYE);
    const grants = set.proposals.filter((p) => p.kind === 'moneyRange');
    expect(grants.map((p) => [p.quote, p.params])).toEqual([
      ['6.重点研发计划项目每项支持经费不超过30万元', { amount: { table: 'budget', column: 'fiscal' }, max: 300_000 }],
      ['科技成果转化计划项目每项支持经费5-20万元。', { amount: { table: 'budget', column: 'fiscal' }, min: 50_000, max: 200_000 }],
    ]);
    for (const g of grants) expect(ZHANGYE.slice(g.start, g.end)).toBe(g.quote);
    const { pack, problems } = studioPack(set, acceptAll(ZHANGYE));
    expect(problems).toEqual([]);
    expect(pack.programs.map((p) => [p.name, p.rules.filter((r) => r.kind === 'moneyRange').map((r) => ('max' in r ? r.max : null))])).toEqual([
      ['重点研发计划', [300_000]],
      ['科技成果转化计划', [200_000]],
    ]);
    expect((pack.rules ?? []).filter((r) => r.kind === 'moneyRange')).toEqual([]);
    expect(valid(pack, ZHANGYE)).toEqual([]);
  });

  it('张掖 「合作协议（有合作单位的）」 and 「合作单位不超过3家」: the agreement is asked once a 合作单位 is listed, and a fourth 合作单位 is an error', () => {
    const pack = acceptedPack(ZHANGYE);
    const agreement = [...(pack.attachments ?? []), ...(pack.programs[0]!.attachments ?? [])].find((a) => a.name === '合作协议')!;
    const outcomeOf = (partners: number, attached: boolean) => {
      const results = resultsOn(pack, '2024-05-10', {}, partners, attached ? [agreement.id] : []);
      return { agreement: outcomes(results, '须上传附件「合作协议」'), count: outcomes(results, '合作单位不超过3家') };
    };
    expect(outcomeOf(0, false)).toEqual({ agreement: ['notApplicable'], count: ['pass'] });
    expect(outcomeOf(1, false)).toEqual({ agreement: ['fail'], count: ['pass'] });
    expect(outcomeOf(1, true)).toEqual({ agreement: ['pass'], count: ['pass'] });
    expect(outcomeOf(4, true)).toEqual({ agreement: ['pass'], count: ['fail'] });
  });

  it('张掖 「企业牵头…不低于2:1；其他单位不低于1:1」: an enterprise is held to 2:1, a university to 1:1, and nothing in the notice is left unrecognized', () => {
    expect(proposeRules(ZHANGYE).unrecognized).toEqual([]);
    const pack = acceptedPack(ZHANGYE);
    const failing = (unitType: string, fiscalWan: string, selfRaisedWan: string) =>
      resultsOn(pack, '2024-05-10', { unitType, fiscalWan, selfRaisedWan })
        .filter((r) => r.kind === 'ratioAtLeast' && r.outcome === 'fail')
        .map((r) => r.message.split('：')[0]);
    expect(failing('enterprise', '10', '15')).toEqual(['自筹资金与财政资金之比不得低于2:1（企业）']);
    expect(failing('university', '10', '15')).toEqual([]);
    expect(failing('university', '10', '5')).toEqual(['自筹资金与财政资金之比不得低于1:1（企业以外的单位）']);
  });

  it('哈密, full-width digits and a page number: two programs with their own grant and period, exclusions as 不属于 declarations, nothing left unrecognized', () => {
    const set = proposeRules(HAMI);
    expect(set.unrecognized).toEqual([]);
    const { pack, problems } = studioPack(set, acceptAll(HAMI));
    expect(problems).toEqual([]);
    expect(valid(pack, HAMI)).toEqual([]);
    expect(pack.programs.map((p) => [p.name, p.rules.map((r) => [r.kind, 'max' in r ? r.max : null])])).toEqual([
      ['重点研发项目', [['moneyRange', 500_000]]],
      ['科技特派员项目', [['moneyRange', 50_000], ['periodMonths', 12]]],
    ]);
    const declarations = (pack.declarations ?? []).map((d) => d.text);
    expect(declarations).toContain('本项目不属于以下情形：项目负责人有2项及以上在研市级项目的；');
    expect(declarations).toContain('本项目不属于以下情形：申报单位被列入严重失信主体名单的。');
  });

  it('拉萨: two grants for kinds of project that are no programs of the pack are left to the user, not made two rules no draft can meet', () => {
    const set = proposeRules(LHASA);
    expect(set.proposals.filter((p) => p.kind === 'moneyRange').map((p) => [p.params.min ?? null, p.params.max])).toEqual([
      [200_000, 500_000],
      [null, 100_000],
    ]);
    const { pack, problems } = studioPack(set, acceptAll(LHASA));
    expect(problems).toEqual([]);
    expect(valid(pack, LHASA)).toEqual([]);
    const program = pack.programs[0]!;
    expect(program.rules.filter((r) => r.kind === 'moneyRange')).toEqual([]);
    expect(program.funding).toEqual({ forms: [] });
    const grants = pack.clauses.filter((c) => c.path === '二、支持额度');
    expect(grants.map((c) => c.coverage)).toEqual([
      { kind: 'notCheckable', reason: expect.stringContaining('互不相容的资助额度') },
      { kind: 'notCheckable', reason: expect.stringContaining('互不相容的资助额度') },
    ]);
    // The item inline after the lead-in is the commitment, without the heading and the lead-in.
    expect((program.declarations ?? []).map((d) => d.text)).toEqual(['本单位承诺：在拉萨市注册，具有独立法人资格；']);
  });

  it('固原: a university with no 合作单位 is not turned away by 「企业、事业单位」, nor asked for partners, an agreement or a company\'s 财务报表', () => {
    const pack = acceptedPack(GUYUAN);
    const outcomesFor = (unitType: string, partners: number) => {
      const results = resultsOn(pack, '2025-05-10', { unitType }, partners);
      return {
        unitType: outcomes(results, '申报单位须为'),
        partnersNeeded: outcomes(results, '须至少有一家合作单位'),
        count: outcomes(results, '合作单位不超过2家'),
        agreement: outcomes(results, '须上传附件「合作协议」'),
        accounts: outcomes(results, '须上传附件「企业上年度财务报表」'),
      };
    };
    expect(outcomesFor('university', 0)).toEqual({ unitType: ['pass'], partnersNeeded: [], count: ['pass'], agreement: ['notApplicable'], accounts: ['notApplicable'] });
    expect(outcomesFor('enterprise', 3)).toEqual({ unitType: ['pass'], partnersNeeded: [], count: ['fail'], agreement: ['fail'], accounts: ['fail'] });
    expect(outcomesFor('government', 0).unitType).toEqual(['fail']);
    // 「成立时间不少于两年」, counted back from the 2025-05-30 deadline.
    expect([...pack.programs[0]!.rules, ...(pack.rules ?? [])].find((r) => r.kind === 'dateOnOrBefore')).toMatchObject({ field: 'applicant.foundedOn', date: '2023-05-30' });
  });

  it('克拉玛依: the eight unnumbered program headings are eight programs; the 科技中介机构 contact is the pack\'s', () => {
    const { pack } = studioPack(proposeRules(KARAMAY), acceptAll(KARAMAY));
    expect(pack.programs.map((p) => p.name)).toEqual(['科技重大专项', '科技成果转化基金', '科技合作交流专项', '科技惠民计划', '创新人才工程', '专利实施计划', '重大经济科技活动知识产权评议计划', '创新平台专项']);
    const major = pack.programs[0]!;
    expect(major.funding).toMatchObject({ forms: ['无偿资助', '股权投资'], min: 2_000_000, max: 10_000_000 });
    expect(major.documentTypes).toEqual(['proposal', 'application']);
    expect(major.contacts!.map((c) => c.department)).toEqual(['高新技术管理科', '技术市场管理科', '项目成果管理科']);
    expect(major.directions.map((d) => d.name)).toContain('信息技术');
    expect(pack.contacts![0]).toMatchObject({ department: '克拉玛依天慧企业服务有限公司', people: ['何梦瑶', '李想', '黄悦名'] });
    // 同一申请人同一年内只能申请承担1个项目 is said once for every program.
    expect(pack.rules!.some((r) => r.kind === 'crossDraftLimit')).toBe(true);
    expect(valid(pack, KARAMAY)).toEqual([]);
  });

  it('水磨沟: the items of 一、计划类别 are the programs, their own items the directions', () => {
    const { pack } = studioPack(proposeRules(SHUIMOGOU), acceptAll(SHUIMOGOU));
    expect(pack.programs.map((p) => p.name)).toEqual(['科技惠民重点领域', '科技服务乡村振兴', '科技促进文化旅游产业创新', '人才工程专项', '创新平台建设']);
    expect(pack.programs[0]!.directions.map((d) => d.name)).toContain('文化教育');
    expect(pack.programs.every((p) => p.rules.some((r) => r.kind === 'directionChosen'))).toBe(true);
    expect(valid(pack, SHUIMOGOU)).toEqual([]);
  });

  it('城关: 三、申报指南 （一）科技项目 splits into its categories 技术创新类 / 社会发展类; 人才条件, 团队条件 are conditions, not directions', () => {
    const text = read('../shared/seeds/2020-chengguan-district-notice.txt');
    const { pack } = studioPack(proposeRules(text), acceptAll(text));
    expect(pack.programs.map((p) => p.name)).toEqual(['技术创新类', '社会发展类', '人才创新创业项目']);
    expect(pack.programs[0]!.directions.map((d) => d.name)).toEqual(['电子信息', '生物医药', '新材料', '装备制造', '精细化工', '新能源与节能环保', '农业', '现代服务业', '创新平台']);
    expect(pack.programs[2]!.directions).toEqual([]);
    expect(checkPackSemantics(PackSchema.parse(pack), text)).toEqual([]);
  });

  it('a notice without program headings stays one program named by its title (the single-program packs do not change)', () => {
    const draft = draftFromNotice('n.txt', QINGHE);
    expect(draft.pack.programs.map((p) => [p.id, p.name])).toEqual([['main', '关于组织申报2026年度清河区科技创新项目的通知']]);
    expect(draft.pack.rules).toBeUndefined();
    expect(draft.pack.programs[0]!.funding).toEqual({ forms: [], max: 300_000 });
  });

  it('a rejected 支持方向 proposal leaves the programs without directions and the section as context', () => {
    const set = proposeRules(XISHAN);
    const edits = acceptAll(XISHAN);
    const directions = set.proposals.find((p) => p.kind === 'directionChosen')!;
    edits.proposals[directions.id] = { status: 'rejected' };
    const { pack } = studioPack(set, edits);
    expect(pack.programs.map((p) => p.directions.length)).toEqual([0, 0]);
    expect(pack.programs.some((p) => p.rules.some((r) => r.kind === 'directionChosen'))).toBe(false);
    expect(valid(pack, XISHAN)).toEqual([]);
  });

  it('a 支持方向 paragraph that enumerates its fields gives a flat list (克拉玛依 创新人才工程: the eleven fields of the hand-built pack)', () => {
    const { pack } = studioPack(proposeRules(KARAMAY), acceptAll(KARAMAY));
    const talent = pack.programs.find((p) => p.name === '创新人才工程')!;
    expect(talent.directions.map((d) => d.name)).toEqual(['现代农业', '清洁能源', '矿产资源', '新材料', '先进制造', '信息产业与现代服务业', '生态环境', '节能减排', '公共安全', '人口与健康', '基础教育']);
    // Only the run just before 「等…项目」: 「科技、经济、社会发展」 earlier in the sentence is not a direction.
    expect(pack.programs.find((p) => p.name === '科技合作交流专项')!.directions.map((d) => d.name)).toEqual(['“科技援疆”', '“智力援疆”', '“四地五师融合发展”']);
  });

  it('enumerations in other words; two items or no 「等领域」 give no list', () => {
    const directionsOf = (body: string) => {
      const text = `关于申报2026年度某市科技计划项目的通知\n各有关单位：\n现将有关事项通知如下。\n产业攻关专项\n1.支持方向\n${body}\n2.资助方式\n单个项目资助不超过30万元。\n人才培育专项\n1.支持方向\n青年人才。\n`;
      return proposePrograms(proposeRules(text), '某市')[0]!.directions.map((d) => d.name);
    };
    expect(directionsOf('重点支持人工智能、集成电路、生物医药等领域的关键技术研发。')).toEqual(['人工智能', '集成电路', '生物医药']);
    expect(directionsOf('围绕绿色低碳、数字经济、现代农业、文化旅游等重点产业开展攻关。')).toEqual(['绿色低碳', '数字经济', '现代农业', '文化旅游']);
    expect(directionsOf('主要支持农业、工业等领域。')).toEqual([]);
    expect(directionsOf('支持企业开展技术研发、成果转化和产业化。')).toEqual([]);
  });

  it('contact lines: people and phones on one line or two, the department from the line before', () => {
    expect(contactsIn('（1）高新技术管理科：负责管理信息化项目。\n联 系 人：徐玮 景毅\n联系电话：0990-6231723')).toEqual([
      { department: '高新技术管理科', scope: '负责管理信息化项目。', people: ['徐玮', '景毅'], phones: ['0990-6231723'] },
    ]);
    expect(contactsIn('联系人：王明、李华  电话：0991- 3838681')).toEqual([{ department: '联系方式', people: ['王明', '李华'], phones: ['0991-3838681'] }]);
    // A sentence is not a department, and a line without people or phones is no contact.
    expect(contactsIn('单个项目资助金额不超过50万元。\n地址：某路1号')).toEqual([]);
  });
});

describe('programs edited in the studio', () => {
  const set = proposeRules(XISHAN);
  const base = acceptAll(XISHAN);
  const proposed = studioPack(set, base).pack;

  it('renames, removes and adds programs; a removed program\'s requirements say they are no longer checked', () => {
    const [tech] = programEditsOf(proposed);
    const edits: StudioEdits = { ...base, programs: [{ ...tech!, name: '关键核心技术攻关专项' }, { id: 'program-new', name: '科技成果转化专项', directions: [{ id: 'n1', name: '成果转化' }] }] };
    const { pack, problems } = studioPack(set, edits);
    expect(problems).toEqual([]);
    expect(pack.programs.map((p) => [p.id, p.name])).toEqual([
      ['program-1', '关键核心技术攻关专项'],
      ['program-new', '科技成果转化专项'],
    ]);
    expect(pack.programs[1]).toMatchObject({ documentTypes: ['application'], funding: null, directions: [{ id: 'n1', name: '成果转化' }], rules: [] });
    const talentFunding = pack.clauses.find((c) => c.quote.includes('5-10万元'))!;
    expect(talentFunding.coverage).toEqual({ kind: 'notCheckable', reason: '检查这条要求的专项或规则已在指南工作台中删除，不再检查' });
    expect(valid(pack, XISHAN)).toEqual([]);
  });

  it('funding set in 万元 becomes the program\'s range in yuan and the range its 财政资金 rule checks', () => {
    const edits: StudioEdits = { ...base, programs: programEditsOf(proposed).map((p, i) => (i === 0 ? { ...p, fundingMinWan: 10, fundingMaxWan: 80.5 } : p)) };
    const { pack } = studioPack(set, edits);
    expect(pack.programs[0]!.funding).toEqual({ forms: ['无偿资助'], min: 100_000, max: 805_000 });
    expect(pack.programs[0]!.rules.find((r) => r.kind === 'moneyRange')).toMatchObject({ min: 100_000, max: 805_000 });
    // The other program keeps what the notice says.
    expect(pack.programs[1]!.funding).toEqual({ forms: ['无偿资助'], min: 50_000, max: 100_000 });
    const crossed = studioPack(set, { ...base, programs: programEditsOf(proposed).map((p, i) => (i === 0 ? { ...p, fundingMinWan: 90, fundingMaxWan: 50 } : p)) });
    expect(crossed.problems).toEqual(['专项「关键技术攻关专项」：资助额度下限（90 万元）高于上限（50 万元）']);
  });

  it('edited directions replace the proposed tree; a two-level tree asks for a leaf; no directions drops the rule', () => {
    const [tech, talent] = programEditsOf(proposed);
    const tree = [{ id: 'a', name: '先进制造', children: [{ id: 'a1', name: '智能装备' }, { id: 'a2', name: '工业软件' }] }, { id: 'b', name: '新材料' }];
    const { pack } = studioPack(set, { ...base, programs: [{ ...tech!, directions: tree }, { ...talent!, directions: [] }] });
    expect(pack.programs[0]!.directions).toEqual(tree);
    expect(pack.programs[0]!.rules.find((r) => r.kind === 'directionChosen')).toMatchObject({ leaf: true });
    expect(pack.programs[1]!.rules.some((r) => r.kind === 'directionChosen')).toBe(false);
    expect(valid(pack, XISHAN)).toEqual([]);
  });

  it('funding forms and contacts are set per program; no contacts leaves the program to the notice\'s', () => {
    const [tech, talent] = programEditsOf(proposed);
    const contacts = [{ department: '高新技术科', people: ['王明', '赵亮'], phones: ['0871-63112233'] }];
    const { pack, problems } = studioPack(set, { ...base, programs: [{ ...tech!, fundingForms: ['无偿资助', '贷款贴息'], contacts }, { ...talent!, contacts: [] }] });
    expect(problems).toEqual([]);
    expect(pack.programs[0]!.funding).toEqual({ forms: ['无偿资助', '贷款贴息'], max: 500_000 });
    expect(pack.programs[0]!.contacts).toEqual(contacts);
    expect(pack.programs[1]!.contacts).toBeUndefined();
    expect(valid(pack, XISHAN)).toEqual([]);
    const bad = ProgramEditSchema.safeParse({ id: 'x', name: '甲', contacts: [{ department: ' ', people: [], phones: [] }] });
    expect(bad.error!.issues[0]!.message).toBe('请填写联系部门');
  });

  it('no program left, a repeated id, a bad direction name are told in Chinese', () => {
    expect(studioPack(set, { ...base, programs: [] }).problems).toEqual(['专项：至少要保留一个专项']);
    expect(studioPack(set, { ...base, programs: [{ id: 'x', name: '甲' }, { id: 'x', name: '乙' }] }).problems).toEqual(['专项「乙」：编号 x 重复']);
    const bad = ProgramEditSchema.safeParse({ id: 'x', name: '甲', directions: [{ id: 'd', name: ' ' }] });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.message).toBe('支持方向名称不能为空');
  });
});
