import { describe, expect, it } from 'vitest';
import { createRuleEngine } from '../../../shared/rules/engine';
import { resolveProgram } from '../../../shared/pack/resolve';
import { createValidationSession } from '../../../shared/rules/session';
import { allKindsPack } from './allKinds';
import { makeDraft } from './helpers';

describe('validation session', () => {
  const pack = allKindsPack();
  const full = createRuleEngine(resolveProgram(pack, 'p1', 'application')!);

  it('re-checks incrementally and agrees with a full evaluation', () => {
    const session = createValidationSession(pack);
    const ctx = { today: '2020-02-01' };
    const first = session.check(makeDraft(), ctx);
    expect(first).toEqual(full.evaluate(makeDraft(), ctx));
    const edited = makeDraft({ values: { 'project.name': '项目' } });
    const next = session.check(edited, ctx, ['project.name']);
    expect(next).toEqual(full.evaluate(edited, ctx));
    // Unchanged rules keep their previous result objects.
    expect(next.find((r) => r.ruleId === 'window')).toBe(first.find((r) => r.ruleId === 'window'));
  });

  it('evaluates fully on a new date, and answers nothing without a matching guideline', () => {
    const session = createValidationSession(pack);
    session.check(makeDraft(), { today: '2020-02-01' });
    const later = session.check(makeDraft(), { today: '2020-04-01' }, []);
    expect(later.find((r) => r.ruleId === 'window')?.outcome).toBe('fail');
    expect(session.check({ ...makeDraft(), guideline: null }, { today: '2020-04-01' })).toEqual([]);
    expect(session.engine()).toBeNull();
  });
});
