/**
 * The pack authors' acceptance test. For every pack in resources/guidelines/: it loads and passes
 * the semantic checks. For every test/fixtures/packs/<id>/fixtures.json: each valid draft has zero
 * blocking results (待填写, 无法检查, 错误), each mutation produces its expected failing rules, and every requirement clause
 * (coverage `rules` or `declaration`) is exercised by at least one mutation.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { applyPatch } from '../../../electron/services/drafts/applyPatch';
import { loadPackDir, PackError, type LoadedPack } from '../../../electron/services/packs/loadPack';
import { otherDraftsFrom } from '../../../shared/rules/otherDrafts';
import { DraftPatchSchema, DraftSchema, type Draft } from '../../../shared/model/draft';
import { isBlocking, validateDraft } from '../../../shared/rules/engine';
import type { RuleResult } from '../../../shared/rules/types';

const ROOT = path.resolve(__dirname, '../../..');
const PACKS_DIR = path.join(ROOT, 'resources/guidelines');
const FIXTURES_DIR = path.join(ROOT, 'test/fixtures/packs');

const DateText = z.iso.date();
const FixturesSchema = z
  .object({
    at: DateText,
    valid: z.array(z.string().regex(/^[A-Za-z0-9._-]+\.json$/)).min(1),
    mutations: z.array(
      z
        .object({
          name: z.string().min(1),
          clause: z.string().min(1),
          draft: z.string().regex(/^[A-Za-z0-9._-]+\.json$/),
          set: DraftPatchSchema,
          others: z.array(z.string().regex(/^[A-Za-z0-9._-]+\.json$/)).optional(),
          at: DateText.optional(),
          expect: z.array(z.object({ rule: z.string(), severity: z.enum(['incomplete', 'error', 'warning', 'info']) }).strict()).min(1),
        })
        .strict(),
    ),
  })
  .strict();

const listDirs = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort() : [];

function loadOrReport(id: string): LoadedPack {
  try {
    return loadPackDir(path.join(PACKS_DIR, id));
  } catch (e) {
    if (e instanceof PackError) throw new Error(`指南包 ${id} 无效：\n  ${e.problems.join('\n  ')}`);
    throw e;
  }
}

function readDraft(dir: string, file: string): Draft {
  const parsed = DraftSchema.safeParse(JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
  if (!parsed.success) throw new Error(`${file} 不符合草稿格式：\n  ${parsed.error.issues.map((i) => `${i.path.join('.')}：${i.message}`).join('\n  ')}`);
  return parsed.data;
}

const show = (results: RuleResult[]): string =>
  results.map((r) => `  [${r.severity}/${r.outcome}] ${r.ruleId} (${r.field ?? '-'})：${r.message}`).join('\n') || '  （无）';

function results(loaded: LoadedPack, draft: Draft, at: string, others: Draft[] = []): RuleResult[] {
  const yearOf = (packId: string): number | null => (packId === loaded.pack.id ? loaded.pack.year : null);
  const out = validateDraft(loaded.pack, draft, { today: at, otherDrafts: otherDraftsFrom(others, yearOf) });
  if (out === null) throw new Error(`草稿 ${draft.id} 没有选择本指南包中存在的专项（guideline.programId）`);
  return out;
}

describe('guideline packs load and pass the semantic checks', () => {
  const ids = listDirs(PACKS_DIR);
  it('there is a resources/guidelines directory', () => {
    expect(existsSync(PACKS_DIR)).toBe(true);
  });
  for (const id of ids) {
    it(`${id}: pack.json is valid and its directory name is its id`, () => {
      const loaded = loadOrReport(id);
      expect(loaded.pack.id).toBe(id);
      expect(loaded.contentHash).toMatch(/^[0-9a-f]{64}$/);
    });
  }
});

for (const id of listDirs(FIXTURES_DIR)) {
  const dir = path.join(FIXTURES_DIR, id);
  const fixturesFile = path.join(dir, 'fixtures.json');
  if (!existsSync(fixturesFile)) continue;

  describe(`fixtures of ${id}`, () => {
    const fixtures = FixturesSchema.parse(JSON.parse(readFileSync(fixturesFile, 'utf8')));
    const pack = (): LoadedPack => loadOrReport(id);

    for (const file of fixtures.valid) {
      it(`${file} has nothing blocking (待填写, 无法检查, 错误) at ${fixtures.at}`, () => {
        const loaded = pack();
        const draft = readDraft(dir, file);
        expect(draft.guideline?.packId).toBe(id);
        const errors = results(loaded, draft, fixtures.at).filter(isBlocking);
        expect(errors, `${file} 的错误：\n${show(errors)}`).toEqual([]);
      });
    }

    for (const m of fixtures.mutations) {
      it(`mutation 「${m.name}」 (${m.clause}) fails ${m.expect.map((e) => e.rule).join(', ')}`, () => {
        const loaded = pack();
        expect(loaded.pack.clauses.map((c) => c.id), `条款 ${m.clause} 不存在`).toContain(m.clause);
        const mutated = DraftSchema.safeParse(applyPatch(readDraft(dir, m.draft), m.set));
        expect(mutated.success, `修改后的草稿不符合草稿格式：${mutated.error?.issues.map((i) => `${i.path.join('.')}：${i.message}`).join('；')}`).toBe(true);
        const others = (m.others ?? []).map((f) => readDraft(dir, f));
        const out = results(loaded, mutated.data as Draft, m.at ?? fixtures.at, others);
        // Pending results count: 「无法检查：请先填写 X」 is what a requirement says while its input is empty.
        const issues = out.filter((r) => r.outcome === 'fail' || r.outcome === 'met' || r.outcome === 'pending');
        for (const e of m.expect) {
          const hit = issues.find((r) => r.ruleId === e.rule);
          expect(hit, `缺少预期的 ${e.rule}；实际问题：\n${show(issues)}`).toBeDefined();
          expect(hit?.severity, `${e.rule} 的级别`).toBe(e.severity);
          expect(hit?.message.length).toBeGreaterThan(0);
          expect(hit?.citation.quote.length, `${e.rule} 没有引文`).toBeGreaterThan(0);
        }
      });
    }

    it('every requirement clause covered by rules or a declaration is exercised by a mutation', () => {
      const loaded = pack();
      const exercised = new Set(fixtures.mutations.map((m) => m.clause));
      const missing = loaded.pack.clauses
        .filter((c) => c.coverage.kind === 'rules' || c.coverage.kind === 'declaration')
        .filter((c) => !exercised.has(c.id))
        .map((c) => `${c.id}（${c.path}）`);
      expect(missing, `以下条款没有任何 mutation：\n  ${missing.join('\n  ')}`).toEqual([]);
    });
  });
}
