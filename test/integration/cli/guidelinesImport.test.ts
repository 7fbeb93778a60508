import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'bin/shenbao.mjs');
const SOURCE_PACK = join(ROOT, 'resources/guidelines/shuimogou-2020');

let base: string;
beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'shenbao-pack-import-'));
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

function shenbao(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, '--data-dir', join(base, 'data'), ...args], { cwd: base, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A copy of a built-in pack as a user would receive it: pack.json with its source text beside it. */
function packFiles(change: (pack: Record<string, unknown>) => void): string {
  const dir = join(base, 'incoming');
  mkdirSync(dir, { recursive: true });
  const pack = JSON.parse(readFileSync(join(SOURCE_PACK, 'pack.json'), 'utf8')) as Record<string, unknown>;
  change(pack);
  writeFileSync(join(dir, 'pack.json'), JSON.stringify(pack));
  writeFileSync(join(dir, 'source.txt'), readFileSync(join(SOURCE_PACK, 'source.txt')));
  return join(dir, 'pack.json');
}

const versionsOf = (id: string): string[] => {
  const list = JSON.parse(shenbao(['guidelines', '--json']).stdout) as { id: string; versions?: string[] }[];
  return list.find((g) => g.id === id)?.versions ?? [];
};

describe('shenbao guidelines import', () => {
  it('installs a new version beside the built-in one', () => {
    const file = packFiles((p) => (p.version = '1.1.0'));
    const r = shenbao(['guidelines', 'import', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已导入申报指南');
    expect(versionsOf('shuimogou-2020')).toEqual(['1.1.0', '1.0.0']);
  });

  it('refuses a pack citing clauses it does not have, names the paths, and installs nothing', () => {
    const file = packFiles((p) => {
      p.version = '1.2.0';
      p.clauses = (p.clauses as unknown[]).slice(0, 1);
    });
    const r = shenbao(['guidelines', 'import', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/引用了不存在的条款/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(versionsOf('shuimogou-2020')).toEqual(['1.0.0']);
    expect(readdirSync(join(base, 'data')).includes('packs') ? readdirSync(join(base, 'data', 'packs')) : []).toEqual([]);
  });

  it('refuses prototype-pollution keys before anything is written', () => {
    const file = packFiles((p) => (p.version = '1.3.0'));
    writeFileSync(file, readFileSync(file, 'utf8').replace('{', '{"__proto__":{"polluted":true},'));
    const r = shenbao(['guidelines', 'import', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('__proto__');
    expect(versionsOf('shuimogou-2020')).toEqual(['1.0.0']);
  });
});
