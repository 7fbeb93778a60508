const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 23 → 二十三 (up to 99, more than any book has sections). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]!}十${ones === 0 ? '' : DIGITS[ones]!}`;
}

/** The heading numbering of official documents (GB/T 9704 practice): 一、 （一） 1. （1） ①. */
export function headingNumber(level: 1 | 2 | 3 | 4 | 5, n: number): string {
  switch (level) {
    case 1:
      return `${chineseNumeral(n)}、`;
    case 2:
      return `（${chineseNumeral(n)}）`;
    case 3:
      return `${n}. `;
    case 4:
      return `（${n}）`;
    case 5:
      // ① … ⑳ are single characters (U+2460…); beyond them the bracketed number.
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : `(${n})`;
  }
}
