import { isValidIdNumber } from './idNumber';
import { isValidUscc } from './uscc';

export type FormatKind = 'uscc' | 'idNumber' | 'phone' | 'mobile' | 'email' | 'postcode';

export const FORMAT_LABELS: Record<FormatKind, string> = {
  uscc: '统一社会信用代码',
  idNumber: '居民身份证号码',
  phone: '电话号码',
  mobile: '手机号码',
  email: '电子邮箱',
  postcode: '邮政编码',
};

/** Mainland mobile numbers: 11 digits starting 13–19; an optional +86 / 86 prefix is tolerated. */
export function isValidMobile(text: string): boolean {
  return /^(?:\+?86[- ]?)?1[3-9]\d{9}$/.test(text.trim());
}

/** A landline with area code (0991-1234567, (0931)8888888, with an optional extension), or a mobile. */
export function isValidPhone(text: string): boolean {
  const t = text.trim();
  if (isValidMobile(t)) return true;
  return /^(?:0\d{2,3}[- ]?|\(0\d{2,3}\)|（0\d{2,3}）)\d{7,8}(?:[-转]\d{1,6})?$/.test(t) || /^400[- ]?\d{3}[- ]?\d{4}$/.test(t);
}

export function isValidEmail(text: string): boolean {
  return /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/.test(text.trim()) && text.trim().length <= 254;
}

export function isValidPostcode(text: string): boolean {
  return /^\d{6}$/.test(text.trim());
}

export function checkFormat(format: FormatKind, text: string): boolean {
  switch (format) {
    case 'uscc':
      return isValidUscc(text);
    case 'idNumber':
      return isValidIdNumber(text);
    case 'phone':
      return isValidPhone(text);
    case 'mobile':
      return isValidMobile(text);
    case 'email':
      return isValidEmail(text);
    case 'postcode':
      return isValidPostcode(text);
  }
}
