import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPackRegistry } from '../../../electron/services/packs/registry';
import { blankDraftFor } from '../../support/drafts';
import { qinghePackJson, QINGHE_TEXT } from '../../support/qinghePack';

const ROOT = resolve(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'bin/shenbao.mjs');

let base: string;
const shenbao = (args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, '--data-dir', join(base, 'data'), ...args], { cwd: base, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'shenbao-migrate-cli-'));
  const packs = openPackRegistry({ dataDir: join(base, 'data'), builtinDir: null });
  packs.importPack(qinghePackJson('1.0.0'), QINGHE_TEXT);
  packs.importPack(
    qinghePackJson('1.1.0', (pack) => {
      pack.template = { ...pack.template, dropFields: ['project.keywords', 'pi.email'], addFields: [...(pack.template?.addFields ?? []), { section: 'basic', field: { id: 'project.topics', kind: 'text', label: '主题词', renamedFrom: ['project.keywords'] } }] };
    }),
    QINGHE_TEXT,
  );
  const draft = blankDraftFor('qinghe-2026', '1.0.0', 'main');
  draft.values['project.keywords'] = '智能制造';
  draft.values['pi.email'] = 'pi@example.com';
  writeFileSync(join(base, 'draft.json'), JSON.stringify(draft));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('shenbao drafts migrate', () => {
  it('--dry-run prints the report and leaves the file as it was', () => {
    const before = readFileSync(join(base, 'draft.json'), 'utf8');
    const r = shenbao(['drafts', 'migrate', 'draft.json', '--to', '1.1.0', '--dry-run']);
    expect(r.stderr.replace(/^申报通命令行：正在构建.*\n/m, '')).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('升级报告：指南包 qinghe-2026 1.0.0 版 → 1.1.0 版');
    expect(r.stdout).toContain('  关键词 → 主题词（内容随之移过去）');
    expect(r.stdout).toContain('  电子邮箱：pi@example.com（当前版本的申报书没有这一项）');
    expect(r.stdout).toContain('（--dry-run：未做任何修改）');
    expect(readFileSync(join(base, 'draft.json'), 'utf8')).toBe(before);
  });

  it('upgrades a stored draft in one revision, and the file in place, printing the same report', () => {
    const imported = shenbao(['drafts', 'import', 'draft.json']);
    const id = /已导入草稿 ([0-9a-f-]{36})/.exec(imported.stdout)?.[1];
    expect(id, imported.stdout + imported.stderr).toBeDefined();
    const stored = shenbao(['drafts', 'migrate', id!, '--to', '1.1.0']);
    expect(stored.code, stored.stderr).toBe(0);
    expect(stored.stdout).toContain('  关键词 → 主题词（内容随之移过去）');
    expect(stored.stdout).toMatch(/已升级到 1\.1\.0 版（草稿第 2 版）；升级前的内容保存在第 1 版/);

    const file = shenbao(['drafts', 'migrate', 'draft.json', '--to', '1.1.0']);
    expect(file.code, file.stderr).toBe(0);
    const upgraded = JSON.parse(readFileSync(join(base, 'draft.json'), 'utf8'));
    expect(upgraded.guideline.packVersion).toBe('1.1.0');
    expect(upgraded.values).toMatchObject({ 'project.topics': '智能制造', 'pi.email': 'pi@example.com' });
    expect(upgraded.values['project.keywords']).toBeUndefined();
  });

  it('refuses an older version in Chinese', () => {
    const r = shenbao(['drafts', 'migrate', 'draft.json', '--to', '0.1.0']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('只能升级到比');
  });
});
