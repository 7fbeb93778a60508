import { describe, expect, it } from 'vitest';
import { deadlineLabel, deadlineState } from '../../../shared/progress';

const window = { opens: '2020-01-15T00:00:00+08:00', closes: '2020-03-30T18:00:00+08:00' };

describe('deadlineState', () => {
  it('counts whole China-time days to the closing day', () => {
    const d = deadlineState(window, '2020-03-20');
    expect(d).toEqual({ closes: window.closes, daysLeft: 10, state: 'open' });
    expect(deadlineLabel(d)).toBe('剩余 10 天');
    expect(deadlineLabel(deadlineState(window, '2020-03-30'))).toBe('今天截止');
  });
  it('is closed the day after the close, and not yet open before the opening day', () => {
    expect(deadlineState(window, '2020-03-31').state).toBe('closed');
    expect(deadlineLabel(deadlineState(window, '2026-11-23'))).toBe('已截止');
    expect(deadlineLabel(deadlineState(window, '2020-01-14'))).toBe('未开始');
  });
  it('a close at 00:30 China time on the 1st belongs to the 1st, not to the UTC day before', () => {
    const d = deadlineState({ closes: '2020-04-01T00:30:00+08:00' }, '2020-03-31');
    expect(d.daysLeft).toBe(1);
  });
  it('no window or no close: 无截止时间', () => {
    expect(deadlineLabel(deadlineState(undefined, '2020-01-01'))).toBe('无截止时间');
    expect(deadlineState({ opens: window.opens }, '2020-02-01')).toEqual({ closes: null, daysLeft: null, state: 'open' });
  });
});
