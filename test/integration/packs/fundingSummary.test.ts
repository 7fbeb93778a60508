/**
 * 经费概算: the amounts the applicant states (申请财政资金, 自筹资金, 项目总经费) are checked against
 * the budget table's totals as rules of the one result list, with both values shown, and the book's
 * 经费概算 prints them as stated.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TableBlock } from '../../../shared/book/ast';
import { buildBook } from '../../../shared/book/build/index';
import { formatYuanAsWan } from '../../../shared/money';
import { DraftSchema, type Draft } from '../../../shared/model/draft';
import { validateDraft } from '../../../shared/rules/engine';
import type { RuleResult } from '../../../shared/rules/types';
import { loadPackDir } from '../../../electron/services/packs/loadPack';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/packs');

const examples = ['chengguan-2020', 'karamay-2017', 'shuimogou-2020', 'xinjiang-aid-2022'].flatMap((packId) => {
  const fx = JSON.parse(readFileSync(path.join(FIXTURES, packId, 'fixtures.json'), 'utf8')) as { at: string; valid: string[] };
  const loaded = loadPackDir(path.join(ROOT, 'resources/guidelines', packId));
  return fx.valid.map((file) => ({ packId, file, at: fx.at, loaded, draft: DraftSchema.parse(JSON.parse(readFileSync(path.join(FIXTURES, packId, file), 'utf8'))) }));
});

const FUNDING_RULES = ['form.consistency.funding-fiscal', 'form.consistency.funding-self-raised', 'form.consistency.funding-total'];

function check(e: (typeof examples)[number], draft: Draft): RuleResult[] {
  return validateDraft(e.loaded.pack, draft, { today: e.at }) ?? [];
}
const withValues = (draft: Draft, values: Draft['values']): Draft => ({ ...draft, values: { ...draft.values, ...values } });
const yuan = (draft: Draft, id: string): number => draft.values[id] as number;
const blocking = (results: RuleResult[]) => results.filter((r) => r.outcome === 'fail' && (r.severity === 'error' || r.severity === 'incomplete'));

describe('经费概算 against the budget table', () => {
  for (const e of examples) {
    it(`${e.packId} / ${e.file}`, () => {
      const base = check(e, e.draft);
      for (const id of FUNDING_RULES) expect(base.find((r) => r.ruleId === id)?.outcome, id).toBe('pass');
      const fiscal = yuan(e.draft, 'funding.fiscal');

      // 1 万元 more stated than the table holds: one error on that field, showing both amounts.
      const off = check(e, withValues(e.draft, { 'funding.fiscal': fiscal + 10_000 }));
      const wrong = blocking(off).filter((r) => !blocking(base).some((b) => b.ruleId === r.ruleId));
      expect(wrong.map((r) => r.ruleId)).toEqual(['form.consistency.funding-fiscal']);
      expect(wrong[0]!.field).toBe('funding.fiscal');
      expect(wrong[0]!.message).toContain(`各项合计${formatYuanAsWan(BigInt(fiscal))}`);
      expect(wrong[0]!.message).toContain(`申请财政资金${formatYuanAsWan(BigInt(fiscal + 10_000))}`);
      expect(wrong[0]!.citation).toMatchObject({ source: 'form', clause: '数据一致' });

      // A total that leaves out the self-raised funds.
      const total = check(e, withValues(e.draft, { 'funding.total': fiscal }));
      expect(blocking(total).map((r) => r.ruleId)).toContain('form.consistency.funding-total');

      // Nothing in the budget table yet: the checks wait for it instead of comparing against 0.
      const noBudget = check(e, { ...e.draft, tables: { ...e.draft.tables, budget: [] } });
      for (const id of FUNDING_RULES) {
        const r = noBudget.find((x) => x.ruleId === id);
        expect(r?.outcome, id).toBe('pending');
        expect(r?.message).toContain('无法检查：请先填写「经费预算表（万元）」');
      }

      // An empty stated amount is 待填写 (its own 必填), not a mismatch.
      const blank = check(e, withValues(e.draft, { 'funding.selfRaised': null }));
      expect(blank.find((r) => r.ruleId === 'form.consistency.funding-self-raised')?.outcome).toBe('notApplicable');
      expect(blocking(blank).find((r) => r.field === 'funding.selfRaised')?.severity).toBe('incomplete');
    });
  }

  it('the book’s 经费概算 prints the amounts as stated', () => {
    const e = examples.find((x) => x.file === 'valid-medical.json' && x.packId === 'chengguan-2020')!;
    const draft = withValues(e.draft, { 'funding.fiscal': 123_456 });
    const book = buildBook({ draft, pack: e.loaded.pack, revision: 1, packHash: e.loaded.contentHash, results: [], generatedAt: '2020-03-02T03:05:00Z' });
    const at = book.blocks.findIndex((b) => b.type === 'heading' && b.text.endsWith('经费概算'));
    expect(at).toBeGreaterThan(0);
    const table = book.blocks.slice(at).find((b): b is TableBlock => b.type === 'table' && b.role === 'info');
    const text = (c: TableBlock['rows'][number][number]): string => c.runs.map((x) => (x.type === 'text' ? x.text : '')).join('');
    // Info rows read label, value (, label, value).
    const items = (table?.rows ?? []).flatMap((row) => {
      const pairs: string[][] = [];
      for (let i = 0; i + 1 < row.length; i += 2) pairs.push([text(row[i]!), text(row[i + 1]!)]);
      return pairs;
    });
    expect(items).toEqual(
      expect.arrayContaining([
        ['申请财政资金（万元）', '12.3456'],
        ['自筹资金（万元）', formatYuanAsWan(BigInt(yuan(draft, 'funding.selfRaised')), { fixed: true })],
        ['项目总经费（万元）', formatYuanAsWan(BigInt(yuan(draft, 'funding.total')), { fixed: true })],
      ]),
    );
  });
});
