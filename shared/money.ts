/**
 * Money is stored as integer yuan and entered/shown in 万元 with up to 4 decimals
 * (0.0001 万元 = 1 元), so every sum is exact. Parsing works on the digits as text:
 * no floating-point multiplication ever touches an amount.
 */
export const YUAN_PER_WAN = 10_000;

/** Parses 「12.5」「 0.0001 」「1,200」 (万元) into integer yuan; null when not a valid amount. */
export function parseWanToYuan(text: string): number | null {
  const t = text.trim().replace(/[,，]/g, '');
  const m = /^(-?)(\d{1,12})(?:\.(\d{1,4}))?$/.exec(t);
  if (!m) return null;
  const [, sign = '', whole = '0', frac = ''] = m;
  const yuan = Number(whole) * YUAN_PER_WAN + Number(frac.padEnd(4, '0'));
  if (!Number.isSafeInteger(yuan)) return null;
  return sign === '-' && yuan !== 0 ? -yuan : yuan;
}

/** Formats integer yuan as 万元 without trailing zeros (125000 → 「12.5」); `fixed` keeps 4 decimals. */
export function formatYuanAsWan(yuan: number | bigint, options: { fixed?: boolean } = {}): string {
  if (typeof yuan === 'number' && !Number.isInteger(yuan)) return String(yuan);
  const big = BigInt(yuan);
  const sign = big < 0n ? '-' : '';
  const abs = big < 0n ? -big : big;
  const whole = abs / 10_000n;
  const frac = String(abs % 10_000n).padStart(4, '0');
  const shown = options.fixed ? frac : frac.replace(/0+$/, '');
  return shown === '' ? `${sign}${whole}` : `${sign}${whole}.${shown}`;
}

/** 「12.5万元」: the unit the guidelines speak in. */
export function formatWan(yuan: number | bigint): string {
  return `${formatYuanAsWan(yuan)}万元`;
}
