import { describe, expect, it } from 'vitest';
import type { Block, Book, HeadingBlock, ParagraphBlock, TableBlock } from '../../../shared/book/ast';
import { buildBook } from '../../../shared/book/build/index';
import type { Draft } from '../../../shared/model/draft';
import type { RuleResult } from '../../../shared/rules/types';
import { loadDraft, loadPack, resultsOf, validFixtures } from './fixtures';

const GENERATED = '2020-03-02T03:05:00Z';

function book(packId: string, draft: Draft, results: RuleResult[] = []): Book {
  const loaded = loadPack(packId);
  return buildBook({ draft, pack: loaded.pack, revision: 7, packHash: loaded.contentHash, results, generatedAt: GENERATED });
}
const headings = (b: Book): HeadingBlock[] => b.blocks.filter((x): x is HeadingBlock => x.type === 'heading');
const tables = (b: Book, role: TableBlock['role']): TableBlock[] => b.blocks.filter((x): x is TableBlock => x.type === 'table' && x.role === role);
const cellText = (t: TableBlock, r: number, c: number): string => t.rows[r]![c]!.runs.map((x) => (x.type === 'text' ? x.text : '\n')).join('');

describe('buildBook on the 城关 medical example', () => {
  const draft = loadDraft('chengguan-2020', 'valid-medical.json');
  const b = book('chengguan-2020', draft);

  it('puts the project on the cover under the pack region’s title', () => {
    expect(b.cover.title).toBe('兰州市城关区科技计划项目申报书');
    const field = (label: string): string | undefined => b.cover.fields.find((f) => f.label === label)?.value;
    expect(field('项目名称')).toBe(draft.values['project.name']);
    expect(field('计划类别')).toBe('社会发展类');
    expect(field('申报单位（盖章）')).toBe('兰州市东岗医院');
    expect(field('联系电话')).toBe('13609317788');
    expect(field('推荐单位')).toBe('兰州市卫生健康委员会');
    expect(b.cover.fields.map((f) => f.label)).toEqual(['项目名称', '计划类别', '支持方向', '申报单位（盖章）', '项目负责人', '联系电话', '推荐单位', '申报日期']);
  });

  it('the 填报说明 uses mainland quotation marks and 〔2020〕, even where the pack text has 「」 and ﹝2020﹞', () => {
    const at = b.blocks.findIndex((x) => x.type === 'heading' && x.text === '填报说明');
    const text = b.blocks
      .slice(at + 1, at + 6)
      .map((x) => (x.type === 'paragraph' ? x.runs.map((r) => (r.type === 'text' ? r.text : '')).join('') : ''))
      .join('\n');
    expect(loadPack('chengguan-2020').pack.source.document).toContain('﹝2020﹞');
    expect(text).toContain('城科〔2020〕1号');
    expect(text).toContain('“申报单位”');
    expect(text).not.toMatch(/[「」﹝﹞]/);
  });

  it('the budget section states the self-funding ratio the guideline sets (援疆 企业 1:2) and what the budget reaches', () => {
    const loaded = loadPack('xinjiang-aid-2022');
    const d = loadDraft('xinjiang-aid-2022', 'valid-enterprise.json');
    const xj = buildBook({ draft: d, pack: loaded.pack, revision: 1, packHash: '', results: [], generatedAt: GENERATED });
    const at = xj.blocks.findIndex((x) => x.type === 'table' && x.role === 'budget');
    const next = xj.blocks[at + 1];
    const text = next?.type === 'paragraph' ? next.runs.map((r) => (r.type === 'text' ? r.text : '')).join('') : '';
    expect(text).toContain('1:2');
    expect(text).toMatch(/按本表为 1:2\.00，要求不低于 1:2/);
    // 城关区 sets no ratio: nothing is printed under its budget table.
    const cg = b.blocks.findIndex((x) => x.type === 'table' && x.role === 'budget');
    expect(b.blocks[cg + 1]?.type === 'paragraph' && JSON.stringify(b.blocks[cg + 1]).includes('要求不低于')).toBe(false);
  });

  it('dates belong to the application: a blank 申报日期 prints 「年 月 日」 to fill by hand, never the export time', () => {
    const field = (x: Book, label: string): string | undefined => x.cover.fields.find((f) => f.label === label)?.value;
    expect(field(b, '申报日期')).toBe('\u3000\u3000年\u3000\u3000月\u3000\u3000日');
    const dated = book('chengguan-2020', { ...draft, values: { ...draft.values, 'project.applicationDate': '2020-03-16' } });
    expect(field(dated, '申报日期')).toBe('2020年3月16日');
    // The 基本信息表 does not repeat it.
    const info = tables(dated, 'info').flatMap((t) => t.rows.flatMap((r) => r.map((c) => c.runs.map((x) => (x.type === 'text' ? x.text : '')).join(''))));
    expect(info).not.toContain('申报日期');
    expect(info).not.toContain('2020年3月16日');
  });

  it('「…制 年月」 is the form’s issue month from the pack, or no date when the notice gives none', () => {
    expect(b.cover.issuer).toBe('兰州市城关区科学技术局制');
    expect(b.cover.date).toBe('2020年1月');
    const other = loadPack('xinjiang-aid-2022').pack;
    expect(other.formIssued).toBeUndefined();
    const xj = buildBook({ draft: loadDraft('xinjiang-aid-2022', validFixtures().find((f) => f.packId === 'xinjiang-aid-2022')!.file), pack: other, revision: 1, packHash: '', results: [], generatedAt: GENERATED });
    expect(xj.cover.date).toBe('');
    expect(JSON.stringify(xj.cover)).not.toContain('2020年3月');
  });

  it('numbers the parts 一、二、… with （一） below, and anchors wizard sections', () => {
    const texts = headings(b).map((h) => h.text);
    expect(texts).toEqual(expect.arrayContaining(['一、基本信息表', '（一）项目基本情况', '（二）申报单位情况', '二、项目组主要成员', '三、项目内容', '（一）立项依据', '五、经费预算', '六、承诺书', '七、审核意见', '八、附件清单']));
    const ids = headings(b).flatMap((h) => (h.sectionId ? [h.sectionId] : []));
    expect(ids).toEqual(['basic', 'applicant', 'pi', 'partners', 'members', 'narrative', 'schedule', 'budget', 'declarations', 'attachments']);
    expect(b.blocks.some((x) => x.type === 'toc')).toBe(true);
  });

  it('shows option labels and derived PI data, not stored codes', () => {
    const info = tables(b, 'info').flatMap((t) => t.rows.flatMap((r) => r.map((c) => c.runs.map((x) => (x.type === 'text' ? x.text : '')).join(''))));
    expect(info).toContain('医疗卫生机构');
    expect(info).toContain('博士研究生');
    expect(info).toContain('男');
    expect(info).toContain('1968年11月5日');
    expect(info).toContain('2020年6月至2022年5月');
    expect(info).not.toContain('medical');
  });

  it('ID numbers, credit codes, phones and dates are unbroken cells; money in the 基本信息表 is right-aligned', () => {
    const [members] = tables(b, 'members');
    const idColumn = members!.headerRows[0]!.findIndex((c) => c.runs[0]?.type === 'text' && c.runs[0].text === '身份证号码');
    for (const row of members!.rows) expect(row[idColumn]!.noBreak).toBe(true);
    const info = tables(b, 'info').flatMap((t) => t.rows.flat());
    const after = (label: string) => {
      for (const t of tables(b, 'info')) for (const r of t.rows) { const k = r.findIndex((c) => c.runs[0]?.type === 'text' && c.runs[0].text === label); if (k >= 0) return r[k + 1]; }
      return undefined;
    };
    expect(after('统一社会信用代码')?.noBreak).toBe(true);
    expect(info.some((c) => c.align === 'right' && c.runs[0]?.type === 'text' && /^\d+\.\d{4}(?:万元)?$/.test(c.runs[0].text))).toBe(true);
  });

  it('lists members with 序号 and a repeating header row', () => {
    const [members] = tables(b, 'members');
    expect(members!.headerRows[0]!.map((c) => c.runs.map((x) => (x.type === 'text' ? x.text : '')).join(''))).toEqual(['序号', '姓名', '身份证号码', '工作单位', '职称', '专业', '项目分工', '投入月数', '本人签字']);
    // 本人签字 is left empty for the member's own signature.
    expect(members!.rows.every((r) => r.at(-1)!.runs.length === 0)).toBe(true);
    expect(members!.rows).toHaveLength(3);
    expect(cellText(members!, 1, 1)).toBe('汪蕾');
  });

  it('sums the budget exactly: 业务费 is its sub-rows, 合计 the top rows, 合计 column per row', () => {
    const [budget] = tables(b, 'budget');
    const labels = budget!.rows.map((r) => cellText({ ...budget!, rows: [r] }, 0, 0));
    const business = labels.indexOf('二、业务费');
    expect(cellText(budget!, business, 1)).toBe('5.0000');
    expect(cellText(budget!, business, 2)).toBe('2.5000');
    expect(cellText(budget!, business, 3)).toBe('7.5000');
    const total = budget!.rows.length - 1;
    expect(cellText(budget!, total, 0)).toBe('合计');
    expect(cellText(budget!, total, 1)).toBe('10.0000');
    expect(cellText(budget!, total, 2)).toBe('5.0000');
    expect(cellText(budget!, total, 3)).toBe('15.0000');
    expect(budget!.rows[labels.indexOf('1. 材料费')]![0]!.indent).toBe(1);
  });

  it('prints the commitments as numbered prose in the pack’s words, with the signature block kept together, and lists the checklist with provided files', () => {
    const at = b.blocks.findIndex((x) => x.type === 'heading' && x.sectionId === 'declarations');
    const list = b.blocks.slice(at).find((x): x is Extract<Block, { type: 'list' }> => x.type === 'list')!;
    expect(list.ordered).toBe(true);
    const texts = list.items.map((i) => (i[0]!.type === 'text' ? i[0]!.text : ''));
    const pack = loadPack('chengguan-2020').pack;
    const words = new Set([...(pack.declarations ?? []), ...pack.programs.flatMap((p) => p.declarations ?? [])].map((d) => d.text));
    expect(texts.length).toBeGreaterThan(3);
    for (const t of texts) expect(words.has(t), t).toBe(true);
    expect(texts.join('')).not.toMatch(/[☑☐]|本机/);
    // 「如有不实…」 and the signature lines up to 年 月 日 are one unit.
    const closing = b.blocks.slice(at).findIndex((x) => x.type === 'paragraph' && x.runs[0]?.type === 'text' && x.runs[0].text.startsWith('如有不实'));
    const tail = b.blocks.slice(at + closing, at + closing + 5) as ParagraphBlock[];
    expect(tail.map((p) => p.keepWithNext === true)).toEqual([true, true, true, true, false]);
    expect(tail[4]!.runs[0]).toMatchObject({ text: '年　　月　　日' });
    const attachments = b.blocks.find((x) => x.type === 'attachmentList');
    expect(attachments?.type === 'attachmentList' && attachments.items.find((i) => i.files.includes('医学伦理委员会批件.pdf'))).toBeTruthy();
    expect(b.blocks.filter((x) => x.type === 'signature').map((x) => (x.type === 'signature' ? x.title : ''))).toEqual(['申报单位意见', '推荐单位意见']);
  });

  it('states provenance and watermarks an unfinished draft', () => {
    const loaded = loadPack('chengguan-2020');
    expect(b.meta.provenance).toBe(`依据 ${loaded.pack.title} 1.0.0（${loaded.contentHash.slice(0, 8)}）· 草稿修订 7 · 生成于 2020-03-02 11:05`);
    expect(b.meta.watermark).toBe(true);
    expect(b.meta.documentName).toBe('申报书');
  });
});

describe('watermark', () => {
  const loaded = loadPack('chengguan-2020');
  const final: Draft = { ...loadDraft('chengguan-2020', 'valid-medical.json'), status: 'final' };

  it('is off for a finalized draft without errors, warnings do not count', () => {
    const results = resultsOf(loaded, final);
    expect(results.some((r) => r.severity === 'error' && r.outcome === 'fail')).toBe(false);
    expect(book('chengguan-2020', final, results).meta.watermark).toBe(false);
  });

  it('is on for a finalized draft with any failed error', () => {
    // 单位隶属关系「其他」 is outside the call (fixtures.json: cg.affiliation-eligible, error).
    const broken: Draft = { ...final, values: { ...final.values, 'applicant.affiliation': 'other' } };
    expect(resultsOf(loaded, broken).some((r) => r.ruleId === 'cg.affiliation-eligible' && r.outcome === 'fail')).toBe(true);
    expect(book('chengguan-2020', broken, resultsOf(loaded, broken)).meta.watermark).toBe(true);
  });
});

describe('document type', () => {
  it('a Karamay 项目建议书 drops the sections only the 申报书 has', () => {
    const proposal = loadDraft('karamay-2017', 'valid-livelihood-proposal.json');
    expect(proposal.guideline?.documentType).toBe('proposal');
    const application: Draft = { ...proposal, guideline: { ...proposal.guideline!, documentType: 'application' } };
    const p = book('karamay-2017', proposal);
    const a = book('karamay-2017', application);
    expect(p.meta.documentName).toBe('项目建议书');
    expect(p.cover.title).toBe('克拉玛依市科技计划项目建议书');
    expect(a.cover.title).toBe('克拉玛依市科技计划项目申报书');
    const ids = (x: Book): string[] => headings(x).flatMap((h) => (h.sectionId ? [h.sectionId] : []));
    expect(ids(a)).toEqual(expect.arrayContaining(['team', 'plan']));
    expect(ids(p)).not.toContain('team');
    expect(ids(p)).not.toContain('plan');
    expect(p.blocks.length).toBeLessThan(a.blocks.length);
  });

  it('a single-program pack names its 专项 on the cover', () => {
    const draft = loadDraft('xinjiang-aid-2022', 'valid-enterprise.json');
    expect(book('xinjiang-aid-2022', draft).cover.title).toBe('自治区区域协同创新专项—科技援疆计划项目申报书');
  });
});

describe('rich narrative values', () => {
  it('prints rich paragraphs and numbers their sub-headings below the field heading', () => {
    const draft = loadDraft('chengguan-2020', 'valid-medical.json');
    const doc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '研究目的' }] },
        { type: 'paragraph', content: [{ type: 'text', text: '第一段', marks: [{ type: 'bold' }] }] },
        { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: '细分' }] },
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '研究意义' }] },
      ],
    };
    const b = book('chengguan-2020', { ...draft, values: { ...draft.values, 'narrative.basis': JSON.stringify(doc) } });
    const texts = headings(b).map((h) => h.text);
    const at = texts.indexOf('（一）立项依据');
    expect(texts.slice(at, at + 4)).toEqual(['（一）立项依据', '1. 研究目的', '（1）细分', '2. 研究意义']);
    expect(b.blocks.some((x) => x.type === 'paragraph' && x.runs.some((r) => r.type === 'text' && r.text === '第一段' && r.bold))).toBe(true);
  });

  it('gives each editor heading level its own sequence: 1. （1） ① (levels 3 and 4 no longer share （1）)', () => {
    const draft = loadDraft('chengguan-2020', 'valid-medical.json');
    const h = (level: number, text: string) => ({ type: 'heading', attrs: { level }, content: [{ type: 'text', text }] });
    const doc = { type: 'doc', content: [h(2, '甲'), h(3, '乙'), h(4, '丙'), h(4, '丁'), h(3, '戊')] };
    const b = book('chengguan-2020', { ...draft, values: { ...draft.values, 'narrative.basis': JSON.stringify(doc) } });
    const texts = headings(b).map((x) => x.text);
    const at = texts.indexOf('（一）立项依据');
    expect(texts.slice(at + 1, at + 6)).toEqual(['1. 甲', '（1）乙', '①丙', '②丁', '（2）戊']);
    expect(headings(b).slice(at + 1, at + 6).map((x) => x.level)).toEqual([3, 4, 5, 5, 4]);
  });
});

describe('money', () => {
  it('keeps 0.0001 万元 steps exact through subtotals', () => {
    const draft = loadDraft('chengguan-2020', 'valid-medical.json');
    const budget = (draft.tables['budget'] ?? []).map((row) => (row['key'] === 'materials' ? { ...row, fiscal: 1, selfRaised: 2 } : row['key'] === 'testing' ? { ...row, fiscal: 3, selfRaised: 0 } : row));
    const b = book('chengguan-2020', { ...draft, tables: { ...draft.tables, budget } });
    const [t] = tables(b, 'budget');
    const business = t!.rows.findIndex((r) => r[0]!.runs.some((x) => x.type === 'text' && x.text === '二、业务费'));
    expect(cellText(t!, business, 1)).toBe('2.5004');
    expect(cellText(t!, business, 2)).toBe('1.0002');
    expect(cellText(t!, business, 3)).toBe('3.5006');
  });
});
