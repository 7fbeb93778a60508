import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DraftSchema } from '../../../shared/model/draft';

const ROOT = resolve(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'bin/shenbao.mjs');
const XJ = join(ROOT, 'test/fixtures/packs/xinjiang-aid-2022');

let base: string;
beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'shenbao-validate-'));
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

function shenbao(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, '--data-dir', join(base, 'data'), ...args], { cwd: base, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

type DraftJson = { declarations: Record<string, boolean>; tables: Record<string, unknown[]>; guideline: { packId: string; programId: string } };

function mutated(file: string, change: (d: DraftJson) => void): string {
  const draft = JSON.parse(readFileSync(join(XJ, 'valid-enterprise.json'), 'utf8')) as DraftJson;
  change(draft);
  const target = join(base, file);
  writeFileSync(target, JSON.stringify(draft));
  return target;
}

function attachmentsOf(file: string): Record<string, { sha256: string; name: string; size: number }[]> {
  return (JSON.parse(readFileSync(file, 'utf8')) as { attachments: Record<string, { sha256: string; name: string; size: number }[]> }).attachments;
}

// Each case spawns the CLI (tsx start-up) several times; on a loaded machine that takes a while.
const SLOW = { timeout: 180_000 };

describe('shenbao validate', SLOW, () => {
  it('exits 0 on a valid example draft (its attachment files lie beside it, in attachments/<sha256>)', () => {
    const run = shenbao(['validate', join(XJ, 'valid-enterprise.json'), '--at', '2022-06-01']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('错误 0 项');
    expect(run.stdout).not.toContain('附件文件不在本机');
  });

  it('exits 1 with the cited error of a mutation, and reports many files in one run', () => {
    const bad = mutated('no-declaration.json', (d) => {
      d.declarations['decl.necessity'] = false;
    });
    const run = shenbao(['validate', join(XJ, 'valid-enterprise.json'), bad, '--at', '2022-06-01']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('decl.necessity.ticked');
    expect(run.stdout).toMatch(/依据：《[^》]+》/);
    expect(run.stdout).toContain('共检查 2 份：1 份未通过形式审查');
  });

  it('--json gives issues with rule, field, message and citation', () => {
    const bad = mutated('no-partner.json', (d) => {
      // Only a partner inside Xinjiang: the joint application lacks one from outside.
      d.tables.partners = [{ name: '新疆某研究所', region: '65', unitType: 'institute' }];
    });
    const run = shenbao(['validate', bad, '--json', '--at', '2022-06-01']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.at).toBe('2022-06-01');
    const issue = report.files[0].issues.find((i: { ruleId: string }) => i.ruleId === 'xj.partner-outside-xinjiang');
    expect(issue).toMatchObject({ severity: 'error', outcome: 'fail', field: 'partners' });
    expect(issue.citation.document.length).toBeGreaterThan(0);
    expect(issue.citation.quote.length).toBeGreaterThan(0);
    expect(report.files[0].summary.errors).toBeGreaterThan(0);
  });

  it('an empty partner table is 待填写 and the partner rule waits for it (无法检查), exit 1', () => {
    const empty = mutated('empty-partners.json', (d) => {
      d.tables.partners = [];
    });
    const run = shenbao(['validate', empty, '--json', '--at', '2022-06-01']);
    expect(run.code).toBe(1);
    const issues = JSON.parse(run.stdout).files[0].issues as { ruleId: string; severity: string; outcome: string; message: string }[];
    expect(issues.find((i) => i.ruleId === 'xj.partner-outside-xinjiang')).toMatchObject({ outcome: 'pending', severity: 'incomplete', message: expect.stringContaining('无法检查：请先填写「合作单位」') });
    expect(issues.some((i) => i.outcome === 'fail' && i.severity === 'incomplete')).toBe(true);
  });

  it('exits 2 for unreadable or invalid files and unknown packs, still checking the others', () => {
    const notJson = join(base, 'broken.json');
    writeFileSync(notJson, '{"format": ');
    const unknownPack = mutated('unknown.json', (d) => {
      d.guideline.packId = 'no-such-pack';
    });
    const unknownProgram = mutated('unknown-program.json', (d) => {
      d.guideline.programId = 'nope';
    });
    const run = shenbao(['validate', notJson, join(base, 'missing.json'), unknownPack, unknownProgram, join(XJ, 'valid-enterprise.json'), '--at', '2022-06-01']);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('格式已损坏，无法读取');
    expect(run.stdout).toContain('文件不存在');
    expect(run.stdout).toContain('no-such-pack');
    expect(run.stdout).toContain('没有专项「nope」');
    expect(run.stdout).toContain('共检查 5 份：0 份未通过形式审查（有待填写项、无法检查项或错误），4 份无法检查');
  });

  it('a draft file whose attachment bytes are not on this computer: each attachment is an error naming it, exit 1', () => {
    const alone = join(base, 'alone.json');
    writeFileSync(alone, readFileSync(join(XJ, 'valid-enterprise.json')));
    const run = shenbao(['validate', alone, '--json', '--at', '2022-06-01']);
    expect(run.code).toBe(1);
    const issues = JSON.parse(run.stdout).files[0].issues as { ruleId: string; severity: string; outcome: string; message: string }[];
    const names = Object.entries(attachmentsOf(alone)).flatMap(([slot, refs]) => refs.map((r) => [slot, r.name] as const));
    expect(names.length).toBe(3);
    for (const [slot, name] of names) {
      expect(issues.find((i) => i.ruleId === `form.files.${slot}`)).toMatchObject({ severity: 'error', outcome: 'fail', message: expect.stringContaining(`附件文件不在本机：「${name}」`) });
    }
  });

  it('attachment bytes beside the file or in this computer’s store are checked: an altered file and an EXE named .pdf are errors, intact copies pass', () => {
    const dir = join(base, 'unzipped');
    mkdirSync(dir);
    cpSync(join(XJ, 'attachments'), join(dir, 'attachments'), { recursive: true });
    const file = join(dir, 'draft.json');
    writeFileSync(file, readFileSync(join(XJ, 'valid-enterprise.json')));
    const refs = attachmentsOf(file);
    const [agreement] = refs['att.agreement']!;
    const [statements] = refs['att.statements']!;
    // Same size, one byte changed: the hash no longer matches.
    const altered = readFileSync(join(dir, 'attachments', agreement!.sha256));
    altered.writeUInt8(altered.readUInt8(altered.length - 1) ^ 0xff, altered.length - 1);
    writeFileSync(join(dir, 'attachments', agreement!.sha256), altered);
    // An executable under a .pdf name, recorded with its true hash and size: found intact, refused by content.
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(2046, 1)]);
    const exeSha = createHash('sha256').update(exe).digest('hex');
    writeFileSync(join(dir, 'attachments', exeSha), exe);
    const draft = JSON.parse(readFileSync(file, 'utf8')) as { attachments: Record<string, { sha256: string; size: number }[]> };
    Object.assign(draft.attachments['att.statements']![0]!, { sha256: exeSha, size: exe.length });
    writeFileSync(file, JSON.stringify(draft));
    const exeRef = attachmentsOf(file)['att.statements']![0]!;
    expect(exeRef).toMatchObject({ sha256: exeSha, size: exe.length });

    const run = shenbao(['validate', file, '--json', '--at', '2022-06-01']);
    expect(run.code).toBe(1);
    const issues = JSON.parse(run.stdout).files[0].issues as { ruleId: string; message: string }[];
    expect(issues.find((i) => i.ruleId === 'form.files.att.agreement')?.message).toContain(`附件文件「${agreement!.name}」已被改动或损坏`);
    expect(issues.find((i) => i.ruleId === 'form.files.att.statements')?.message).toContain(`「${statements!.name}」的内容是Windows 可执行程序，不能作为附件`);
    expect(issues.some((i) => i.ruleId === 'form.files.att.achievements')).toBe(false);

    // The same draft written on this computer: the store (<data>/attachments/<aa>/<sha256>) holds intact copies.
    const elsewhere = join(base, 'elsewhere.json');
    writeFileSync(elsewhere, readFileSync(join(XJ, 'valid-enterprise.json')));
    for (const [ref] of Object.values(attachmentsOf(elsewhere))) {
      const into = join(base, 'data', 'attachments', ref!.sha256.slice(0, 2));
      mkdirSync(into, { recursive: true });
      cpSync(join(XJ, 'attachments', ref!.sha256), join(into, ref!.sha256));
    }
    const fromStore = shenbao(['validate', elsewhere, '--at', '2022-06-01']);
    expect(fromStore.code).toBe(0);
    expect(fromStore.stdout).toContain('错误 0 项');
  });

  it('refuses a bad --at', () => {
    const run = shenbao(['validate', join(XJ, 'valid-enterprise.json'), '--at', '2022-13-01']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^错误：--at/);
  });

  it('warns after the deadline when validated today (past seeds never block drafting)', () => {
    const run = shenbao(['validate', join(ROOT, 'test/fixtures/packs/karamay-2017/valid-major.json')]);
    expect(run.stdout).toMatch(/申报已于 2017-06-15 18:00 截止/);
  });
});

describe('shenbao guidelines and new', SLOW, () => {
  it('lists packs with programs, accepting status and windows', () => {
    const run = shenbao(['guidelines', '--json']);
    expect(run.code).toBe(0);
    const list = JSON.parse(run.stdout) as { id: string; programs: { id: string; accepting: boolean; window?: { closes?: string } }[] }[];
    const karamay = list.find((g) => g.id === 'karamay-2017');
    expect(karamay?.programs.find((p) => p.id === 'platform')?.accepting).toBe(false);
    expect(karamay?.programs[0]?.window?.closes).toBeDefined();
    expect(shenbao(['guidelines']).stdout).toContain('暂不受理');
  });

  it('writes a blank draft that parses and validates with errors (nothing filled yet)', () => {
    const out = join(base, 'blank.json');
    const run = shenbao(['new', '--guideline', 'xinjiang-aid-2022', '--program', 'aid-program', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const draft = DraftSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(draft.guideline).toMatchObject({ packId: 'xinjiang-aid-2022', programId: 'aid-program', documentType: 'application', directionPath: [] });
    expect(shenbao(['new', '--guideline', 'xinjiang-aid-2022', '--program', 'aid-program', '--out', out]).code).toBe(2);
    expect(shenbao(['validate', out, '--at', '2022-06-01']).code).toBe(1);
  });

  it('checks the guideline, program, direction and type', () => {
    const out = join(base, 'x.json');
    expect(shenbao(['new', '--guideline', 'nope', '--program', 'x', '--out', out]).stderr).toMatch(/没有安装申报指南「nope」/);
    expect(shenbao(['new', '--guideline', 'karamay-2017', '--program', 'x', '--out', out]).stderr).toMatch(/没有专项「x」/);
    expect(shenbao(['new', '--guideline', 'karamay-2017', '--program', 'major', '--direction', 'zz', '--out', out]).stderr).toMatch(/支持方向「zz」不存在/);
    const ok = shenbao(['new', '--guideline', 'karamay-2017', '--program', 'major', '--type', 'proposal', '--out', out]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).guideline.documentType).toBe('proposal');
  });
});
