import './zodLocale';
import type { z } from 'zod';
import { columnLabel, fieldLabel } from './fieldLabels';
import { issueMessage } from './issueMessage';
import { keyLabel } from './keyLabels';

/**
 * zod issues → one Chinese line naming where and what: 「项目名称：不能超过 60 个字符；…」. Paths
 * are told with the form's labels where the field is known, with Chinese key names otherwise;
 * only ids the user supplied (a field id, a file name) are echoed as they are. Pure: the
 * renderer, the services, the HTTP API and the CLI all use this one formatter.
 */

type Issue = z.core.$ZodIssue;
type PathKey = PropertyKey;

const CJK = /[\u3400-\u9fff]/;
/** Records whose keys are field ids. */
const FIELD_RECORDS = new Set(['values', 'tables', 'attachments', 'declarations']);

function segmentLabel(key: PathKey): string {
  if (typeof key === 'number') return `第 ${key + 1} 项`;
  const text = String(key);
  return keyLabel(text) ?? `「${text}」`;
}

/** The path in words. Once a known field is reached, the containers before it are left out. */
export function describePath(path: readonly PathKey[]): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    const parent = i > 0 ? path[i - 1] : undefined;
    if (typeof parent === 'string' && FIELD_RECORDS.has(parent) && typeof key === 'string') {
      const label = fieldLabel(key);
      if (label !== undefined) {
        parts.length = 0;
        parts.push(label);
      } else {
        parts.push(`「${key}」`);
      }
      if (parent === 'tables') {
        const row = path[i + 1];
        const column = path[i + 2];
        if (typeof row === 'number') {
          parts.push(`第 ${row + 1} 行`);
          if (typeof column === 'string') parts.push(columnLabel(key, column) ?? `「${column}」`);
          i += typeof column === 'string' ? 2 : 1;
        }
      }
      continue;
    }
    parts.push(segmentLabel(key));
  }
  return parts.join(' › ');
}

/** A union failed: the branch that got furthest says what is wrong, else the types are listed. */
function unionIssue(issue: Issue & { code: 'invalid_union' }): { path: PathKey[]; message: string } {
  const branches = (issue.errors ?? []).filter((b) => b.length > 0);
  const deeper = branches.find((b) => b.some((i) => i.code !== 'invalid_type' && i.code !== 'invalid_value' || i.path.length > 0));
  if (deeper) {
    const inner = resolve(deeper.find((i) => i.code !== 'invalid_type' && i.code !== 'invalid_value' || i.path.length > 0)!);
    return { path: [...issue.path, ...inner.path], message: inner.message };
  }
  const expected = [...new Set(branches.flatMap((b) => b.filter((i) => i.code === 'invalid_type').map((i) => (i as { expected: string }).expected)))];
  if (expected.length > 0 && expected.length === branches.length) {
    const names = expected.map((e) => issueMessage({ code: 'invalid_type', expected: e, path: [], message: '' } as Issue).replace(/^应为/, ''));
    return { path: issue.path, message: `类型不正确，应为${names.join('、')}之一` };
  }
  return { path: issue.path, message: chinese(issue) };
}

function chinese(issue: Issue): string {
  return CJK.test(issue.message) ? issue.message : issueMessage(issue);
}

function resolve(issue: Issue): { path: PathKey[]; message: string } {
  if (issue.code === 'invalid_union') return unionIssue(issue);
  if ((issue.code === 'invalid_key' || issue.code === 'invalid_element') && issue.issues.length > 0) {
    const inner = resolve(issue.issues[0]!);
    return { path: [...issue.path, ...inner.path], message: inner.message };
  }
  return { path: issue.path, message: chinese(issue) };
}

/** One issue as 「位置：问题」 (or just the problem when it concerns the whole input). */
export function formatIssue(issue: Issue): string {
  const { path, message } = resolve(issue);
  return path.length > 0 ? `${describePath(path)}：${message}` : message;
}

export function formatIssues(issues: readonly Issue[], limit = 3): string {
  const parts = issues.slice(0, limit).map(formatIssue);
  const more = issues.length > limit ? `，等 ${issues.length} 处问题` : '';
  return parts.join('；') + more;
}

export function describeZodError(error: z.ZodError, limit = 3): string {
  return formatIssues(error.issues, limit);
}
