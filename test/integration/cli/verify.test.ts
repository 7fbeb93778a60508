import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renameEntryBytes, unzip, zipOf } from '../package/zipTools';
import { draftFileWithAttachments, shenbao } from './exportFixture';

let base: string;
let dataDir: string;
let zipPath: string;

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'shenbao-cli-verify-'));
  dataDir = join(base, 'data');
  const out = join(base, 'out');
  mkdirSync(out);
  const file = await draftFileWithAttachments(dataDir, join(base, 'draft.json'));
  const run = shenbao(dataDir, base, ['export', file, '--out', out, '--package']);
  expect(run.stderr).toBe('');
  zipPath = join(out, readdirSync(out).find((n) => n.endsWith('.zip'))!);
}, 120_000);
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('shenbao verify', () => {
  it('exit 0 for an intact package', () => {
    const run = shenbao(dataDir, base, ['verify', zipPath]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('结论：通过');
  }, 120_000);

  it('exit 1 naming the tampered file; --json gives the problems', async () => {
    const files = await unzip(readFileSync(zipPath));
    const victim = [...files.keys()].find((n) => n.startsWith('附件'))!;
    const bytes = Buffer.from(files.get(victim)!);
    bytes[10] = bytes[10]! ^ 0xff;
    files.set(victim, bytes);
    const tampered = join(base, 'tampered.zip');
    writeFileSync(tampered, await zipOf([...files].map(([name, data]) => ({ name, data }))));

    const run = shenbao(dataDir, base, ['verify', tampered]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`文件「${victim}」已被改动`);
    const json = shenbao(dataDir, base, ['verify', tampered, '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).problems).toEqual([expect.objectContaining({ code: 'tampered_file', file: victim })]);
  }, 120_000);

  it('exit 2 for a file that is not a zip, a missing file and an unsafe zip', async () => {
    const notZip = join(base, 'not.zip');
    writeFileSync(notZip, 'hello');
    const a = shenbao(dataDir, base, ['verify', notZip]);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/^错误：文件不是有效的 zip 申报包/);

    expect(shenbao(dataDir, base, ['verify', join(base, 'missing.zip')]).code).toBe(2);

    const slip = join(base, 'slip.zip');
    writeFileSync(slip, renameEntryBytes(await zipOf([{ name: 'aa/evil.txt', data: Buffer.from('x') }]), 'aa/evil.txt', '../evil.txt'));
    const c = shenbao(dataDir, base, ['verify', slip]);
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(/指向包外/);
  }, 120_000);
});
