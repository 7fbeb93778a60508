import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildClauseTree, childrenOf, mergeWithNext, splitClause } from '../../../shared/studio/outline';

const SEEDS = resolve(import.meta.dirname, '../../../../shared/seeds');

const NOTICE = [
  '关于组织申报2023年度科技计划项目的通知',
  '各有关单位：',
  '一、申报条件',
  '（一）申报单位',
  '1.在本市注册的企业；',
  '2.高等学校、科研院所。',
  '（1）具有独立法人资格；',
  '①信用良好；',
  '②无违法记录。',
  '（二）项目负责人',
  '二、申报时间',
  '2023年3月1日至3月31日。',
  '附件1',
  '申报书模板',
].join('\n');

describe('clause tree by the notice numbering', () => {
  const tree = buildClauseTree(NOTICE);
  const byMarker = (marker: string) => tree.clauses.filter((c) => c.marker === marker);

  it('nests 一、（一）1.（1）① and keeps 附件 at the top', () => {
    expect(tree.clauses.map((c) => [c.id, c.marker || c.path])).toEqual([
      ['c0', '（导语）'],
      ['c1', '一、'],
      ['c1.1', '（一）'],
      ['c1.1.1', '1.'],
      ['c1.1.2', '2.'],
      ['c1.1.2.1', '（1）'],
      ['c1.1.2.1.1', '①'],
      ['c1.1.2.1.2', '②'],
      ['c1.2', '（二）'],
      ['c2', '二、'],
      ['c3', '附件1'],
    ]);
    expect(byMarker('①')[0]!.path).toBe('一、申报条件（一）2.（1）①');
  });

  it('gives each clause its exact text', () => {
    for (const c of tree.clauses) expect(NOTICE.slice(c.start, c.end)).toBe(c.text);
    expect(byMarker('2.')[0]!.text).toBe('2.高等学校、科研院所。');
    expect(tree.clauses.find((c) => c.id === 'c3')!.text).toBe('附件1\n申报书模板');
  });

  it('does not take the document title right above 一、 for a part heading', () => {
    const t = buildClauseTree('关于申报2025年度科技项目的通知\n一、申报条件\n（一）项目负责人年龄不超过45周岁。');
    expect(t.clauses.map((c) => c.path)).toEqual(['（导语）', '一、申报条件', '一、申报条件（一）']);
  });

  it('does not take a wrapped line starting with a number for a clause', () => {
    const t = buildClauseTree('一、申报要求\n（一）项目经费\n按比例配套，资助额度为\n3.5万元至10万元。\n（二）项目期限\n');
    expect(t.clauses.map((c) => c.marker)).toEqual(['一、', '（一）', '（二）']);
  });

  it('reads unnumbered headings that restart the numbering as parts (programs of a 通知)', () => {
    const text = readFileSync(resolve(SEEDS, '2017-karamay-city-notice.txt'), 'utf8');
    const t = buildClauseTree(text);
    const parts = t.clauses.filter((c) => c.depth === 1 && c.style === 'heading').map((c) => c.title);
    expect(parts).toEqual(['科技重大专项', '科技成果转化基金', '科技合作交流专项', '科技惠民计划', '创新人才工程', '专利实施计划', '重大经济科技活动知识产权评议计划', '创新平台专项']);
    const talent = t.clauses.find((c) => c.title === '创新人才工程')!;
    expect(childrenOf(t, talent.id).map((c) => c.marker)).toEqual(['1、', '2、', '3、', '4、', '5、']);
  });

  it('splits a hard-wrapped seed notice with ASCII brackets and 附件 labels', () => {
    const text = readFileSync(resolve(SEEDS, '2020-chengguan-district-notice.txt'), 'utf8');
    const t = buildClauseTree(text);
    const requirements = t.clauses.find((c) => c.path === '二、申报要求')!;
    expect(childrenOf(t, requirements.id).map((c) => c.marker)).toEqual(['（一）', '（二）', '（三）', '(四)', '（五）', '（六）']);
    const xinjiang = buildClauseTree(readFileSync(resolve(SEEDS, '2022-xinjiang-aid-program-guide.txt'), 'utf8'));
    // 「附件8」 atop the guide labels the file; 「附件：…」 at the end is an annex.
    expect(xinjiang.clauses[0]!.text.startsWith('附件8')).toBe(true);
    expect(xinjiang.clauses.at(-1)!.marker).toBe('附件');
  });
});

describe('merge and split', () => {
  const tree = buildClauseTree(NOTICE);

  it('merges a clause with the next one, keeping every character', () => {
    const one = tree.clauses.find((c) => c.marker === '1.')!;
    const merged = mergeWithNext(tree, one.id);
    const m = merged.clauses.find((c) => c.id === one.id)!;
    expect(m.text).toBe('1.在本市注册的企业；\n2.高等学校、科研院所。');
    // The merged clause's sub-clauses move up under it.
    expect(childrenOf(merged, m.id).map((c) => c.marker)).toEqual(['（1）']);
    expect(merged.clauses).toHaveLength(tree.clauses.length - 1);
    expect(() => mergeWithNext(tree, tree.clauses.at(-1)!.id)).toThrow(/最后一条/);
  });

  it('splits a clause at an offset into two siblings', () => {
    const two = tree.clauses.find((c) => c.marker === '2.')!;
    const at = NOTICE.indexOf('科研院所');
    const split = splitClause(tree, two.id, at);
    const i = split.clauses.findIndex((c) => c.start === two.start);
    expect(split.clauses[i]!.text).toBe('2.高等学校、');
    expect(split.clauses[i + 1]!.text).toBe('科研院所。');
    expect(split.clauses[i + 1]!.parentId).toBe(split.clauses[i]!.parentId);
    expect(() => splitClause(tree, two.id, two.start)).toThrow(/拆分位置/);
  });
});

describe('a 「资助额度：…」 line after a list of direction names', () => {
  const notice = ['一、申报专项', '（一）高原特色产业专项', '支持方向：', '1.盐湖资源综合利用', '2.清洁能源与储能', '资助额度：每项资助30万元至80万元。', '实施期限：原则上为2年。', '（二）科技惠民专项', '支持方向：', '1.高原医学', '2.生态保护'].join('\n');

  it('is said of the program, beside the directions, not of the last direction', () => {
    const tree = buildClauseTree(notice);
    const byPath = (path: string) => tree.clauses.find((c) => c.path === path);
    expect(byPath('一、申报专项（一）2.')?.text).toBe('2.清洁能源与储能');
    const amount = byPath('一、申报专项（一）资助额度');
    expect(amount?.text).toBe('资助额度：每项资助30万元至80万元。');
    expect(amount?.parentId).toBe(byPath('一、申报专项（一）')?.id);
    expect(byPath('一、申报专项（一）实施期限')?.text).toBe('实施期限：原则上为2年。');
    // The next program's items are numbered afresh under it.
    expect(byPath('一、申报专项（二）1.')?.text).toBe('1.高原医学');
  });

  it('stays inside an item that is a sentence (「联系电话：」 under a requirement)', () => {
    const tree = buildClauseTree(['二、申报要求', '1.申报单位须按时提交材料。', '联系电话：0971-8888888', '2.项目负责人须为在职人员。'].join('\n'));
    expect(tree.clauses.find((c) => c.path === '二、申报要求1.')?.text).toBe('1.申报单位须按时提交材料。\n联系电话：0971-8888888');
    expect(tree.clauses.some((c) => c.style === 'label')).toBe(false);
  });
});
