import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFormat, isValidEmail, isValidMobile, isValidPhone, isValidPostcode } from '../../../shared/checks/formats';
import { isValidIdNumber, parseIdNumber } from '../../../shared/checks/idNumber';
import { isValidUscc } from '../../../shared/checks/uscc';

/*
 * Independent, deliberately plain implementations of the two GB algorithms, written from the
 * standards' text rather than from shared/checks, so the property compares two derivations.
 */
const GB32100_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function gb32100Check(body: string): string {
  // Weight of position i (1-based) is 3^(i-1) mod 31.
  let sum = 0;
  let weight = 1;
  for (let i = 0; i < 17; i++) {
    sum += GB32100_CHARSET.indexOf(body[i]!) * weight;
    weight = (weight * 3) % 31;
  }
  const c = 31 - (sum % 31);
  return GB32100_CHARSET[c === 31 ? 0 : c]!;
}

function gb11643Check(body: string): string {
  // Weight of position i (1-based, left to right) is 2^(18-i) mod 11; ISO 7064 MOD 11-2.
  let sum = 0;
  for (let i = 1; i <= 17; i++) sum += Number(body[i - 1]) * (2 ** (18 - i) % 11);
  const value = (12 - (sum % 11)) % 11;
  return value === 10 ? 'X' : String(value);
}

const usccBody = fc.string({ unit: fc.constantFrom(...GB32100_CHARSET), minLength: 17, maxLength: 17 });
const usccChar = fc.constantFrom(...GB32100_CHARSET);

const birth = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
const idBody = fc.tuple(digits(6), birth, digits(3)).map(([region, b, seq]) => `${region}${b.replace(/-/g, '')}${seq}`);
const idChar = fc.constantFrom(...'0123456789X');

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('is valid exactly when the 18th character is the check character', () => {
    fc.assert(fc.property(usccBody, usccChar, (body, c) => {
      expect(isValidUscc(body + c)).toBe(c === gb32100Check(body));
    }), { numRuns: 2000 });
  });
  it('detects any one-character corruption', () => {
    fc.assert(
      fc.property(usccBody, fc.nat(17), usccChar, (body, pos, replacement) => {
        const valid = body + gb32100Check(body);
        fc.pre(valid[pos] !== replacement);
        const corrupted = valid.slice(0, pos) + replacement + valid.slice(pos + 1);
        expect(isValidUscc(valid)).toBe(true);
        expect(isValidUscc(corrupted)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
  it('accepts a real code and refuses wrong lengths and letters outside the set', () => {
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
    expect(isValidUscc('91350100m000100y43')).toBe(true);
    expect(isValidUscc('91350100M000100Y4')).toBe(false);
    expect(isValidUscc('91350100M000100I43')).toBe(false);
  });
});

describe('居民身份证号码 (GB 11643-1999)', () => {
  it('is valid exactly when the check character matches (valid embedded birth date)', () => {
    fc.assert(fc.property(idBody, idChar, (body, c) => {
      expect(isValidIdNumber(body + c)).toBe(c === gb11643Check(body));
    }), { numRuns: 2000 });
  });
  it('detects any one-digit corruption of the check digit or a single substitution in the body', () => {
    fc.assert(
      fc.property(idBody, fc.nat(17), fc.constantFrom(...'0123456789'), (body, pos, replacement) => {
        const valid = body + gb11643Check(body);
        fc.pre(valid[pos] !== replacement && !(pos === 17 && replacement === valid[17]));
        const corrupted = valid.slice(0, pos) + replacement + valid.slice(pos + 1);
        expect(isValidIdNumber(corrupted)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
  it('extracts birth date and sex', () => {
    fc.assert(
      fc.property(digits(6), birth, digits(3), (region, b, seq) => {
        const body = `${region}${b.replace(/-/g, '')}${seq}`;
        const info = parseIdNumber(body + gb11643Check(body));
        expect(info).toEqual({ birthDate: b, sex: Number(seq[2]) % 2 === 1 ? 'male' : 'female' });
      }),
    );
  });
  it('refuses an impossible birth date even with a matching check digit', () => {
    const body = '65010219990230001';
    expect(isValidIdNumber(body + gb11643Check(body))).toBe(false);
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
  });
});

describe('phone, mobile, email, postcode', () => {
  it('accepts the common forms and refuses others', () => {
    expect(isValidMobile('13800138000')).toBe(true);
    expect(isValidMobile('+86 13800138000')).toBe(true);
    expect(isValidMobile('1380013800')).toBe(false);
    expect(isValidPhone('0931-8888888')).toBe(true);
    expect(isValidPhone('(0990)6231234')).toBe(true);
    expect(isValidPhone('0990-6231234-102')).toBe(true);
    expect(isValidPhone('13800138000')).toBe(true);
    expect(isValidPhone('8888888')).toBe(false);
    expect(isValidEmail('kjj@klmy.gov.cn')).toBe(true);
    expect(isValidEmail('kjj@')).toBe(false);
    expect(isValidPostcode('834000')).toBe(true);
    expect(isValidPostcode('8340000')).toBe(false);
    expect(checkFormat('postcode', ' 834000 ')).toBe(true);
  });
});

describe('the checkers never throw', () => {
  const anyText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: fc.constantFrom(...GB32100_CHARSET, ...'xX-－ \u3000\u202e０'), minLength: 15, maxLength: 20 }),
  );
  it('on any text: a verdict, never an exception; anything accepted has the right shape', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const uscc = isValidUscc(text);
        const id = isValidIdNumber(text);
        const info = parseIdNumber(text);
        for (const format of ['uscc', 'idNumber', 'phone', 'mobile', 'email', 'postcode'] as const) expect(typeof checkFormat(format, text)).toBe('boolean');
        if (uscc) expect(text.trim().toUpperCase()).toMatch(/^[0-9A-HJ-NPQRTUWXY]{18}$/);
        if (id) expect(info).not.toBeNull();
        for (const check of [isValidEmail, isValidMobile, isValidPhone, isValidPostcode]) expect(typeof check(text)).toBe('boolean');
      }),
      { numRuns: 3000 },
    );
  });

  it('an ID number with any single character replaced by another digit or X is refused', () => {
    fc.assert(
      fc.property(idBody, fc.nat(17), idChar, (body, pos, replacement) => {
        const valid = body + gb11643Check(body);
        fc.pre(valid[pos] !== replacement);
        expect(isValidIdNumber(valid)).toBe(true);
        expect(isValidIdNumber(valid.slice(0, pos) + replacement + valid.slice(pos + 1))).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
