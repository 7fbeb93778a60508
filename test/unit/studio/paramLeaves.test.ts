import { describe, expect, it } from 'vitest';
import { paramLabel } from '../../../shared/studio/kindNames';
import { messageAfterEdit, paramLeaves, withParam } from '../../../shared/studio/paramLeaves';

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

  it('rewrites the 提示文字 for a changed number or date it states once, and leaves what it cannot match for the user', () => {
    const age = { person: { idNumberField: 'pi.idNumber' }, at: { windowClose: true }, max: 55 };
    expect(messageAfterEdit('项目负责人年龄不得超过55周岁', age, { ...age, max: 50 })).toBe('项目负责人年龄不得超过50周岁');
    const born = { person: { idNumberField: 'pi.idNumber' }, date: '1972-01-01' };
    expect(messageAfterEdit('项目负责人须为1972-01-01（含）以后出生', born, { ...born, date: '1975-01-01' })).toBe('项目负责人须为1975-01-01（含）以后出生');
    // Yuan in the parameters, 万元 in the text: not matched, not guessed.
    const money = { amount: { table: 'budget', column: 'fiscal' }, max: 200000 };
    expect(messageAfterEdit('申请财政资金不得超过20万元', money, { ...money, max: 300000 })).toBe('申请财政资金不得超过20万元');
    // Stated twice, or only inside a longer number: left as it is.
    expect(messageAfterEdit('自筹与财政之比不低于1:1', { ratio: 1 }, { ratio: 2 })).toBe('自筹与财政之比不低于1:1');
    expect(messageAfterEdit('不得超过155周岁', { max: 55 }, { max: 50 })).toBe('不得超过155周岁');
    // Field references never change the text.
    expect(messageAfterEdit('身份证 pi.idNumber', age, age)).toBe('身份证 pi.idNumber');
  });
});
