import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DraftSchema } from '../../../shared/model/draft';
import { PackSchema } from '../../../shared/pack/pack';
import { expandPackSource } from '../../../shared/pack/packSource';
import { validateDraft } from '../../../shared/rules/engine';

const read = (p: string) => JSON.parse(readFileSync(new URL(`../../../${p}`, import.meta.url), 'utf8'));
const pack = PackSchema.parse(expandPackSource(read('resources/guidelines/chengguan-2020/pack.json')).value);
const valid = DraftSchema.parse(read('test/fixtures/packs/chengguan-2020/valid-tech-enterprise.json'));

function messageOf(ruleId: string, values: Record<string, string>): string | undefined {
  const draft = { ...valid, values: { ...valid.values, ...values } };
  return validateDraft(pack, draft, { today: '2020-03-01' })?.find((r) => r.ruleId === ruleId && r.outcome === 'fail')?.message;
}

describe('rule messages speak in the labels the applicant chose', () => {
  it('a select value is shown by its option label, not its stored code', () => {
    const region = messageOf('cg.applicant-district', { 'applicant.regionCode': '650105' });
    expect(region).toContain('注册地为新疆维吾尔自治区乌鲁木齐市水磨沟区，不在甘肃省兰州市城关区');
    expect(region).not.toContain('650105');
    expect(messageOf('cg.tax-credit', { 'applicant.taxCredit': 'D' })).toContain('「D 级」');
  });
});
