import { isValidDate } from '../dates';

/**
 * 18-digit 居民身份证号码 per GB 11643-1999: 6-digit region, 8-digit birth date, 3-digit sequence
 * (odd = male), check character by ISO 7064 MOD 11-2 (weights 2^(17-i) mod 11, X for 10).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export function idCheckChar(body: string): string | null {
  if (!/^\d{17}$/.test(body)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body.charAt(i)) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS.charAt(sum % 11);
}

export interface IdNumberInfo {
  /** `YYYY-MM-DD`. */
  birthDate: string;
  sex: 'male' | 'female';
}

/** Why an ID number is invalid, in Chinese, or null when it is valid. */
export function idNumberProblem(text: string): string | null {
  const id = text.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return '应为 18 位，前 17 位为数字，最后一位为数字或 X';
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isValidDate(birth) || birth < '1900-01-01') return `其中的出生日期 ${birth} 不是有效日期`;
  if (idCheckChar(id.slice(0, 17)) !== id.charAt(17)) return '校验码不正确';
  return null;
}

export function isValidIdNumber(text: string): boolean {
  return idNumberProblem(text) === null;
}

/** Birth date and sex embedded in a valid ID number; null when the number is invalid. */
export function parseIdNumber(text: string): IdNumberInfo | null {
  if (!isValidIdNumber(text)) return null;
  const id = text.trim();
  return {
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    sex: Number(id.charAt(16)) % 2 === 1 ? 'male' : 'female',
  };
}
