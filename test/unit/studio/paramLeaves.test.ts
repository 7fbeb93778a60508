import { describe, expect, it } from 'vitest';
import { paramLabel } from '../../../shared/studio/kindNames';
import { paramLeaves, withParam } from '../../../shared/studio/paramLeaves';

describe('proposal parameters as form items', () => {
  const age = { person: { idNumberField: 'pi.idNumber' }, at: { date: '2026-04-30' }, max: 50 };

  it('lists plain values with their paths; field references are shown but not editable', () => {
    expect(paramLeaves(age)).toEqual([
      { path: ['person', 'idNumberField'], value: 'pi.idNumber', editable: false },
      { path: ['at', 'date'], value: '2026-04-30', editable: true },
      { path: ['max'], value: 50, editable: true },
    ]);
    expect(paramLeaves({ field: 'pi.titleLevel', values: ['senior', 'intermediate'] })).toEqual([
      { path: ['field'], value: 'pi.titleLevel', editable: false },
      { path: ['values'], value: ['senior', 'intermediate'], editable: true },
    ]);
    expect(paramLeaves({ numerator: { table: 'budget', column: 'selfRaised' }, ratio: 2 }).map((l) => l.editable)).toEqual([false, false, true]);
  });

  it('replaces one value without touching the original', () => {
    const next = withParam(age, ['at', 'date'], '2026-05-31');
    expect(next).toEqual({ ...age, at: { date: '2026-05-31' } });
    expect(age.at.date).toBe('2026-04-30');
  });

  it('names parameters in Chinese with their unit', () => {
    expect(paramLabel('ageAtDate', ['max'])).toBe('上限（周岁）');
    expect(paramLabel('moneyRange', ['max'])).toBe('上限（元）');
    expect(paramLabel('ageAtDate', ['at', 'date'])).toBe('参照日期 › 日期');
  });
});
