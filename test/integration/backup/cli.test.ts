import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import { openServices } from '../../../electron/services/index';
import { makeTempDir } from '../../support/tempStore';
import { backupNames, DB_FILE, projectName, storeWithDraft } from './helpers';

const BIN = path.resolve(import.meta.dirname, '../../../bin/shenbao.mjs');

async function shenbao(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {} }, (dir) => openServices({ dataDir: dir, mode: 'cli' }));
  return { code, stdout, stderr };
}

describe('shenbao backup list|create|restore', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (temp = makeTempDir()));
  afterEach(() => temp.cleanup());

  it('creates, lists and restores by name or --latest', async () => {
    const { services, id } = storeWithDraft(temp.dir, '命令行备份');
    services.close();
    const created = await shenbao(['backup', 'create', '--data-dir', temp.dir]);
    expect(created).toMatchObject({ code: 0, stderr: '' });
    // Opening a store with data and no backup also takes the daily one.
    const name = backupNames(temp.dir).find((n) => n.endsWith('-manual.db'));
    expect(backupNames(temp.dir).find((n) => n.endsWith('-daily.db'))).toBeDefined();
    expect(created.stdout).toContain(name);
    expect(created.stdout).toContain('已通过完整性检查');

    const listed = await shenbao(['backup', 'list', '--data-dir', temp.dir]);
    expect(listed.stdout).toMatch(new RegExp(`${name!.replaceAll('.', '\\.')}\\s+\\S+ \\S+\\s+手动\\s+[\\d.]+ (?:字节|KB|MB)\\s+完好`));
    const json = JSON.parse((await shenbao(['backup', 'list', '--json', '--data-dir', temp.dir])).stdout) as { keepCount: number; backups: unknown[] };
    expect(json.keepCount).toBe(10);
    expect(json.backups).toEqual(expect.arrayContaining([expect.objectContaining({ name, reason: 'manual', verified: true }), expect.objectContaining({ reason: 'daily', verified: true })]));

    const changed = openServices({ dataDir: temp.dir, mode: 'test' });
    changed.drafts.save({ id, baseRevision: 2, patch: { values: { 'project.name': '改过了' } } });
    changed.close();
    const restored = await shenbao(['backup', 'restore', name!, '--data-dir', temp.dir]);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/已从 .* 恢复\n恢复前的数据已备份为 shenbao-.*-before-restore\.db/);
    const after = openServices({ dataDir: temp.dir, mode: 'test' });
    expect(projectName(after, id)).toBe('命令行备份');
    after.close();

    // --latest is the newest that passes integrity_check: now the 恢复前 one.
    const latest = await shenbao(['backup', 'restore', '--latest', '--data-dir', temp.dir]);
    expect(latest.stdout).toMatch(/已从 shenbao-.*-before-restore\.db 恢复/);
  });

  it('refuses a bad name or both a name and --latest, in one Chinese line', async () => {
    openServices({ dataDir: temp.dir, mode: 'test' }).close();
    expect(await shenbao(['backup', 'restore', '../shenbao.db', '--data-dir', temp.dir])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^错误：.*备份名称格式不正确/) });
    expect(await shenbao(['backup', 'restore', '--data-dir', temp.dir])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^错误：缺少参数/) });
    expect(await shenbao(['backup', 'restore', 'shenbao-20260101-000000-manual.db', '--latest', '--data-dir', temp.dir])).toMatchObject({ code: 2 });
    expect(await shenbao(['backup', 'restore', '--latest', '--data-dir', temp.dir])).toMatchObject({ code: 1, stderr: '错误：没有可用的完好备份\n' });
  });

  it('on a damaged store the real command says what happened and how to restore', async () => {
    const { services, id } = storeWithDraft(temp.dir, '命令行恢复');
    services.backups.create('manual');
    services.close();
    writeFileSync(path.join(temp.dir, DB_FILE), 'not a database'.repeat(100));
    const listed = spawnSync(process.execPath, [BIN, 'drafts', 'list', '--data-dir', temp.dir], { encoding: 'utf8', env: { ...process.env, SHENBAO_DATA_DIR: '' }, timeout: 60_000 });
    expect(listed.stdout).toContain('还没有草稿');
    expect(listed.stderr).toContain('已原样移到');
    expect(listed.stderr).toContain(path.join(temp.dir, 'corrupt'));
    expect(listed.stderr).toContain('shenbao backup restore --latest');
    const restored = await shenbao(['backup', 'restore', '--latest', '--data-dir', temp.dir]);
    expect(restored.code).toBe(0);
    const after = openServices({ dataDir: temp.dir, mode: 'test' });
    expect(projectName(after, id)).toBe('命令行恢复');
    expect(after.backups.pendingRecovery()).toBeNull();
    after.close();
  });
});
