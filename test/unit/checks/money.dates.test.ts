import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chinaDateOf, fullYearsAt, isValidDate, monthsInclusive } from '../../../shared/dates';
import { formatWan, formatYuanAsWan, parseWanToYuan } from '../../../shared/money';

describe('money in 万元 ↔ integer yuan', () => {
  it('parses up to 4 decimals exactly', () => {
    expect(parseWanToYuan('12.5')).toBe(125_000);
    expect(parseWanToYuan('0.0001')).toBe(1);
    expect(parseWanToYuan(' 1,200 ')).toBe(12_000_000);
    expect(parseWanToYuan('0.1')).toBe(1_000);
    expect(parseWanToYuan('19.99')).toBe(199_900);
    expect(parseWanToYuan('1.00001')).toBeNull();
    expect(parseWanToYuan('abc')).toBeNull();
    expect(parseWanToYuan('')).toBeNull();
    expect(formatWan(125_000)).toBe('12.5万元');
    expect(formatYuanAsWan(1, { fixed: true })).toBe('0.0001');
    expect(formatYuanAsWan(-15_000)).toBe('-1.5');
  });
  it('round-trips every integer amount', () => {
    fc.assert(fc.property(fc.integer({ min: -1e13, max: 1e13 }), (yuan) => {
      expect(parseWanToYuan(formatYuanAsWan(yuan))).toBe(yuan);
    }), { numRuns: 2000 });
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), (yuan) => {
      expect(parseWanToYuan(formatYuanAsWan(yuan, { fixed: true }))).toBe(Number(yuan));
    }));
  });
  it('parses text with ≤4 decimals to the exact digits', () => {
    fc.assert(
      fc.property(fc.nat(99_999_999), fc.nat(9999), (whole, frac) => {
        const text = `${whole}.${String(frac).padStart(4, '0')}`;
        expect(parseWanToYuan(text)).toBe(whole * 10_000 + frac);
      }),
    );
  });
});

describe('dates', () => {
  it('counts full years, the birthday counting on its day', () => {
    expect(fullYearsAt('1961-03-30', '2020-03-29')).toBe(58);
    expect(fullYearsAt('1961-03-30', '2020-03-30')).toBe(59);
    expect(fullYearsAt('2000-02-29', '2021-02-28')).toBe(20);
    expect(fullYearsAt('2000-02-29', '2021-03-01')).toBe(21);
  });
  it('counts months inclusively', () => {
    expect(monthsInclusive('2020-01', '2022-12')).toBe(36);
    expect(monthsInclusive('2020-01', '2020-01')).toBe(1);
  });
  it('gives the China calendar date of an instant', () => {
    expect(chinaDateOf('2020-03-29T16:00:00Z')).toBe('2020-03-30');
    expect(chinaDateOf('2020-03-29T15:59:59Z')).toBe('2020-03-29');
    expect(chinaDateOf('2017-06-15T18:00:00+08:00')).toBe('2017-06-15');
  });
  it('validates calendar dates', () => {
    expect(isValidDate('2020-02-29')).toBe(true);
    expect(isValidDate('2019-02-29')).toBe(false);
    expect(isValidDate('2019-04-31')).toBe(false);
  });
});
