import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findBuiltinGuidelinesDir, openPackRegistry } from '../../../electron/services/packs/registry';
import { PackError } from '../../../electron/services/packs/loadPack';
import { canonicalJson, contentHashOf } from '../../../electron/services/packs/canonicalJson';
import { makePack } from '../../unit/rules/helpers';

const SOURCE = '二、申报要求（一）申报单位须在本区注册。';
const packText = (version: string, extra: Record<string, unknown> = {}) => JSON.stringify({ ...makePack([]), version, ...extra });

describe('pack registry', () => {
  let dataDir: string;
  let builtinDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'shenbao-packs-'));
    builtinDir = path.join(dataDir, 'none');
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('imports a pack, keeps versions side by side, and lists the latest', () => {
    const registry = openPackRegistry({ builtinDir, dataDir });
    expect(registry.list()).toEqual([]);
    const first = registry.importPack(packText('1.0.0'), SOURCE);
    expect(first).toMatchObject({ id: 'test-pack', version: '1.0.0', origin: 'imported', year: 2020 });
    expect(first.programs[0]).toMatchObject({ id: 'p1', accepting: true, window: { closes: '2020-03-30T18:00:00+08:00' } });
    registry.importPack(packText('1.10.0'), SOURCE);
    registry.importPack(packText('1.2.0'), SOURCE);
    expect(registry.list().map((s) => [s.version, s.versions])).toEqual([['1.10.0', ['1.10.0', '1.2.0', '1.0.0']]]);
    expect(registry.get('test-pack', '1.0.0')?.version).toBe('1.0.0');
    expect(registry.programLabel('test-pack', 'p1')).toEqual({ packTitle: '测试指南', programName: '测试专项' });
    // Re-importing the same content is a no-op; different content under the same version is refused.
    expect(registry.importPack(packText('1.0.0'), SOURCE).version).toBe('1.0.0');
    expect(() => registry.importPack(packText('1.0.0', { title: '改过的标题' }), SOURCE)).toThrow(/已安装且内容不同/);
    // A fresh registry over the same data dir finds everything again.
    const reopened = openPackRegistry({ builtinDir, dataDir });
    expect(reopened.list()[0]?.versions).toEqual(['1.10.0', '1.2.0', '1.0.0']);
    expect(readFileSync(path.join(dataDir, 'packs/test-pack/1.0.0/source.txt'), 'utf8')).toBe(SOURCE);
  });

  it('validates the draft against its own version, or warns when only another is installed', () => {
    const registry = openPackRegistry({ builtinDir, dataDir });
    registry.importPack(packText('1.0.0'), SOURCE);
    registry.importPack(packText('2.0.0'), SOURCE);
    const g = { packId: 'test-pack', programId: 'p1', directionPath: [], documentType: 'application' as const };
    expect(registry.packForDraft({ ...g, packVersion: '1.0.0' })).toMatchObject({ warning: null, installed: { pack: { version: '1.0.0' } } });
    const other = registry.packForDraft({ ...g, packVersion: '1.5.0' });
    expect(other?.installed.pack.version).toBe('2.0.0');
    expect(other?.warning).toContain('1.5.0');
    expect(registry.packForDraft({ ...g, packId: 'nope', packVersion: '1.0.0' })).toBeUndefined();
  });

  it('refuses bad packs with the paths of the problems and changes nothing', () => {
    const registry = openPackRegistry({ builtinDir, dataDir });
    const bad = [
      ['not json', '{'],
      ['prototype key', '{"__proto__": {"x": 1}}'],
      ['schema', JSON.stringify({ ...makePack([]), version: 'v1' })],
      ['semantic', JSON.stringify(makePack([{ id: 'r', kind: 'required', field: 'project.name', severity: 'error', message: 'm', clause: 'cg-2-9' }]))],
      ['quote', packText('1.0.0')],
    ] as const;
    const messages = bad.map(([, text], i) => {
      try {
        registry.importPack(text, i === 4 ? '别的原文' : SOURCE);
        return 'accepted';
      } catch (e) {
        expect(e).toBeInstanceOf(PackError);
        return (e as Error).message;
      }
    });
    expect(messages[0]).toContain('格式已损坏，无法读取');
    expect(messages[1]).toContain('__proto__');
    expect(messages[2]).toContain('版本：版本号格式应为 1.0.0');
    expect(messages[3]).toContain('programs.0.rules.0.clause：引用了不存在的条款 cg-2-9');
    expect(messages[4]).toContain('clauses.0.quote');
    expect(registry.list()).toEqual([]);
    expect(existsSync(path.join(dataDir, 'packs')) ? readdirSync(path.join(dataDir, 'packs')) : []).toEqual([]);
  });

  it('hashes the canonical JSON (key order does not matter)', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
    expect(contentHashOf({ b: 1, a: 2 })).toBe(contentHashOf({ a: 2, b: 1 }));
  });

  it('finds the built-in packs of the repository', () => {
    const dir = findBuiltinGuidelinesDir();
    expect(dir).not.toBeNull();
    const registry = openPackRegistry({ dataDir });
    expect(registry.list().length).toBeGreaterThan(0);
    expect(registry.list().every((s) => s.origin === 'builtin')).toBe(true);
  });
});
