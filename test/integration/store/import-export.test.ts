import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../../electron/services/index';
import { draftFileName, sanitizeFileBase } from '../../../electron/services/drafts/exportFileName';
import { AppError } from '../../../shared/ipc/errors';
import { LIMITS } from '../../../shared/model/limits';
import { dumpDatabase, makeTempDir, manualClock } from '../../support/tempStore';

function appError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected an AppError');
}

describe('draft import and export', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let services: Services;

  beforeEach(() => {
    temp = makeTempDir();
    services = openServices({ dataDir: temp.dir, mode: 'test', now: manualClock().now });
  });
  afterEach(() => {
    services.close();
    temp.cleanup();
  });

  function exportedSample(): { id: string; content: string; fileName: string } {
    const { draft } = services.drafts.create({ title: '水磨沟区科技惠民项目' });
    services.drafts.save({ id: draft.id, baseRevision: 1, patch: { values: { 'pi.name': '王五', 'budget.fiscal': 300_000 }, tables: { members: [{ name: '赵六' }] } } });
    return { id: draft.id, ...services.drafts.export(draft.id) };
  }

  it('exports pretty JSON of the stored draft with a sanitized file name', () => {
    const { id, content, fileName } = exportedSample();
    expect(fileName).toBe('水磨沟区科技惠民项目.shenbao.json');
    expect(JSON.parse(content)).toEqual(services.drafts.get(id).draft);
    expect(content).toContain('\n  "format": "shenbao-draft"');
  });

  it('round-trips export → import; an existing id becomes a new draft with a new id', () => {
    const { id, content } = exportedSample();
    const imported = services.drafts.import(content);
    expect(imported.draft.id).not.toBe(id);
    expect({ ...imported.draft, id }).toEqual(services.drafts.get(id).draft);
    expect(imported.revision).toBe(1);
    expect(services.drafts.get(imported.draft.id)).toEqual(imported);
  });

  it('imports into an empty store with the file id and status as in the file', () => {
    const { id } = exportedSample();
    services.drafts.setStatus({ id, status: 'final' });
    const { content } = services.drafts.export(id);
    services.drafts.delete(id);
    services.drafts.purge(id);
    const imported = services.drafts.import(content);
    expect(imported.draft.id).toBe(id);
    expect(imported.draft.status).toBe('final');
    expect(JSON.stringify(imported.draft, null, 2) + '\n').toBe(content);
  });

  const rejected: [string, () => string, RegExp][] = [
    ['a corrupt file', () => '{"format": "shenbao-draft", "id": ', /草稿文件格式已损坏，无法读取：文件意外结束（第 1 行第 35 列）/],
    ['a foreign JSON file', () => JSON.stringify({ name: 'package', version: '1.0.0' }), /不是申报通草稿文件：文件里没有申报通草稿的标记/],
    ['a JSON array', () => '[1,2,3]', /不是申报通草稿文件/],
    ['a JSON with __proto__', () => exportedProto(), /不允许的键 __proto__（位置 values.__proto__）/],
    ['a too-deep JSON', () => `{"format":"shenbao-draft","values":${'['.repeat(LIMITS.jsonDepth + 5)}${']'.repeat(LIMITS.jsonDepth + 5)}}`, /嵌套层数超过 32 层/],
    ['a draft failing the schema', () => exportedWith({ status: 'published' }), /草稿文件内容不符合格式：状态：只能是以下之一：「编辑中」、「定稿」/],
    ['a newer format version', () => exportedWith({ formatVersion: 9 }), /格式版本 9 比本程序新/],
  ];
  let sample = '';
  function exportedWith(changes: Record<string, unknown>): string {
    return JSON.stringify({ ...JSON.parse(sample), ...changes });
  }
  function exportedProto(): string {
    return sample.replace('"values": {', '"values": {\n    "__proto__": {"polluted": true},');
  }

  it.each(rejected)('rejects %s with a message naming the problem, and writes nothing', (_label, make, message) => {
    sample = exportedSample().content;
    const before = dumpDatabase(services.db);
    const e = appError(() => services.drafts.import(make()));
    expect(e.code).toBe('corrupt_file');
    expect(e.message).toMatch(message);
    expect(dumpDatabase(services.db)).toBe(before);
  });

  it('sanitizes export file names', () => {
    expect(draftFileName('../../etc/passwd')).toBe('_.._etc_passwd.shenbao.json');
    expect(sanitizeFileBase('报告\u202Efdp.exe')).toBe('报告fdp.exe');
    expect(sanitizeFileBase('a\u0000b\nc\td')).toBe('abcd');
    expect(sanitizeFileBase('CON')).toBe('_CON');
    expect(sanitizeFileBase('lpt1.txt')).toBe('_lpt1.txt');
    expect(sanitizeFileBase('  . 名称 .. ')).toBe('名称');
    expect(sanitizeFileBase('a:b*c?"d<e>f|g')).toBe('a_b_c__d_e_f_g');
    expect(sanitizeFileBase('\u202E')).toBe('未命名申报书');
    expect(Array.from(sanitizeFileBase('项'.repeat(500)))).toHaveLength(80);
  });
});
