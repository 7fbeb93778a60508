import { AppError } from '../ipc/errors';
import { LIMITS } from './limits';
import { formatFileSize } from '../text/fileSize';
import { FORBIDDEN_KEYS, isForbiddenKey } from './forbiddenKeys';

/**
 * Parses untrusted JSON text (imported draft files, packs) with limits, so a hostile or broken
 * file fails with a Chinese message that names the problem instead of exhausting memory,
 * polluting prototypes downstream, or surfacing a V8 message the user cannot read.
 * Pure: no node imports, so the renderer can use it too.
 */
export interface SafeJsonOptions {
  maxBytes?: number;
  maxDepth?: number;
  /** Named in messages, e.g. 「草稿文件」. */
  label?: string;
}

/** The shared list (see forbiddenKeys.ts); kept under this name for existing callers. */
export const FORBIDDEN_JSON_KEYS: readonly string[] = FORBIDDEN_KEYS;

export function parseSafeJson(text: string, options: SafeJsonOptions = {}): unknown {
  const label = options.label ?? '文件';
  const maxBytes = options.maxBytes ?? LIMITS.draftFileBytes;
  const maxDepth = options.maxDepth ?? LIMITS.jsonDepth;

  // A UTF-16 code unit is at most 3 UTF-8 bytes (a surrogate pair, 2 units, is 4), so most texts
  // are surely under the limit without counting each character, which costs real time.
  const bytes = text.length * 3 <= maxBytes ? 0 : utf8ByteLength(text);
  if (bytes > maxBytes) {
    throw corrupt(`${label}过大：${formatFileSize(bytes)}，上限为 ${formatFileSize(maxBytes)}`);
  }
  // Editors on Windows often save a BOM; it is not part of the JSON.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw corrupt(`${label}是空的，没有任何内容`);

  checkDepth(body, maxDepth, label);

  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw corrupt(`${label}格式已损坏，无法读取：${locateSyntaxError(body)}`);
  }
  checkKeys(value, '', label);
  return value;
}

function corrupt(message: string): AppError {
  return new AppError('corrupt_file', message);
}

function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

function lineAndColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}

function where(text: string, index: number): string {
  const { line, column } = lineAndColumn(text, index);
  return `第 ${line} 行第 ${column} 列`;
}

/** Scans brackets outside strings before JSON.parse, so a nesting bomb is refused without building it. */
function checkDepth(text: string, maxDepth: number, label: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      depth++;
      if (depth > maxDepth) throw corrupt(`${label}嵌套层数超过 ${maxDepth} 层（${where(text, i)}）`);
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
}

function formatPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent === '' ? key : `${parent}.${key}`;
}

function checkKeys(value: unknown, path: string, label: string): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => checkKeys(item, formatPath(path, index), label));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const key of Object.keys(value)) {
    const keyPath = formatPath(path, key);
    if (isForbiddenKey(key)) {
      throw corrupt(`${label}包含不允许的键 ${key}（位置 ${keyPath}）`);
    }
    checkKeys((value as Record<string, unknown>)[key], keyPath, label);
  }
}

class JsonSyntax extends Error {
  constructor(
    readonly index: number,
    readonly problem: string,
  ) {
    super(problem);
  }
}

/**
 * V8's messages are English and do not always carry a position, so on failure the text is
 * re-read by a small validator whose only job is to say where and what, in Chinese.
 * Runs only after JSON.parse failed and after the depth check, so recursion is bounded.
 */
function locateSyntaxError(text: string): string {
  try {
    let i = skipWs(text, 0);
    i = readValue(text, i);
    i = skipWs(text, i);
    if (i < text.length) throw new JsonSyntax(i, '末尾有多余内容');
    return '格式错误';
  } catch (e) {
    if (e instanceof JsonSyntax) {
      if (e.index >= text.length) return `文件意外结束（${where(text, text.length)}）：${e.problem}`;
      return `${where(text, e.index)}${e.problem}`;
    }
    return '格式错误';
  }
}

function skipWs(text: string, i: number): number {
  while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++;
  return i;
}

function readValue(text: string, i: number): number {
  const c = text.charAt(i);
  if (c === '{') return readObject(text, i);
  if (c === '[') return readArray(text, i);
  if (c === '"') return readString(text, i);
  if (c === '-' || (c >= '0' && c <= '9')) return readNumber(text, i);
  for (const word of ['true', 'false', 'null']) {
    if (text.startsWith(word, i)) return i + word.length;
  }
  if (i >= text.length) throw new JsonSyntax(i, '缺少值');
  throw new JsonSyntax(i, `出现意外的字符「${c}」`);
}

function readObject(text: string, i: number): number {
  i = skipWs(text, i + 1);
  if (text.charAt(i) === '}') return i + 1;
  for (;;) {
    if (text.charAt(i) !== '"') throw new JsonSyntax(i, '应为用双引号括起的键名');
    i = skipWs(text, readString(text, i));
    if (text.charAt(i) !== ':') throw new JsonSyntax(i, '键名后应为冒号「:」');
    i = skipWs(text, readValue(text, skipWs(text, i + 1)));
    const c = text.charAt(i);
    if (c === '}') return i + 1;
    if (c !== ',') throw new JsonSyntax(i, '应为逗号「,」或右花括号「}」');
    i = skipWs(text, i + 1);
  }
}

function readArray(text: string, i: number): number {
  i = skipWs(text, i + 1);
  if (text.charAt(i) === ']') return i + 1;
  for (;;) {
    i = skipWs(text, readValue(text, i));
    const c = text.charAt(i);
    if (c === ']') return i + 1;
    if (c !== ',') throw new JsonSyntax(i, '应为逗号「,」或右方括号「]」');
    i = skipWs(text, i + 1);
  }
}

function readString(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 34) return j + 1;
    if (c === 92) {
      const e = text.charAt(j + 1);
      if (e === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) throw new JsonSyntax(j, '字符串中的 \\u 转义不正确');
        j += 5;
      } else if ('"\\/bfnrt'.includes(e) && e !== '') j++;
      else throw new JsonSyntax(j, '字符串中有不正确的转义');
    } else if (c < 0x20) throw new JsonSyntax(j, '字符串中有未转义的控制字符或换行');
  }
  throw new JsonSyntax(text.length, '字符串没有结束的双引号');
}

function readNumber(text: string, i: number): number {
  const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
  if (!match) throw new JsonSyntax(i, '数字格式不正确');
  return i + match[0].length;
}
