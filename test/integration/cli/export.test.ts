import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { draftFileWithAttachments, shenbao } from './exportFixture';

let base: string;
let dataDir: string;
let out: string;
beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'shenbao-cli-export-'));
  dataDir = join(base, 'data');
  out = join(base, 'out');
  mkdirSync(out);
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

describe('shenbao export', () => {
  it('writes the DOCX, the PDF and the package with no flags, and nothing else', async () => {
    const file = await draftFileWithAttachments(dataDir, join(base, 'draft.json'));
    const run = shenbao(dataDir, base, ['export', file, '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const names = readdirSync(out).sort();
    expect(names).toHaveLength(3);
    expect(names.some((n) => n.endsWith('-申报书.docx'))).toBe(true);
    expect(names.some((n) => n.endsWith('-申报书.pdf'))).toBe(true);
    const zip = names.find((n) => n.endsWith('-申报书申报包.zip'));
    expect(zip).toBeDefined();
    expect(readFileSync(join(out, zip!)).subarray(0, 2).toString()).toBe('PK');
    expect(names.every((n) => !n.endsWith('.tmp'))).toBe(true);
  }, 120_000);

  it('refuses the package of a draft with errors (exit 1), listing what blocks it, and writes no zip', async () => {
    const file = await draftFileWithAttachments(dataDir, join(base, 'draft.json'), (d) => {
      d.declarations['decl.necessity'] = false;
    });
    const run = shenbao(dataDir, base, ['export', file, '--out', out, '--package']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^错误：草稿还有 \d+ 项必须修改的问题，不能生成申报包/);
    expect(run.stdout).toContain('承诺');
    expect(readdirSync(out)).toEqual([]);
  }, 60_000);

  it('marks a DOCX of a draft with errors as watermarked', async () => {
    const file = await draftFileWithAttachments(dataDir, join(base, 'draft.json'), (d) => {
      d.declarations['decl.necessity'] = false;
    });
    const run = shenbao(dataDir, base, ['export', file, '--out', out, '--docx']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('带「草稿」水印');
    expect(readdirSync(out)).toHaveLength(1);
  }, 60_000);

  it('exit 2 with one Chinese line for a missing attachment, a bad draft file and a missing output directory', async () => {
    const file = await draftFileWithAttachments(join(base, 'other-data'), join(base, 'draft.json'));
    const missing = shenbao(dataDir, base, ['export', file, '--out', out]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^错误：附件「.+」不在数据目录/);

    const bad = join(base, 'bad.json');
    rmSync(bad, { force: true });
    const notFound = shenbao(dataDir, base, ['export', bad, '--out', out]);
    expect(notFound.code).toBe(2);
    expect(notFound.stderr).toMatch(/^错误：/);

    const noDir = shenbao(dataDir, base, ['export', file, '--out', join(base, 'nope')]);
    expect(noDir.code).toBe(2);
    expect(noDir.stderr).toMatch(/^错误：输出目录不存在/);
    expect(readdirSync(out)).toEqual([]);
  }, 60_000);
});
