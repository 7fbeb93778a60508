/**
 * For every installed pack, program and document type: a blank draft from `shenbao new` is not
 * "clean". `validate` exits 1 and lists every required item of the form as 待填写 (naming it),
 * nothing in it is red except what the guideline itself says (a program not accepting), and the
 * package is refused.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../../electron/cli/run';
import { openServices } from '../../../electron/services/index';
import { loadPackDir } from '../../../electron/services/packs/loadPack';
import { evalCondition } from '../../../shared/rules/condition';
import { resolveProgram } from '../../../shared/pack/resolve';
import type { Draft } from '../../../shared/model/draft';

const ROOT = resolve(import.meta.dirname, '../../..');
const PACKS = join(ROOT, 'resources/guidelines');

let base: string;
beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'shenbao-blank-'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), env: {} };
  const code = await runCli([...args, '--data-dir', join(base, 'data')], io, (dir) => openServices({ dataDir: dir, mode: 'cli' }));
  return { code, out, err };
}

interface Issue {
  ruleId: string;
  kind: string;
  severity: string;
  outcome: string;
  field: string | null;
  message: string;
  citation: { document: string; clause: string; quote: string; source: string };
}

const cases = readdirSync(PACKS, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => loadPackDir(join(PACKS, d.name)).pack)
  .flatMap((pack) => pack.programs.flatMap((program) => program.documentTypes.map((type) => ({ pack, program, type }))));

describe('a blank draft of every pack and program is incomplete, never clean', () => {
  it('there are programs to check', () => {
    expect(cases.length).toBeGreaterThan(10);
  });

  for (const { pack, program, type } of cases) {
    it(`${pack.id} / ${program.id} / ${type}`, { timeout: 60_000 }, async () => {
      const file = join(base, `${pack.id}-${program.id}-${type}.json`);
      const created = await cli(['new', '--guideline', pack.id, '--program', program.id, '--type', type, '--out', file]);
      expect(created.code, created.err).toBe(0);

      const run = await cli(['validate', file, '--json']);
      expect(run.code).toBe(1);
      const report = JSON.parse(run.out) as { files: { summary: { incomplete: number; errors: number }; completion: number; issues: Issue[] }[] };
      const [result] = report.files;
      expect(result).toBeDefined();
      if (!result) return;
      expect(result.completion).toBe(0);

      // Every required field, table and declaration of the form is listed as 待填写, by name.
      const draft = JSON.parse(readFileSync(file, 'utf8')) as Draft;
      const resolved = resolveProgram(pack, program.id, type)!;
      const requiredFields = resolved.sections.flatMap((s) => s.fields).filter((f) => f.required && !f.derived && (!f.visibleWhen || evalCondition(f.visibleWhen, draft)));
      const incomplete = result.issues.filter((i) => i.severity === 'incomplete');
      for (const field of requiredFields) {
        const hit = incomplete.find((i) => i.field === field.id || i.message.includes(field.label));
        expect(hit, `「${field.label}」（${field.id}）没有列为待填写`).toBeDefined();
      }
      for (const d of resolved.declarations.filter((x) => !x.when || evalCondition(x.when, draft))) {
        expect(incomplete.some((i) => i.ruleId === `${d.id}.ticked`), `承诺 ${d.id} 没有列为待填写`).toBe(true);
      }
      // Incompleteness is not wrongness: only what the guideline itself says is an error.
      const errors = result.issues.filter((i) => i.severity === 'error' && i.outcome === 'fail');
      expect(errors.map((e) => e.kind).filter((k) => k !== 'programAccepting')).toEqual([]);
      // Never uncited.
      expect(result.issues.every((i) => i.citation.clause.length > 0 && (i.citation.source === 'form' || i.citation.quote.length > 0))).toBe(true);

      const text = await cli(['validate', file]);
      expect(text.code).toBe(1);
      // Named by its label, or by the pack rule that requires it (whose message may word it its own way) and its field id.
      for (const field of requiredFields) expect(text.out.includes(field.label) || text.out.includes(`[${field.id}]`), `文本输出没有列出「${field.label}」`).toBe(true);

      const refused = await cli(['export', file, '--out', base, '--package']);
      expect(refused.code).toBe(1);
      expect(refused.err).toContain('不能生成申报包');
    });
  }
});
