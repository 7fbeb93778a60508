/**
 * 统一社会信用代码 per GB 32100-2015: 18 characters from a 31-character alphabet (no I, O, Z, S, V);
 * the 18th is a check character over the first 17 with weights 3^i mod 31.
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for a 17-character body, or null if the body is not made of the alphabet. */
export function usccCheckChar(body: string): string | null {
  if (body.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(body.charAt(i));
    if (value < 0) return null;
    sum += value * (WEIGHTS[i] ?? 0);
  }
  const check = (31 - (sum % 31)) % 31;
  return USCC_ALPHABET.charAt(check);
}

/** Upper-cases and trims, since applicants often paste codes with stray spaces or lower case. */
export function normalizeUscc(text: string): string {
  return text.trim().toUpperCase();
}

export function isValidUscc(text: string): boolean {
  const code = normalizeUscc(text);
  if (code.length !== 18) return false;
  return usccCheckChar(code.slice(0, 17)) === code.charAt(17);
}
