import type { z } from 'zod';
import { formatFileSize } from '../text/fileSize';
import { valueLabelOf } from './keyLabels';

/**
 * One zod issue as a Chinese sentence, without its path. Used as zod's error map (so every
 * message zod builds is Chinese, see zodLocale.ts) and as the fallback for any issue whose message
 * is not Chinese. zod's own zh-CN locale still prints `string`, `array`, `origin` and regexes,
 * which is why the app has its own words here.
 */

type RawIssue = z.core.$ZodRawIssue | z.core.$ZodIssue;

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: '是或否',
  array: '列表',
  tuple: '列表',
  object: '一组内容',
  record: '一组内容',
  map: '一组内容',
  set: '列表',
  date: '日期',
  null: '空值',
  undefined: '空',
  file: '文件',
  nan: '非数字',
  function: '函数',
  symbol: '符号',
};

function typeName(expected: string): string {
  return TYPE_NAMES[expected] ?? '正确的类型';
}

function receivedName(input: unknown): string {
  if (input === null) return '空值';
  if (Array.isArray(input)) return '列表';
  if (typeof input === 'number' && Number.isNaN(input)) return '非数字';
  return TYPE_NAMES[typeof input] ?? '其他类型';
}

const FORMAT_NAMES: Record<string, string> = {
  uuid: '编号格式不正确',
  guid: '编号格式不正确',
  datetime: '应为带时区的日期时间，如 2026-01-31T08:00:00+08:00',
  date: '应为日期，如 2026-01-31',
  time: '应为时间，如 08:30',
  email: '应为电子邮箱地址',
  url: '应为网址',
  base64: '编码不正确',
  base64url: '编码不正确',
  ipv4: '应为网络地址',
  ipv6: '应为网络地址',
};

function sizeText(origin: string, amount: number | bigint): string {
  const n = Number(amount);
  if (origin === 'string') return `${n} 个字符`;
  if (origin === 'file') return formatFileSize(n);
  if (origin === 'array' || origin === 'set') return `${n} 项`;
  return String(amount);
}

function valueLabel(value: unknown): string | null {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string' || typeof value === 'boolean') return valueLabelOf(String(value)) ?? null;
  return null;
}

function invalidValue(values: readonly unknown[], input: unknown): string {
  const labels = values.map(valueLabel);
  if (labels.every((l): l is string => l !== null)) {
    return labels.length === 1 ? `应为「${labels[0]}」` : `只能是以下之一：${labels.map((l) => `「${l}」`).join('、')}`;
  }
  if (typeof input === 'string' && input.length <= 60) return `「${input}」不是可用的取值`;
  return '取值不在允许范围内';
}

function tooBig(issue: { origin: string; maximum: number | bigint; inclusive?: boolean; exact?: boolean }): string {
  const { origin, maximum, inclusive, exact } = issue;
  if (exact) return `应为 ${sizeText(origin, maximum)}`;
  if (origin === 'string' || origin === 'array' || origin === 'set' || origin === 'file') return `不能超过 ${sizeText(origin, maximum)}`;
  if (origin === 'date') return '日期过晚';
  return inclusive === false ? `应小于 ${maximum}` : `不能大于 ${maximum}`;
}

function tooSmall(issue: { origin: string; minimum: number | bigint; inclusive?: boolean; exact?: boolean }): string {
  const { origin, minimum, inclusive, exact } = issue;
  if (exact) return `应为 ${sizeText(origin, minimum)}`;
  if (origin === 'string') return Number(minimum) <= 1 ? '不能为空' : `至少 ${sizeText(origin, minimum)}`;
  if (origin === 'array' || origin === 'set') return Number(minimum) <= 1 ? '至少要有一项' : `至少 ${sizeText(origin, minimum)}`;
  if (origin === 'file') return `至少 ${sizeText(origin, minimum)}`;
  if (origin === 'date') return '日期过早';
  return inclusive === false ? `应大于 ${minimum}` : `不能小于 ${minimum}`;
}

export function issueMessage(issue: RawIssue): string {
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return '应为整数';
      if (input === undefined && 'input' in issue) return '缺少此项';
      return 'input' in issue ? `应为${typeName(issue.expected)}，实际是${receivedName(input)}` : `应为${typeName(issue.expected)}`;
    case 'too_big':
      return tooBig(issue);
    case 'too_small':
      return tooSmall(issue);
    case 'invalid_format':
      if (issue.format === 'starts_with') return `应以「${String((issue as { prefix?: string }).prefix)}」开头`;
      if (issue.format === 'ends_with') return `应以「${String((issue as { suffix?: string }).suffix)}」结尾`;
      if (issue.format === 'includes') return `应包含「${String((issue as { includes?: string }).includes)}」`;
      return FORMAT_NAMES[issue.format] ?? '格式不正确';
    case 'not_multiple_of':
      return `应为 ${issue.divisor} 的整数倍`;
    case 'unrecognized_keys':
      return `有不认识的项：${issue.keys.map((k) => `「${k}」`).join('、')}`;
    case 'invalid_key':
      return '键名不正确';
    case 'invalid_element':
      return '其中有不正确的值';
    case 'invalid_value':
      return invalidValue(issue.values, input);
    case 'invalid_union':
      return '类型或格式不正确';
    default:
      return '内容不正确';
  }
}
