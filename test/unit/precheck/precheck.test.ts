import { describe, expect, it } from 'vitest';
import { buildPrecheck, evaluatePrecheck, type PrecheckAnswers } from '../../../shared/precheck';
import { engineFor } from '../../../shared/rules/engine';
import { realPack } from '../carryOver/realPacks';

const chengguan = realPack('chengguan-2020');
const xinjiang = realPack('xinjiang-aid-2022');
const karamay = realPack('karamay-2017');

function target(pack = chengguan, programId = 'tech-innovation', today = '2020-02-01', directionPath: string[] = []) {
  const engine = engineFor(pack, programId, 'application');
  if (!engine) throw new Error('no program');
  return { engine, packId: pack.id, packVersion: pack.version, directionPath, today };
}

const eligibleChengguan: PrecheckAnswers = {
  values: { 'applicant.unitType': 'enterprise', 'applicant.regionCode': '620102', 'applicant.affiliation': 'enterprise', 'applicant.taxCredit': 'A', 'pi.birthDate': '1980-05-01' },
  tables: {},
};

describe('eligibility pre-check built from the program hard rules', () => {
  it('城关区: asks unit type, 注册地 (省/市/区县), affiliation and the PI birth date, from the rules present', () => {
    const questions = buildPrecheck(target().engine.resolved).questions;
    const ids = questions.map((q) => q.id);
    expect(ids).toEqual(expect.arrayContaining(['applicant.unitType', 'applicant.regionCode', 'applicant.affiliation', 'pi.birthDate']));
    expect(questions.find((q) => q.id === 'applicant.regionCode')).toMatchObject({ kind: 'value', label: '注册地', region: true });
    expect(ids).not.toContain('partners');
  });

  it('科技援疆: asks about partners with the region column the rule reads', () => {
    const q = buildPrecheck(target(xinjiang, 'aid-program').engine.resolved).questions.find((x) => x.kind === 'partners');
    expect(q?.kind === 'partners' && q.columns.map((c) => c.id)).toEqual(expect.arrayContaining(['region']));
  });

  it('an eligible 城关区 applicant inside the window: 可以申报', () => {
    const r = evaluatePrecheck(target(), eligibleChengguan);
    expect(r.failures).toEqual([]);
    expect(r.label).toBe('可以申报');
    expect(r.prefill.values['applicant.regionCode']).toBe('620102');
  });

  it('a PI born 1960 is told 不符合申报条件 with the clause 二、申报要求（二） and its verbatim quote', () => {
    const r = evaluatePrecheck(target(), { ...eligibleChengguan, values: { ...eligibleChengguan.values, 'pi.birthDate': '1960-03-12' } });
    expect(r.verdict).toBe('ineligible');
    expect(r.label).toBe('不符合申报条件');
    const age = r.failures.find((f) => f.kind === 'ageAtDate');
    expect(age?.citation.clause).toBe('二、申报要求（二）');
    expect(age?.citation.quote).toContain('58');
    expect(age?.message).toContain('60');
  });

  it('a unit registered outside 城关区 is ineligible under the registered-district rule, named by its place', () => {
    for (const elsewhere of ['650105', '620103']) {
      const r = evaluatePrecheck(target(), { ...eligibleChengguan, values: { ...eligibleChengguan.values, 'applicant.regionCode': elsewhere } });
      const hit = r.failures.find((f) => f.ruleId === 'cg.applicant-district');
      expect(hit?.field).toBe('applicant.regionCode');
      expect(hit?.message).toContain('城关区');
    }
  });

  it('unanswered questions are not judged; the verdict is 需注意 and lists them', () => {
    const r = evaluatePrecheck(target(), { values: {}, tables: {} });
    expect(r.failures).toEqual([]);
    expect(r.verdict).toBe('caution');
    expect(r.unanswered.length).toBeGreaterThan(0);
  });

  it('a past deadline is a caution, never a failure', () => {
    const r = evaluatePrecheck(target(chengguan, 'tech-innovation', '2026-11-23'), eligibleChengguan);
    expect(r.verdict).toBe('caution');
    expect(r.cautions.join()).toContain('截止');
  });

  it('科技援疆 without a partner outside 新疆 is ineligible; with one it passes that rule', () => {
    const base = { values: { 'applicant.unitType': 'enterprise', 'applicant.regionCode': '650105' }, tables: {} };
    const none = evaluatePrecheck(target(xinjiang, 'aid-program', '2022-06-01'), { ...base, tables: { partners: [] } });
    expect(none.failures.map((f) => f.kind)).toContain('partnerOutsideRegion');
    const withPartner = evaluatePrecheck(target(xinjiang, 'aid-program', '2022-06-01'), { ...base, tables: { partners: [{ name: '浙江大学', region: '33' }] } });
    expect(withPartner.failures.map((f) => f.kind)).not.toContain('partnerOutsideRegion');
    expect(withPartner.prefill.tables.partners).toEqual([{ name: '浙江大学', region: '33' }]);
  });

  it('克拉玛依 创新平台专项 (本次暂不受理) is marked as not accepting', () => {
    const r = evaluatePrecheck(target(karamay, 'platform', '2017-05-01'), { values: {}, tables: {} });
    expect(r.cautions.join()).toContain('本次暂不受理');
  });
});
