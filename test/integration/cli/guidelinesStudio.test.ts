import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Document, LevelFormat, Packer, Paragraph, TextRun, AlignmentType } from 'docx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'bin/shenbao.mjs');

let base: string;
beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'shenbao-studio-cli-'));
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

function shenbao(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, '--data-dir', join(base, 'data'), ...args], { cwd: base, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A notice that is none of the seeds: a 2025 county call, hard-wrapped as copied from a web page. */
const NOTICE = [
  '关于组织申报2025年度某县科技计划项目的通知',
  '各有关单位：',
  '一、申报条件',
  '（一）申报单位为在本县注册的具有独立法人资格的企业，纳税',
  '信用等级须为B级及以上。',
  '（二）项目负责人年龄原则上不超过50周岁，每位项目负责人限报1项。',
  '（三）企业自筹资金与申请财政资金比例不低于1:1。',
  '（四）申报单位应遵守国家法律法规，诚实守信。',
  '二、资助强度',
  '单项资助额度一般为10-30万元，项目实施期限不超过24个月。',
  '三、申报时间',
  '申报截止时间为2025年4月30日17:00，逾期不予受理。',
].join('\n');

describe('shenbao guidelines draft / check', () => {
  it('drafts proposals from a .txt notice into one file the check accepts', () => {
    writeFileSync(join(base, '通知.txt'), NOTICE);
    const out = join(base, 'draft.json');
    const r = shenbao(['guidelines', 'draft', join(base, '通知.txt'), '--out', out]);
    expect(r.stderr.replace(/申报通命令行：正在构建[^\n]*\n?/, '')).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/已生成指南草稿/);
    expect(r.stdout).toMatch(/通过了导入检查/);
    const draft = JSON.parse(readFileSync(out, 'utf8')) as { format: string; notice: { text: string }; proposals: { kind: string; severity: string; quote: string }[]; pack: { programs: { rules: { kind: string }[] }[] } };
    expect(draft.format).toBe('shenbao-studio-draft');
    for (const p of draft.proposals) expect(draft.notice.text).toContain(p.quote);
    const age = draft.proposals.find((p) => p.kind === 'ageAtDate')!;
    expect(age.severity).toBe('warning');
    expect(draft.proposals.map((p) => p.kind)).toEqual(expect.arrayContaining(['valueIn', 'crossDraftLimit', 'ratioAtLeast', 'declaration', 'moneyRange', 'periodMonths', 'applicationWindow']));
    expect(draft.pack.programs[0]!.rules.length).toBeGreaterThan(5);

    const check = shenbao(['guidelines', 'check', out]);
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/^检查通过/m);
  });

  it('names what the draft pack leaves to the user: two grants no one amount meets are listed with their place and why, not made rules', () => {
    const out = join(base, 'draft.json');
    const r = shenbao(['guidelines', 'draft', join(ROOT, 'test/fixtures/studio/2026-lhasa-inline-items-notice.txt'), '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/尚未处理的条款 2 条：/);
    expect(r.stdout).toMatch(/二、支持额度「[^」]*重点项目每项支持二十万元至五十万元」：同一条款为不同类别的项目规定了互不相容的资助额度/);
    expect(r.stdout).toMatch(/二、支持额度「一般项目每项支持不超过十万元。」：同一条款/);
  });

  it('--pack-dir writes the draft pack beside its source text, as guidelines check and import take it', () => {
    writeFileSync(join(base, '通知.txt'), NOTICE);
    mkdirSync(join(base, 'pack'));
    const r = shenbao(['guidelines', 'draft', join(base, '通知.txt'), '--out', join(base, 'draft.json'), '--pack-dir', join(base, 'pack'), '--id', 'county-2025']);
    expect(r.code).toBe(0);
    expect(readFileSync(join(base, 'pack', 'source.txt'), 'utf8')).toBe(NOTICE);
    const check = shenbao(['guidelines', 'check', join(base, 'pack', 'pack.json')]);
    expect(check.stdout).toMatch(/^检查通过：指南包符合导入要求/m);
    expect(check.code).toBe(0);
    const imported = shenbao(['guidelines', 'import', join(base, 'pack', 'pack.json')]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/已导入申报指南：关于组织申报2025年度某县科技计划项目的通知（county-2025 1.0.0 版/);
  });

  it('a notice with two 专项 is drafted as two programs, each with its directions, and the check accepts it', () => {
    const notice = join(ROOT, 'test/fixtures/studio/2026-xishan-two-programs-notice.txt');
    mkdirSync(join(base, 'pack'));
    const r = shenbao(['guidelines', 'draft', notice, '--out', join(base, 'draft.json'), '--pack-dir', join(base, 'pack')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('专项 2 个：关键技术攻关专项（支持方向 2 个）；科技人才培育专项（支持方向 2 个）');
    const pack = JSON.parse(readFileSync(join(base, 'pack', 'pack.json'), 'utf8')) as { programs: { name: string; funding: unknown }[] };
    expect(pack.programs.map((p) => [p.name, p.funding])).toEqual([
      ['关键技术攻关专项', { forms: ['无偿资助'], max: 500_000 }],
      ['科技人才培育专项', { forms: ['无偿资助'], min: 50_000, max: 100_000 }],
    ]);
    expect(shenbao(['guidelines', 'check', join(base, 'pack', 'pack.json')]).code).toBe(0);
  });

  it('reads a .docx notice with automatic numbering', async () => {
    const doc = new Document({
      numbering: { config: [{ reference: 'o', levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT }, { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT }] }] },
      sections: [{ children: [new Paragraph('关于申报2025年度科技项目的通知'), new Paragraph({ numbering: { reference: 'o', level: 0 }, children: [new TextRun('申报条件')] }), new Paragraph({ numbering: { reference: 'o', level: 1 }, children: [new TextRun('项目负责人年龄不超过45周岁。')] })] }],
    });
    writeFileSync(join(base, '通知.docx'), await Packer.toBuffer(doc));
    const r = shenbao(['guidelines', 'draft', join(base, '通知.docx'), '--out', join(base, 'd.json')]);
    expect(r.code).toBe(0);
    const draft = JSON.parse(readFileSync(join(base, 'd.json'), 'utf8')) as { clauses: { path: string }[]; proposals: { kind: string; params: { max?: number } }[] };
    expect(draft.clauses.map((c) => c.path)).toContain('一、申报条件（一）');
    expect(draft.proposals.find((p) => p.kind === 'ageAtDate')?.params.max).toBe(45);
  });

  it('lists every problem of a broken pack with its place, exit 1, and installs nothing', () => {
    const dir = join(base, 'incoming');
    mkdirSync(dir);
    const pack = JSON.parse(readFileSync(join(ROOT, 'resources/guidelines/shuimogou-2020/pack.json'), 'utf8')) as { clauses: { quote: string }[]; programs: { rules: { clause: string }[] }[] };
    pack.clauses[1]!.quote = '原文中没有的一句话';
    pack.programs.find((p) => p.rules.length > 0)!.rules[0]!.clause = 'no-such-clause';
    writeFileSync(join(dir, 'pack.json'), JSON.stringify(pack));
    writeFileSync(join(dir, 'source.txt'), readFileSync(join(ROOT, 'resources/guidelines/shuimogou-2020/source.txt')));
    const r = shenbao(['guidelines', 'check', join(dir, 'pack.json')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/检查未通过：指南包有 \d+ 处问题/);
    expect(r.stdout).toMatch(/clauses\.1\.quote：引文在原文中找不到/);
    expect(r.stdout).toMatch(/引用了不存在的条款 no-such-clause/);
    expect(existsSync(join(base, 'data', 'packs'))).toBe(false);
  });

  it('refuses bad input with one Chinese line and writes nothing', () => {
    writeFileSync(join(base, '通知.txt'), NOTICE);
    const noOut = shenbao(['guidelines', 'draft', join(base, '通知.txt')]);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toMatch(/请用 --out 指定/);
    const missingDir = shenbao(['guidelines', 'draft', join(base, '通知.txt'), '--out', join(base, 'nope', 'd.json')]);
    expect(missingDir.code).toBe(2);
    expect(missingDir.stderr).toMatch(/目标目录不存在/);
    writeFileSync(join(base, '通知.odt'), 'x');
    const odt = shenbao(['guidelines', 'draft', join(base, '通知.odt'), '--out', join(base, 'd.json')]);
    expect(odt.code).toBe(2);
    expect(odt.stderr).toMatch(/不支持的通知文件类型「.odt」/);
    expect(existsSync(join(base, 'd.json'))).toBe(false);
  });
});
