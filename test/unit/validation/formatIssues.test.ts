import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { contract } from '../../../shared/ipc/contract';
import { PackageManifestSchema } from '../../../shared/export/manifest';
import { DraftPatchSchema, DraftSchema } from '../../../shared/model/draft';
import { PackSchema } from '../../../shared/pack/pack';
import { describePath, describeZodError, formatIssues } from '../../../shared/validation/formatIssues';
import { KEY_LABELS, VALUE_LABELS } from '../../../shared/validation/keyLabels';

const ENGLISH = /[A-Za-z]{3,}/;
const messageOf = (schema: z.ZodType, value: unknown): string => {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error('expected a failure');
  return describeZodError(parsed.error);
};

describe('zod issues in Chinese, with the form’s labels', () => {
  it('the observed English messages now read in Chinese', () => {
    const save = contract.draftsSave.input;
    expect(messageOf(save, { id: '00000000-0000-4000-8000-000000000000', baseRevision: '3', patch: {} })).toBe('所依据的版本号：应为数字，实际是文字');
    expect(messageOf(z.object({ rules: z.array(z.string()).max(500) }), { rules: Array(501).fill('r') })).toBe('规则：不能超过 500 项');
  });

  it('names a known field by its label, an unknown one by its id, a table cell by row and column', () => {
    expect(messageOf(DraftPatchSchema, { values: { 'project.name': 'x'.repeat(200_001) } })).toBe('项目名称：不能超过 200000 个字符');
    expect(messageOf(DraftPatchSchema, { values: { 'pi.phone': {} } })).toMatch(/^项目负责人·手机：类型不正确，应为文字、数字、是或否、列表、空值之一$/);
    expect(messageOf(DraftPatchSchema, { values: { 'custom.x': {} } })).toMatch(/^填写内容 › 「custom\.x」：类型不正确/);
    expect(messageOf(DraftPatchSchema, { tables: { members: [{}, { name: {} }] } })).toBe('项目组主要成员 › 第 2 行 › 姓名：类型不正确，应为文字、数字、是或否、列表、空值之一');
  });

  it('record keys, missing keys, unknown keys, enums and formats', () => {
    expect(messageOf(DraftPatchSchema, { values: { '1bad': 'x' } })).toBe('填写内容 › 「1bad」：字段标识只能由字母、数字、下划线和点组成');
    expect(messageOf(DraftPatchSchema, { values: { 'a.constructor': 'x' } })).toBe('填写内容 › 「a.constructor」：不能使用「constructor」作为标识：它是程序内部保留的名称');
    expect(messageOf(contract.draftsRevisionGet.input, { id: '00000000-0000-4000-8000-000000000000' })).toBe('版本号：版本号必须是数字');
    expect(messageOf(contract.draftsList.input, { trash: true, extra: 1 })).toBe('有不认识的项：「extra」');
    expect(messageOf(z.object({ documentType: z.enum(['proposal', 'application']) }), { documentType: 'x' })).toBe('文书类型：只能是以下之一：「建议书」、「申报书」');
    expect(messageOf(z.object({ at: z.iso.datetime({ offset: true }) }), { at: 'yesterday' })).toBe('时间：应为带时区的日期时间，如 2026-01-31T08:00:00+08:00');
    expect(messageOf(z.object({ n: z.number().int().positive() }), {})).toBe('「n」：缺少此项');
  });

  it('a key named like an Object.prototype member is echoed, never looked up on the prototype', () => {
    expect(describePath(['toString', 'constructor', 'valueOf'])).toBe('「toString」 › 「constructor」 › 「valueOf」');
  });

  it('says how many problems there are beyond the first three', () => {
    const parsed = z.object({ a: z.string(), b: z.string(), c: z.string(), d: z.string() }).safeParse({});
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(formatIssues(parsed.error.issues)).toMatch(/，等 4 处问题$/);
  });

  it('every key of every schema a user can get an error from has a Chinese label, and every fixed value of a payload has one', () => {
    const keys = new Set<string>();
    const values = new Set<string>();
    const seen = new Set<unknown>();
    const walk = (schema: unknown, payload: boolean): void => {
      const def = (schema as { _zod?: { def?: Record<string, unknown> } })?._zod?.def;
      if (!def || seen.has(schema)) return;
      seen.add(schema);
      const inner = (key: string) => walk(def[key], payload);
      switch (def['type']) {
        case 'object':
          for (const [key, child] of Object.entries(def['shape'] as Record<string, unknown>)) {
            keys.add(key);
            walk(child, payload);
          }
          break;
        case 'optional': case 'nullable': case 'default': case 'readonly': case 'catch': case 'nonoptional': case 'prefault':
          inner('innerType');
          break;
        case 'array':
          inner('element');
          break;
        case 'record':
          inner('keyType');
          inner('valueType');
          break;
        case 'union':
          for (const o of def['options'] as unknown[]) walk(o, payload);
          break;
        case 'pipe':
          inner('in');
          inner('out');
          break;
        case 'lazy':
          walk((def['getter'] as () => unknown)(), payload);
          break;
        case 'enum':
          if (payload) for (const v of Object.values(def['entries'] as Record<string, string>)) values.add(String(v));
          break;
      }
    };
    for (const entry of Object.values(contract)) walk(entry.input, true);
    walk(DraftSchema, true);
    walk(PackageManifestSchema, false);
    walk(PackSchema, false);
    expect([...keys].filter((k) => KEY_LABELS[k] === undefined)).toEqual([]);
    expect([...values].filter((v) => VALUE_LABELS[v] === undefined)).toEqual([]);
    for (const label of [...Object.values(KEY_LABELS), ...Object.values(VALUE_LABELS)]) expect(label.replace(/Word|PDF/g, '')).not.toMatch(ENGLISH);
  });
});
