/**
 * Text files users hand us (notices, draft files, guideline packs) come as UTF-8 (with or without
 * BOM), UTF-16 (with BOM, or without as some editors save 「Unicode」), or GB18030/GBK as saved by
 * Windows Notepad in Chinese or by another tool on a Chinese system: strict UTF-8 first, GB18030 when
 * the bytes are not UTF-8. A file pasted together from both keeps each line's own encoding. Bytes
 * that are no text at all are refused rather than shown as mojibake. Pure (TextDecoder only), so the
 * CLI, the services and the renderer read a file the same way.
 */

export class NotText extends Error {
  constructor() {
    super('not text');
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const utf8 = (bytes: Uint8Array): string | null => {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
};

/**
 * UTF-16 without BOM: the zero high bytes of ASCII (line breaks, digits, punctuation) sit on one side;
 * the other side has a zero only for the rare character whose low byte is 0 (一 is U+4E00).
 */
function utf16WithoutBom(bytes: Uint8Array): string | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  const pairs = bytes.length / 2;
  const order = odd > pairs * 0.02 && odd >= even * 2 ? 'utf-16le' : even > pairs * 0.02 && even >= odd * 2 ? 'utf-16be' : null;
  if (!order) return null;
  try {
    // Random bytes with zeros on one side still hold lone surrogates: not UTF-16.
    return new TextDecoder(order, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Whether bytes[start, end) are valid UTF-8 holding a Chinese character (a 3-byte sequence led by E4–E9). */
function utf8WithChinese(bytes: Uint8Array, start: number, end: number): boolean {
  let chinese = false;
  for (let i = start; i < end; ) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > end) return false;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return false;
    if (length === 3 && b >= 0xe4 && b <= 0xe9) chinese = true;
    i += length;
  }
  return chinese;
}

/**
 * Each line in UTF-8 when it is valid UTF-8 with Chinese in it (GBK bytes almost never are), else
 * GB18030; runs of lines in one encoding are decoded together (a 20 MB file is one or a few calls).
 */
function lineByLine(bytes: Uint8Array): string {
  const gb = new TextDecoder('gb18030');
  const out: string[] = [];
  let runStart = 0;
  let runUtf8: boolean | null = null;
  const flush = (end: number): void => {
    if (end > runStart) out.push(runUtf8 ? new TextDecoder('utf-8').decode(bytes.subarray(runStart, end)) : gb.decode(bytes.subarray(runStart, end)));
    runStart = end;
  };
  let lineStart = 0;
  while (lineStart < bytes.length) {
    const newline = bytes.indexOf(0x0a, lineStart);
    const lineEnd = newline < 0 ? bytes.length : newline + 1;
    const isUtf8 = utf8WithChinese(bytes, lineStart, lineEnd);
    if (runUtf8 !== null && isUtf8 !== runUtf8) flush(lineStart);
    runUtf8 = isUtf8;
    lineStart = lineEnd;
  }
  flush(bytes.length);
  return out.join('');
}

// eslint-disable-next-line no-control-regex -- control characters are what marks binary data
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\ufffd]/g;

/** Text has next to no control characters or undecodable bytes; an image, a zip or random bytes have many. */
function looksLikeText(text: string): boolean {
  if (text.includes('\u0000')) return false;
  const bad = text.match(CONTROL)?.length ?? 0;
  return bad <= Math.max(2, text.length * 0.001);
}

export function decodeTextBytes(bytes: Uint8Array): string {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    text = utf16WithoutBom(bytes) ?? utf8(bytes)?.replace(/^\uFEFF/, '') ?? lineByLine(bytes);
  }
  if (!looksLikeText(text)) throw new NotText();
  return text;
}

/** decodeTextBytes, refusing bytes that are no text with the caller's own error (in the caller's words). */
export function decodeTextOr(bytes: Uint8Array, refusal: () => Error): string {
  try {
    return decodeTextBytes(bytes);
  } catch (e) {
    if (e instanceof NotText) throw refusal();
    throw e;
  }
}

/** Line breaks as \n only: offsets and quotes are then the same on every platform. */
export function normalizeLineBreaks(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
