import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { AppError } from '../../../shared/ipc/errors';
import { parseSafeJson } from '../../../shared/model/safeJson';
import { PackSchema, type Pack } from '../../../shared/pack/pack';
import { checkPackSemantics } from '../../../shared/pack/semantic';
import { contentHashOf } from './canonicalJson';
import type { PackCache } from './packCache';
import { formatIssue } from '../../../shared/validation/formatIssues';
import { expandPackSource } from '../../../shared/pack/packSource';

export const PACK_FILE = 'pack.json';
export const PACK_LIMITS = { packBytes: 8 * 1024 * 1024, sourceBytes: 4 * 1024 * 1024, depth: 40 } as const;
/** How many problems a message names before 「等」. */
const SHOWN_PROBLEMS = 5;

export interface LoadedPack {
  pack: Pack;
  /** sha256 of the canonical (sorted-keys) pack JSON. */
  contentHash: string;
  sourceText: string;
}

/** Thrown for a pack that fails parsing, the schema or the semantic checks; `problems` lists every path. */
export class PackError extends AppError {
  constructor(
    message: string,
    readonly problems: string[],
  ) {
    super('invalid_input', message);
  }
}

function problemsMessage(label: string, problems: string[]): string {
  const shown = problems.slice(0, SHOWN_PROBLEMS).join('；');
  const more = problems.length > SHOWN_PROBLEMS ? `；等共 ${problems.length} 处问题` : '';
  return `${label}有误：${shown}${more}`;
}

export function zodProblems(error: z.ZodError): string[] {
  return error.issues.map(formatIssue);
}

function parsePackJson(packJsonText: string, label: string): unknown {
  try {
    return parseSafeJson(packJsonText, { maxBytes: PACK_LIMITS.packBytes, maxDepth: PACK_LIMITS.depth, label });
  } catch (e) {
    const message = e instanceof Error ? e.message : `${label}格式已损坏，无法读取`;
    throw new PackError(message, [message]);
  }
}

/** Schema and semantic checks of an already safely parsed pack value. */
function validatePackValue(raw: unknown, sourceText: string, label: string): LoadedPack {
  if (sourceText.length > PACK_LIMITS.sourceBytes) throw new PackError(`${label}的原文过大`, ['来源：原文过大']);
  // Named conditions and contacts are written once in the file and expanded before any check.
  const source = expandPackSource(raw);
  if (source.problems.length > 0) throw new PackError(problemsMessage(label, source.problems), source.problems);
  const parsed = PackSchema.safeParse(source.value);
  if (!parsed.success) {
    const problems = zodProblems(parsed.error);
    throw new PackError(problemsMessage(label, problems), problems);
  }
  const problems = checkPackSemantics(parsed.data, sourceText);
  if (problems.length > 0) throw new PackError(problemsMessage(label, problems), problems);
  return { pack: parsed.data, contentHash: contentHashOf(raw), sourceText };
}

/** Parses and fully validates a pack from its texts. Throws PackError (Chinese, with paths). */
export function loadPackFromText(packJsonText: string, sourceText: string, label = '指南包'): LoadedPack {
  return validatePackValue(parsePackJson(packJsonText, label), sourceText, label);
}

const SOURCE_FILE_NAME = /^[A-Za-z0-9._-]+\.txt$/;

/**
 * Loads `<dir>/pack.json` and the source text file it names, beside it. With a cache (the built
 * CLI and browser-mode host), a pack checked before with the same texts is not checked again.
 */
export function loadPackDir(dir: string, cache: PackCache | null = null): LoadedPack {
  const label = `指南包 ${path.basename(dir)}`;
  let packText: string;
  try {
    packText = readFileSync(path.join(dir, PACK_FILE), 'utf8');
  } catch {
    throw new PackError(`${label}缺少 ${PACK_FILE}`, [`${PACK_FILE}：文件不存在或无法读取`]);
  }
  const cached = cache?.get(packText, (file) => {
    if (!SOURCE_FILE_NAME.test(file)) throw new Error('not a source file name');
    return readFileSync(path.join(dir, file), 'utf8');
  });
  if (cached) return cached;
  const raw = parsePackJson(packText, label);
  // The source file name comes from the pack; it must be a plain file name so it stays beside pack.json.
  const file = (raw as { source?: { file?: unknown } } | null)?.source?.file;
  let sourceText = '';
  const sourceFile = typeof file === 'string' && SOURCE_FILE_NAME.test(file) ? file : null;
  if (sourceFile !== null) {
    try {
      sourceText = readFileSync(path.join(dir, sourceFile), 'utf8');
    } catch {
      throw new PackError(`${label}缺少原文文件 ${sourceFile}`, [`来源 › 文件：找不到原文文件 ${sourceFile}`]);
    }
  }
  const loaded = validatePackValue(raw, sourceText, label);
  cache?.set(packText, sourceFile, sourceText, loaded);
  return loaded;
}
