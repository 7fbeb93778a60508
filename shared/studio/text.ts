/**
 * Text helpers for reading notices. Recognizers match on a "flat" copy of the text (whitespace
 * removed, full-width digits and letters folded to ASCII) because notices are hard-wrapped in the
 * middle of words and numbers ("2020 年 1 月"); every flat index maps back to the source index, so a
 * quote is always a verbatim slice of the notice.
 */

export interface FlatText {
  /** The folded text without whitespace. */
  flat: string;
  /** `map[i]` is the source offset of `flat[i]`; `map[flat.length]` is the source end. */
  map: number[];
}

const FOLD: Record<string, string> = {
  '：': ':',
  '～': '~',
  '〜': '~',
  '－': '-',
  '％': '%',
  '．': '.',
  '﹝': '〔',
  '﹞': '〕',
  '(': '（',
  ')': '）',
};

/** Folds one character (full-width ASCII to ASCII, a few look-alikes to one form); never changes the length. */
export function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xfee0);
  if ((code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a)) return String.fromCharCode(code - 0xfee0);
  return FOLD[ch] ?? ch;
}

/**
 * A page number a PDF or a Word print left on a line of its own (「— 2 —」「- 2 -」「第2页 共5页」).
 * It can fall in the middle of a sentence that runs across the page break, so it is read as space.
 */
export const PAGE_MARK = /^[ \t\u3000]*(?:[—\-–－―]+[ \t\u3000]*[\d０-９]{1,3}[ \t\u3000]*[—\-–－―]+|第[ \t\u3000]*[\d０-９]{1,3}[ \t\u3000]*页(?:[ \t\u3000]*[，,]?[ \t\u3000]*共[ \t\u3000]*[\d０-９]{1,3}[ \t\u3000]*页)?)[ \t\u3000]*$/;

/** Source ranges of page-number lines inside `text[start, end)`. */
function pageMarks(text: string, start: number, end: number): [number, number][] {
  const ranges: [number, number][] = [];
  let lineStart = text.lastIndexOf('\n', start - 1) + 1;
  while (lineStart < end) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    if (PAGE_MARK.test(text.slice(lineStart, lineEnd).trim())) ranges.push([lineStart, lineEnd]);
    lineStart = lineEnd + 1;
  }
  return ranges;
}

/** The flat view of `text[start, end)` with its offset map into `text`. */
export function flatten(text: string, start = 0, end = text.length): FlatText {
  let flat = '';
  const map: number[] = [];
  const marks = pageMarks(text, start, end);
  for (let i = start; i < end; i++) {
    const ch = text[i]!;
    if (/\s/u.test(ch) || marks.some(([from, to]) => i >= from && i < to)) continue;
    flat += foldChar(ch);
    map.push(i);
  }
  map.push(end);
  return { flat, map };
}

/** Source span `[start, end)` of the flat span `[from, to)`. */
export function sourceSpan(f: FlatText, from: number, to: number): { start: number; end: number } {
  const start = f.map[from] ?? f.map[f.map.length - 1]!;
  const last = to > from ? f.map[to - 1]! + 1 : start;
  return { start, end: last };
}

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 「12」「十二」「二十五」「两」「百」… to a number; null when it is not a number. */
export function parseNumber(text: string): number | null {
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  if (!/^[〇零一二两三四五六七八九十百千]+$/.test(text)) return null;
  let total = 0;
  let current = 0;
  for (const ch of text) {
    if (ch === '千') {
      total += (current || 1) * 1000;
      current = 0;
    } else if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else current = CN_DIGITS[ch] ?? 0;
  }
  return total + current;
}

/** A number as written in notices: ASCII or Chinese numerals. */
export const NUM = '(?:\\d+(?:\\.\\d+)?|[一二两三四五六七八九十百千]+)';

const pad = (n: number): string => String(n).padStart(2, '0');

/** A valid calendar date as YYYY-MM-DD, or null. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** YYYY-MM-DD shifted by whole years (29 Feb falls back to 28 Feb). */
export function shiftYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return isoDate(y + years, m, d) ?? isoDate(y + years, m, d - 1)!;
}

/** Beijing-time ISO datetime. */
export function chinaDateTime(date: string, hour: number, minute: number, second = 0): string {
  return `${date}T${pad(hour)}:${pad(minute)}:${pad(second)}+08:00`;
}

/** An amount in 万元/亿元/元 to integer yuan. */
export function yuanOf(value: number, unit: string): number {
  if (unit.startsWith('亿')) return Math.round(value * 100_000_000);
  if (unit.startsWith('万')) return Math.round(value * 10_000);
  return Math.round(value);
}

/** 「20万元」「1.5亿元」 for messages. */
export function wanLabel(yuan: number): string {
  if (yuan % 100_000_000 === 0 && yuan >= 100_000_000) return `${yuan / 100_000_000}亿元`;
  return `${yuan / 10_000}万元`;
}

/** The comma phrase around a flat offset: from after the comma before it to the comma after it. */
export function commaPhraseAt(flat: string, at: number): { from: number; to: number; text: string } {
  const from = Math.max(flat.lastIndexOf('，', at), flat.lastIndexOf(',', at)) + 1;
  const next = flat.slice(at).search(/[，,]/);
  const to = next < 0 ? flat.length : at + next;
  return { from, to, text: flat.slice(from, to) };
}
