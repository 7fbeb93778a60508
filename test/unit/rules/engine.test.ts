import { describe, expect, it } from 'vitest';
import { resolveProgram } from '../../../shared/pack/resolve';
import { evalCondition } from '../../../shared/rules/condition';
import { changedIdsOfPatch, createRuleEngine, issuesOf, summarize, validateDraft } from '../../../shared/rules/engine';
import { allKindsPack } from './allKinds';
import { makeDraft, makePack, rule } from './helpers';

describe('conditions', () => {
  const d = makeDraft({ values: { t: 'enterprise', n: 3, flags: ['a', 'b'], empty: '' }, directionPath: ['a', 'a1'] });
  it('reads values, the chosen program, direction and document type', () => {
    expect(evalCondition({ field: 't', equals: 'enterprise' }, d)).toBe(true);
    expect(evalCondition({ field: 'n', equals: '3' }, d)).toBe(true);
    expect(evalCondition({ field: 't', in: ['university', 'enterprise'] }, d)).toBe(true);
    expect(evalCondition({ field: 't', notIn: ['enterprise'] }, d)).toBe(false);
    expect(evalCondition({ field: 'missing', notIn: ['enterprise'] }, d)).toBe(true);
    expect(evalCondition({ field: 'flags', includes: 'b' }, d)).toBe(true);
    expect(evalCondition({ field: 'flags', includes: 'c' }, d)).toBe(false);
    expect(evalCondition({ field: 'empty', filled: false }, d)).toBe(true);
    expect(evalCondition({ field: 't', filled: true }, d)).toBe(true);
    expect(evalCondition({ program: ['p1'] }, d)).toBe(true);
    expect(evalCondition({ directionUnder: ['a'] }, d)).toBe(true);
    expect(evalCondition({ directionUnder: ['a', 'a2'] }, d)).toBe(false);
    expect(evalCondition({ documentType: 'proposal' }, d)).toBe(false);
    expect(evalCondition({ all: [{ program: ['p1'] }, { not: { documentType: 'proposal' } }] }, d)).toBe(true);
    expect(evalCondition({ any: [{ program: ['x'] }, { field: 't', equals: 'x' }] }, d)).toBe(false);
  });
  it('never reads inherited properties', () => {
    expect(evalCondition({ field: 'toString', filled: true }, d)).toBe(false);
  });
});

describe('the engine', () => {
  const engine = createRuleEngine(resolveProgram(allKindsPack(), 'p1', 'application')!);

  it('indexes rules by the ids they read, conditions included', () => {
    const byId = (id: string) => engine.readsOf(engine.rules.find((r) => r.id === id)!);
    expect(byId('age')).toEqual(['pi.idNumber', 'guideline']);
    expect(byId('born')).toEqual(['pi.idNumber', 'applicant.unitType']);
    expect(byId('ratio')).toEqual(['budget', 'applicant.unitType', 'guideline']);
    expect(byId('att.licence.present')).toEqual(['att.licence', 'applicant.unitType']);
    expect(byId('window')).toEqual(['guideline']);
  });

  it('reuses previous results for rules that read nothing that changed', () => {
    const draft = makeDraft({ values: { 'project.name': 'x' } });
    const full = engine.evaluate(draft, { today: '2020-02-01' });
    const again = engine.evaluateChanged(draft, { today: '2020-02-01' }, [], full);
    again.forEach((r, i) => expect(r).toBe(full[i]));
    const edited = makeDraft({ values: { 'project.name': '' } });
    const next = engine.evaluateChanged(edited, { today: '2020-02-01' }, changedIdsOfPatch({ values: { 'project.name': '' } }), full);
    expect(next.find((r) => r.ruleId === 'req')?.outcome).toBe('fail');
    expect(next.find((r) => r.ruleId === 'window')).toBe(full.find((r) => r.ruleId === 'window'));
  });

  it('summarizes issues: failures by severity plus met priorities', () => {
    const results = engine.evaluate(makeDraft({ values: { 'x.flags': ['hightech'] } }), { today: '2020-04-01' });
    const summary = summarize(results);
    expect(summary.infos).toBe(1);
    expect(summary.warnings).toBe(1);
    expect(summary.errors).toBe(issuesOf(results).filter((r) => r.severity === 'error').length);
  });

  it('reports a not-applicable rule with its plain message when `when` is false', () => {
    const pack = makePack([rule('required', { field: 'project.name' }, { when: { documentType: 'proposal' } })]);
    const [r] = validateDraft(pack, makeDraft(), { today: '2020-01-01' })!;
    expect(r).toMatchObject({ outcome: 'notApplicable', message: '测试规则', field: 'project.name', section: 'basic' });
  });

  it('validateDraft answers null without a guideline or for an unknown program', () => {
    const pack = makePack([]);
    expect(validateDraft(pack, { ...makeDraft(), guideline: null }, { today: '2020-01-01' })).toBeNull();
    expect(validateDraft(pack, makeDraft({ programId: 'nope' }), { today: '2020-01-01' })).toBeNull();
  });

  it('lists the ids a patch changes', () => {
    expect(changedIdsOfPatch({ values: { a: 1 }, tables: { t: null }, declarations: { d: true }, attachments: { s: null }, guideline: null })).toEqual(['a', 't', 's', 'd', 'guideline']);
  });
});
