import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/errors';
import { LIMITS } from '../../../shared/model/limits';
import { parseSafeJson } from '../../../shared/model/safeJson';

function failure(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected a failure');
}

describe('parseSafeJson', () => {
  it('parses ordinary JSON, including CJK text and a leading BOM', () => {
    expect(parseSafeJson('\uFEFF{"a":[1,2,{"b":"申报书"}],"c":null}')).toEqual({ a: [1, 2, { b: '申报书' }], c: null });
  });

  it('names the line and column of a syntax error in Chinese', () => {
    const e = failure(() => parseSafeJson('{\n  "a": 1,\n  "b": }\n'));
    expect(e.code).toBe('corrupt_file');
    expect(e.message).toContain('文件格式已损坏，无法读取');
    expect(e.message).toContain('第 3 行第 8 列');
  });

  it('reports a truncated file as ending unexpectedly', () => {
    const e = failure(() => parseSafeJson('{"a": [1, 2'));
    expect(e.message).toContain('意外结束');
  });

  it('reports an unterminated string, trailing content and bad escapes', () => {
    expect(failure(() => parseSafeJson('{"a": "abc')).message).toContain('双引号');
    expect(failure(() => parseSafeJson('{"a": 1} x')).message).toContain('多余内容');
    expect(failure(() => parseSafeJson('{"a": "\\x"}')).message).toContain('转义');
  });

  it('rejects an empty file', () => {
    expect(failure(() => parseSafeJson('  ')).message).toContain('空的');
  });

  it.each(['__proto__', 'constructor', 'prototype'])('rejects the key %s anywhere and names its path', (key) => {
    const e = failure(() => parseSafeJson(`{"values":{"ok":1},"tables":{"t":[{"x":1},{"${key}":{"polluted":true}}]}}`));
    expect(e.code).toBe('corrupt_file');
    expect(e.message).toBe(`文件包含不允许的键 ${key}（位置 tables.t[1].${key}）`);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('rejects __proto__ at the top level with its path', () => {
    expect(failure(() => parseSafeJson('{"values":{"__proto__":1}}')).message).toContain('位置 values.__proto__');
  });

  it('accepts nesting up to the depth limit and refuses one level more, without building it', () => {
    const ok = '['.repeat(LIMITS.jsonDepth) + ']'.repeat(LIMITS.jsonDepth);
    expect(() => parseSafeJson(ok)).not.toThrow();
    const e = failure(() => parseSafeJson('['.repeat(LIMITS.jsonDepth + 1) + ']'.repeat(LIMITS.jsonDepth + 1)));
    expect(e.message).toContain(`嵌套层数超过 ${LIMITS.jsonDepth} 层`);
    const bomb = '['.repeat(1_000_000);
    expect(failure(() => parseSafeJson(bomb)).message).toContain('嵌套层数');
  });

  it('does not count brackets inside strings as nesting', () => {
    const text = JSON.stringify({ s: '['.repeat(100) + '{'.repeat(100) });
    expect(parseSafeJson(text)).toEqual({ s: '['.repeat(100) + '{'.repeat(100) });
  });

  it('measures the limit in UTF-8 bytes, not characters', () => {
    const text = JSON.stringify('申'.repeat(10)); // 30 bytes of CJK + 2 quotes
    expect(() => parseSafeJson(text, { maxBytes: 32 })).not.toThrow();
    const e = failure(() => parseSafeJson(text, { maxBytes: 31 }));
    expect(e.message).toContain('过大');
    expect(e.message).toContain('32 字节');
  });

  it('uses the label in messages', () => {
    expect(failure(() => parseSafeJson('{', { label: '草稿文件' })).message).toMatch(/^草稿文件格式已损坏，无法读取/);
  });
});
