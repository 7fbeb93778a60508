import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openServices } from '../../../electron/services/index';

const ROOT = resolve(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'bin/shenbao.mjs');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let base: string;
let dataDir: string;

function shenbao(args: string[], env: Record<string, string> = {}): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: base,
    encoding: 'utf8',
    env: { ...process.env, SHENBAO_DATA_DIR: '', ...env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function withData(args: string[]): Run {
  return shenbao(['--data-dir', dataDir, ...args]);
}

/** One Chinese error line, no stack trace: the CLI's promise for every failure. */
function expectOneErrorLine(run: Run, pattern: RegExp): void {
  const lines = run.stderr.split('\n').filter((l) => l !== '');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^错误：/);
  expect(lines[0]).toMatch(pattern);
  expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/);
}

function seedDraft(dir: string, projectName: string): string {
  const services = openServices({ dataDir: dir, mode: 'test' });
  try {
    const created = services.drafts.create({});
    services.drafts.save({ id: created.draft.id, baseRevision: created.revision, patch: { values: { 'project.name': projectName } } });
    return created.draft.id;
  } finally {
    services.close();
  }
}

beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'shenbao-cli-'));
  dataDir = join(base, 'data');
});
afterEach(() => {
  rmSync(base, { recursive: true, force: true });
});

describe('shenbao help and argument errors', { timeout: 120_000 }, () => {
  it('prints Chinese help for --help and help, exit 0', () => {
    for (const args of [['--help'], ['help'], ['-h']]) {
      const run = shenbao(args);
      expect(run.code, args.join(' ')).toBe(0);
      expect(run.stdout).toContain('申报通命令行工具');
      expect(run.stdout).toContain('drafts list');
      expect(run.stdout).toContain('drafts export');
      expect(run.stdout).toContain('drafts import');
    }
    const verb = shenbao(['drafts', 'export', '--help']);
    expect(verb.code).toBe(0);
    expect(verb.stdout).toContain('用法：shenbao drafts export');
  });

  it('exits 2 with one line for an unknown command, a missing verb, an unknown option or a missing argument', () => {
    const cases: [string[], RegExp][] = [
      [['frobnicate'], /未知命令「frobnicate」/],
      [['drafts'], /缺少子命令/],
      [['drafts', 'list', '--bogus'], /未知选项 --bogus/],
      [['drafts', 'import'], /缺少参数/],
      [['drafts', 'export', 'x', 'y', '--out', 'a.json'], /多余的参数/],
      [['--data-dir'], /--data-dir 需要一个目录/],
    ];
    for (const [args, pattern] of cases) {
      const run = withData(args);
      expect(run.code, args.join(' ')).toBe(2);
      expectOneErrorLine(run, pattern);
    }
  });
});

describe('shenbao drafts', { timeout: 120_000 }, () => {
  it('lists drafts as text and as JSON', () => {
    expect(withData(['drafts', 'list'])).toMatchObject({ code: 0, stdout: '还没有草稿\n' });
    const id = seedDraft(dataDir, '荒漠绿洲节水灌溉技术示范');
    const text = withData(['drafts', 'list']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(id);
    expect(text.stdout).toContain('荒漠绿洲节水灌溉技术示范');
    const json = withData(['drafts', 'list', '--json']);
    expect(json.code).toBe(0);
    const list = JSON.parse(json.stdout) as { id: string; title: string }[];
    expect(list.map((d) => [d.id, d.title])).toEqual([[id, '荒漠绿洲节水灌溉技术示范']]);
  });

  it('takes the data dir from SHENBAO_DATA_DIR when --data-dir is absent', () => {
    const id = seedDraft(dataDir, '环境变量数据目录');
    const run = shenbao(['drafts', 'list', '--json'], { SHENBAO_DATA_DIR: dataDir });
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { id: string }[]).map((d) => d.id)).toEqual([id]);
  });

  it('exports a draft and imports it into another data dir', () => {
    const id = seedDraft(dataDir, '棉花采摘机器人');
    const file = join(base, '导出.json');
    const exported = withData(['drafts', 'export', id, '--out', file]);
    expect(exported.code, exported.stderr).toBe(0);
    const content = JSON.parse(readFileSync(file, 'utf8')) as { id: string; values: Record<string, unknown> };
    expect(content.id).toBe(id);
    expect(content.values['project.name']).toBe('棉花采摘机器人');
    // No temp file is left next to the target.
    expect(readdirSync(base).filter((n) => n.endsWith('.tmp'))).toEqual([]);

    const other = join(base, 'other');
    const imported = shenbao(['--data-dir', other, 'drafts', 'import', file]);
    expect(imported.code, imported.stderr).toBe(0);
    const list = JSON.parse(shenbao(['--data-dir', other, 'drafts', 'list', '--json']).stdout) as { title: string }[];
    expect(list.map((d) => d.title)).toEqual(['棉花采摘机器人']);
  });

  it('exports a draft with its attachments as a .zip 草稿数据文件 and imports both into another data dir', async () => {
    const bytes = Buffer.from('%PDF-1.4\n营业执照\n%%EOF\n', 'utf8');
    let id: string;
    let sha256: string;
    {
      const services = openServices({ dataDir, mode: 'test' });
      try {
        const created = services.drafts.create({ title: '棉花采摘机器人' });
        const info = await services.attachments.putFile(bytes, { name: '营业执照.pdf', mediaType: 'application/pdf' });
        const ref = { sha256: info.sha256, name: '营业执照.pdf', size: info.size, mediaType: 'application/pdf', addedAt: '2026-01-01T08:00:00.000Z' };
        services.drafts.save({ id: created.draft.id, baseRevision: 1, patch: { attachments: { license: [ref] } } });
        id = created.draft.id;
        sha256 = info.sha256;
      } finally {
        services.close();
      }
    }
    const file = join(base, '棉花采摘机器人-草稿数据.zip');
    const exported = withData(['drafts', 'export', id, '--out', file]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toContain('草稿及 1 个附件');
    expect(readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK');

    const other = join(base, 'other');
    const imported = shenbao(['--data-dir', other, 'drafts', 'import', file]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('连同 1 个附件');
    const services = openServices({ dataDir: other, mode: 'test' });
    try {
      const [summary] = services.drafts.list();
      expect(summary?.title).toBe('棉花采摘机器人');
      expect(services.drafts.get(summary!.id).draft.attachments['license']?.[0]?.name).toBe('营业执照.pdf');
      expect(await services.attachments.read(sha256)).toEqual(bytes);
    } finally {
      services.close();
    }

    // A 草稿数据文件 with one byte changed is refused with one line, and nothing is imported.
    const tampered = readFileSync(file);
    // The first byte of the attachment's data, just after its local header's name.
    const at = tampered.indexOf(Buffer.from(`attachments/${sha256}`)) + `attachments/${sha256}`.length;
    expect(at).toBeGreaterThan(100);
    tampered[at] = tampered[at]! ^ 0xff;
    const bad = join(base, 'bad.zip');
    writeFileSync(bad, tampered);
    const third = join(base, 'third');
    const refused = shenbao(['--data-dir', third, 'drafts', 'import', bad]);
    expect(refused.code).toBe(2);
    expectOneErrorLine(refused, /草稿数据文件/);
    expect(JSON.parse(shenbao(['--data-dir', third, 'drafts', 'list', '--json']).stdout)).toEqual([]);
  });

  it('refuses to export into a directory that does not exist, an unknown id or a malformed id (exit 2)', () => {
    const id = seedDraft(dataDir, '导出失败');
    const missingDir = join(base, 'no-such-dir', 'x.json');
    const noDir = withData(['drafts', 'export', id, '--out', missingDir]);
    expect(noDir.code).toBe(2);
    expectOneErrorLine(noDir, /目标目录不存在/);
    expect(existsSync(join(base, 'no-such-dir'))).toBe(false);

    const unknown = withData(['drafts', 'export', '00000000-0000-4000-8000-000000000000', '--out', join(base, 'u.json')]);
    expect(unknown.code).toBe(2);
    expectOneErrorLine(unknown, /找不到/);
    expect(existsSync(join(base, 'u.json'))).toBe(false);

    const malformed = withData(['drafts', 'export', 'not-an-id', '--out', join(base, 'm.json')]);
    expect(malformed.code).toBe(2);
    expectOneErrorLine(malformed, /草稿编号格式不正确/);

    const noOut = withData(['drafts', 'export', id]);
    expect(noOut.code).toBe(2);
    expectOneErrorLine(noOut, /--out/);
  });

  it('rejects corrupt, foreign, missing and invalid draft files with exit 2 and writes nothing', () => {
    seedDraft(dataDir, '已有草稿');
    const before = withData(['drafts', 'list', '--json']).stdout;
    const files: [string, string | null, RegExp][] = [
      ['broken.json', '{"format": "shenbao-draft",\n "values": }', /草稿文件格式已损坏，无法读取（第 2 行）/],
      ['truncated.json', '{\n"format": "shenbao-draft",\n"id": "ab', /草稿文件格式已损坏，无法读取（第 3 行）/],
      ['foreign.json', JSON.stringify({ name: 'package', version: '1.0.0' }), /不是申报通草稿文件/],
      ['array.json', '[1, 2, 3]', /不是申报通草稿文件/],
      [
        'invalid.json',
        JSON.stringify({ format: 'shenbao-draft', formatVersion: 1, id: 'nope', values: {}, status: 'editing' }),
        /草稿文件内容不符合格式/,
      ],
      ['missing.json', null, /无法读取草稿文件.*文件不存在/],
    ];
    for (const [name, content, pattern] of files) {
      const path = join(base, name);
      if (content !== null) writeFileSync(path, content);
      const run = withData(['drafts', 'import', path]);
      expect(run.code, name).toBe(2);
      expectOneErrorLine(run, pattern);
      expect(run.stdout, name).toBe('');
    }
    expect(withData(['drafts', 'list', '--json']).stdout).toBe(before);
  });
});
