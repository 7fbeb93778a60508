import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { proposeRules } from '../../../shared/studio/propose';
import { studioPackFromNotice, type StudioEdits } from '../../../shared/studio/studioEdits';
import { EMPTY_TRY_VALUES, tryPack } from '../../../shared/studio/tryDraft';

const TEXT = readFileSync(path.resolve(import.meta.dirname, '../../fixtures/studio/2026-qinghe-district-notice.txt'), 'utf8');
const set = proposeRules(TEXT);
const idOf = (kind: string) => set.proposals.find((p) => p.kind === kind)!.id;
const edits = (proposals: StudioEdits['proposals']): StudioEdits => ({ meta: { id: 'qinghe-2026', title: '清河', version: '1.0.0', year: 2026 }, proposals, unrecognized: {}, fields: {} });
const all = Object.fromEntries(set.proposals.map((p) => [p.id, { status: 'accepted' as const }]));
const outcomes = (e: StudioEdits, values: Partial<typeof EMPTY_TRY_VALUES>) => {
  const tried = tryPack(studioPackFromNotice(TEXT, e).pack, { ...EMPTY_TRY_VALUES, ...values }, '2026-03-10');
  if (!tried.ok) throw new Error(tried.problem);
  return tried.results;
};

describe('试填: the pack being edited, on a small test draft', () => {
  it('the age rule fails for a PI over the limit, with the notice quote, and passes under it', () => {
    const age = idOf('ageAtDate');
    // Born 1970-01-01: 56 at the window close 2026-04-30.
    const old = outcomes(edits(all), { idNumber: '110105197001010011' }).find((r) => r.ruleId === `r.${age}`)!;
    expect(old.outcome).toBe('fail');
    expect(old.message).toContain('超过50周岁');
    expect(old.citation.quote).toContain('项目负责人年龄不超过50周岁');
    const young = outcomes(edits(all), { idNumber: '110105199001010010' }).find((r) => r.ruleId === `r.${age}`)!;
    expect(young.outcome).toBe('pass');
  });

  it('follows the decisions: an edited limit changes the result, a rejected proposal is not evaluated', () => {
    const age = idOf('ageAtDate');
    const pi = { idNumber: '110105198001010016' }; // 46 at 2026-04-30
    expect(outcomes(edits(all), pi).find((r) => r.ruleId === `r.${age}`)!.outcome).toBe('pass');
    expect(outcomes(edits({ ...all, [age]: { status: 'accepted', params: { ...set.proposals.find((p) => p.id === age)!.params, max: 45 } } }), pi).find((r) => r.ruleId === `r.${age}`)!.outcome).toBe('fail');
    expect(outcomes(edits({ ...all, [age]: { status: 'rejected' } }), pi).some((r) => r.ruleId === `r.${age}`)).toBe(false);
  });

  it('the money rules read the typed amounts (万元) from the budget table', () => {
    const range = outcomes(edits(all), { unitType: 'enterprise', fiscalWan: '40', selfRaisedWan: '10' });
    const funding = range.find((r) => r.ruleId === `r.${idOf('moneyRange')}`)!;
    expect(funding.outcome).toBe('fail');
    const ratio = range.find((r) => r.ruleId === `r.${idOf('ratioAtLeast')}`)!;
    expect(ratio.outcome).toBe('fail');
    const fine = outcomes(edits(all), { unitType: 'enterprise', fiscalWan: '30', selfRaisedWan: '30' });
    expect(fine.find((r) => r.ruleId === `r.${idOf('moneyRange')}`)!.outcome).toBe('pass');
    expect(fine.find((r) => r.ruleId === `r.${idOf('ratioAtLeast')}`)!.outcome).toBe('pass');
  });

  it('the period rule reads 起止年月', () => {
    const id = `r.${idOf('periodMonths')}`;
    expect(outcomes(edits(all), { start: '2026-06', end: '2029-05' }).find((r) => r.ruleId === id)!.outcome).toBe('fail');
    expect(outcomes(edits(all), { start: '2026-06', end: '2028-05' }).find((r) => r.ruleId === id)!.outcome).toBe('pass');
  });
});
