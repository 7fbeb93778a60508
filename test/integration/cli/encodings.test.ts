import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGbk } from '../../support/gbkEncode';

/**
 * Draft files written by other tools on Chinese Windows: Notepad's 「Unicode」 (UTF-16 LE with BOM),
 * UTF-16 without BOM, UTF-8 with BOM and CRLF, and GBK. Each must read as the same draft the UTF-8
 * original is; before, UTF-16 was refused as 「嵌套层数超过 32 层」 and GBK was read as mojibake.
 */
const ROOT = resolve(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'bin/shenbao.mjs');
const XJ = join(ROOT, 'test/fixtures/packs/xinjiang-aid-2022');
const ORIGINAL = readFileSync(join(XJ, 'valid-enterprise.json'), 'utf8');
const TITLE = (JSON.parse(ORIGINAL) as { values: Record<string, string> }).values['project.name']!;

let base: string;
beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'shenbao-encodings-'));
  // The attachment files lie beside the drafts, as they do beside the fixture.
  cpSync(join(XJ, 'attachments'), join(base, 'attachments'), { recursive: true });
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

function shenbao(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, '--data-dir', join(base, 'data'), ...args], { cwd: base, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const utf16be = (text: string): Buffer => {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
};
const crlf = ORIGINAL.replace(/\n/g, '\r\n');
const ENCODED: Record<string, Buffer> = {
  'utf8.json': Buffer.from(ORIGINAL, 'utf8'),
  'utf8-bom-crlf.json': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf, 'utf8')]),
  'utf16le-bom.json': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(crlf, 'utf16le')]),
  'utf16be-bom.json': Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(crlf)]),
  'utf16le-no-bom.json': Buffer.from(ORIGINAL, 'utf16le'),
  'gbk.json': encodeGbk(crlf),
};

type Report = { files: { file: string; ok: boolean; title: string; summary: Record<string, number>; issues: unknown[] }[] };

describe('draft files in the encodings other tools save', { timeout: 180_000 }, () => {
  it('validate reads every encoding as the same draft: same title, same findings', () => {
    for (const [name, bytes] of Object.entries(ENCODED)) writeFileSync(join(base, name), bytes);
    const run = shenbao(['validate', ...Object.keys(ENCODED), '--at', '2022-06-01', '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    const [original, ...others] = report.files;
    expect(original!.title).toBe(TITLE);
    expect(original!.summary['errors']).toBe(0);
    for (const other of others) {
      expect(other.ok, other.file).toBe(true);
      expect(other.title, other.file).toBe(TITLE);
      expect(other.summary, other.file).toEqual(original!.summary);
      expect(other.issues, other.file).toEqual(original!.issues);
    }
  });

  it('drafts import takes a GBK file with its Chinese intact', () => {
    writeFileSync(join(base, 'import-gbk.json'), encodeGbk(ORIGINAL));
    const imported = shenbao(['drafts', 'import', 'import-gbk.json']);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const list = JSON.parse(shenbao(['drafts', 'list', '--json']).stdout) as { title: string }[];
    expect(list.map((d) => d.title)).toContain(TITLE);
  });

  it('bytes that are no text are refused in Chinese with exit code 2, for validate and for import', () => {
    const noise = Buffer.alloc(4096);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919 + 13) % 256;
    writeFileSync(join(base, 'noise.json'), noise);
    const validate = shenbao(['validate', 'noise.json']);
    expect(validate.code).toBe(2);
    expect(validate.stdout + validate.stderr).toContain('草稿文件不是文本文件');
    const imported = shenbao(['drafts', 'import', 'noise.json']);
    expect(imported.code).toBe(2);
    expect(imported.stderr).toBe('错误：草稿文件不是文本文件（可能是图片、压缩包等其他格式）：noise.json\n');
  });
});
