import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PackSchema } from '../../../shared/pack/pack';
import { checkPackSemantics } from '../../../shared/pack/semantic';
import { buildDraftPack } from '../../../shared/studio/draftPack';
import { proposeRules } from '../../../shared/studio/propose';

const SEEDS = resolve(import.meta.dirname, '../../../../shared/seeds');
const NOTICES = ['2017-karamay-city-notice.txt', '2020-chengguan-district-notice.txt', '2020-shuimogou-district-guide.txt', '2022-xinjiang-aid-program-guide.txt', '2022-wuwei-14th-five-year-plan.txt'];

describe('draft pack from a notice', () => {
  it.each(NOTICES)('%s: passes the import checks (schema, verbatim quotes, semantics)', (file) => {
    const text = readFileSync(resolve(SEEDS, file), 'utf8');
    const set = proposeRules(text);
    const pack = PackSchema.parse(buildDraftPack(set));
    expect(checkPackSemantics(pack, text)).toEqual([]);
    // Every proposal quote is verbatim, and nothing is dropped: each proposal and each
    // unrecognized requirement has a clause in the pack whose quote is that text.
    const quotes = new Set(pack.clauses.map((c) => c.quote));
    for (const p of set.proposals) {
      expect(text.slice(p.start, p.end)).toBe(p.quote);
      expect(quotes.has(p.quote.replace(/\s*\n\s*/g, '').trim())).toBe(true);
    }
    for (const u of set.unrecognized) {
      const clause = pack.clauses.find((c) => c.quote === u.quote.replace(/\s*\n\s*/g, '').trim());
      expect(clause?.coverage.kind, u.quote).toMatch(/notCheckable|rules|declaration/);
    }
  });

  it('starts with an id from the notice\'s place and year, never an English word: 西宁 2027 is 630100-2027', () => {
    const xining = readFileSync(resolve(import.meta.dirname, '../../fixtures/studio/2027-xining-two-programs-notice.txt'), 'utf8');
    expect(buildDraftPack(proposeRules(xining)).id).toBe('630100-2027');
    // Only the province named: its code; no place at all: 指南 in pinyin.
    expect(buildDraftPack(proposeRules('青海省2027年度科技计划项目申报通知\n一、申报要求\n（一）项目负责人年龄不超过50周岁。\n')).id).toBe('63-2027');
    expect(buildDraftPack(proposeRules('2027年度科技计划项目申报通知\n一、申报要求\n（一）项目负责人年龄不超过50周岁。\n')).id).toBe('zhinan-2027');
    expect(buildDraftPack(proposeRules(xining), { id: 'xining-2027' }).id).toBe('xining-2027');
  });

  it('keeps only accepted proposals and adds the fields the rules read', () => {
    const text = '关于申报2023年度科技计划项目的通知\n一、申报要求\n（一）企业注册时间在2018年1月1日以后。\n（二）项目负责人年龄不超过50周岁。\n';
    const set = proposeRules(text);
    const founded = set.proposals.find((p) => p.kind === 'dateOnOrAfter')!;
    const all = buildDraftPack(set);
    expect(all.template?.addFields?.map((f) => f.field.id)).toEqual(['applicant.foundedOn']);
    const onlyAge = buildDraftPack(set, { accepted: new Set(set.proposals.filter((p) => p !== founded).map((p) => p.id)) });
    expect(onlyAge.programs[0]!.rules.map((r) => r.kind)).toEqual(['ageAtDate']);
    expect(onlyAge.template).toBeUndefined();
    expect(checkPackSemantics(PackSchema.parse(onlyAge), text)).toEqual([]);
  });
});

describe('draft pack within the format limits', () => {
  it('keeps 承诺 beyond 100 as clauses that say so, and the pack still passes', () => {
    const items = Array.from({ length: 105 }, (_, i) => `${i + 1}.申报单位应遵守第${i + 1}项规章制度；`).join('\n');
    const text = `一、申报要求\n（一）以下情形不予受理：\n${items}\n`;
    const set = proposeRules(text);
    expect(set.proposals.filter((p) => p.kind === 'declaration')).toHaveLength(105);
    const pack = PackSchema.parse(buildDraftPack(set));
    expect(pack.programs[0]!.declarations).toHaveLength(100);
    expect(pack.clauses.filter((c) => c.coverage.kind === 'notCheckable' && /已达指南包上限（100）/.test(c.coverage.reason))).toHaveLength(5);
    expect(checkPackSemantics(pack, text)).toEqual([]);
  });
});

describe('支持方向 from the outline', () => {
  const text = [
    '关于申报2025年度科技计划项目的通知',
    '一、支持方向',
    '（一）工业领域',
    '1.智能制造：支持工业机器人应用。',
    '2.新材料：支持新型合金研发。',
    '（二）农业领域',
    '1.种业：支持新品种选育。',
    '二、申报要求',
    '（一）项目负责人年龄不超过50周岁。',
  ].join('\n');

  it('proposes choosing a direction, with the tree built from the numbering (nested sections once)', () => {
    const set = proposeRules(text);
    const chosen = set.proposals.filter((p) => p.kind === 'directionChosen');
    expect(chosen).toHaveLength(1);
    expect(chosen[0]!.params.leaf).toBe(true);
    const pack = PackSchema.parse(buildDraftPack(set));
    const names = (ds: { name: string; children?: unknown[] }[]): unknown => ds.map((d) => (d.children ? [d.name, names(d.children as never)] : d.name));
    expect(names(pack.programs[0]!.directions)).toEqual([
      ['工业领域', ['智能制造', '新材料']],
      ['农业领域', ['种业']],
    ]);
    expect(pack.programs[0]!.rules.find((r) => r.kind === 'directionChosen')).toMatchObject({ leaf: true, severity: 'error' });
    expect(checkPackSemantics(pack, text)).toEqual([]);
  });
});
