import { readFileSync, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { LIMITS } from '../../shared/model/limits';
import { decodeTextOr } from '../../shared/text/decodeText';
import { badInput } from './errors';

/** File helpers for commands: every failure becomes one Chinese line with exit code 2. */

function describeFsError(e: unknown): string {
  switch ((e as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return '文件不存在';
    case 'EISDIR':
      return '这是一个目录，不是文件';
    case 'EACCES':
    case 'EPERM':
      return '没有读取权限';
    default:
      return '无法读取';
  }
}

/**
 * Reads a file's bytes, refusing a directory or anything over `maxBytes` before reading.
 * Synchronous on purpose: a command reads its inputs one after another anyway, and each
 * asynchronous stat/open/read/close is a thread-pool round trip (`validate` of 200 files paid
 * about a tenth of its time waiting on them).
 */
export async function readBinaryFile(path: string, what: string, maxBytes: number): Promise<Buffer> {
  const full = resolve(path);
  let size: number;
  try {
    const info = statSync(full);
    if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    size = info.size;
  } catch (e) {
    throw badInput(`无法读取${what} ${path}：${describeFsError(e)}`);
  }
  if (size > maxBytes) throw badInput(`${what}过大（超过 ${Math.floor(maxBytes / 1024 / 1024)} MB）：${path}`);
  try {
    return readFileSync(full);
  } catch (e) {
    throw badInput(`无法读取${what} ${path}：${describeFsError(e)}`);
  }
}

/**
 * Reads a text file no larger than the draft-file limit, in whichever encoding another tool saved it
 * (UTF-8 with or without BOM, UTF-16, GBK), as the app's own import does; bytes that are no text are
 * refused rather than read as mojibake.
 */
export async function readTextFile(path: string, what: string): Promise<string> {
  const bytes = await readBinaryFile(path, what, LIMITS.draftFileBytes);
  return decodeTextOr(bytes, () => badInput(`${what}不是文本文件（可能是图片、压缩包等其他格式）：${path}`));
}

function parsesSoFar(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return true;
  } catch (e) {
    // "Incomplete" is reported either as "Unexpected end" or as an error positioned at the very end.
    const message = (e as Error).message;
    if (/Unexpected end of JSON input/.test(message)) return true;
    const position = /at position (\d+)/.exec(message)?.[1];
    return position !== undefined && Number(position) >= prefix.length;
  }
}

/**
 * The 1-based line of the first JSON syntax error. V8's messages do not always carry a position,
 * so we search for the shortest prefix that is wrong rather than merely incomplete.
 */
export function jsonErrorLine(text: string): number {
  let lo = 0;
  let hi = text.length;
  if (parsesSoFar(text)) return text.split('\n').length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (parsesSoFar(text.slice(0, mid + 1))) lo = mid + 1;
    else hi = mid;
  }
  return text.slice(0, lo).split('\n').length;
}

/** Parses JSON or fails with `<what>不是有效的 JSON（第 N 行）`. */
export function parseJsonText(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw badInput(`${what}格式已损坏，无法读取（第 ${jsonErrorLine(text)} 行）`);
  }
}

/** An output path is accepted only inside an existing directory: we never create folders by accident. */
export async function checkOutputPath(path: string): Promise<string> {
  const full = resolve(path);
  const dir = dirname(full);
  const dirInfo = await stat(dir).catch(() => null);
  if (dirInfo === null || !dirInfo.isDirectory()) throw badInput(`目标目录不存在：${dir}`);
  const targetInfo = await stat(full).catch(() => null);
  if (targetInfo?.isDirectory()) throw badInput(`--out 应为文件路径，而 ${path} 是一个目录`);
  return full;
}
