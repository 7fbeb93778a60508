import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMAS_DIR, generateSchemas } from '../../../scripts/gen-schemas';
import { COVERAGE_FILE, coverage, loadBuiltinPacks } from '../../../scripts/rules-coverage';

describe('checked-in generated docs', () => {
  it('docs/schemas/*.json match the zod schemas (run npx tsx scripts/gen-schemas.ts)', () => {
    for (const [name, text] of Object.entries(generateSchemas())) {
      expect(readFileSync(path.join(SCHEMAS_DIR, name), 'utf8'), `${name} 已过期`).toBe(text);
    }
  });

  it('docs/rules-coverage.md is complete and up to date (run npx tsx scripts/rules-coverage.ts)', () => {
    const report = coverage(loadBuiltinPacks());
    expect(report.problems, report.problems.join('\n')).toEqual([]);
    expect(readFileSync(COVERAGE_FILE, 'utf8'), 'docs/rules-coverage.md 已过期').toBe(report.markdown);
  });

  it('lists every clause of every call pack', () => {
    const packs = loadBuiltinPacks().filter((p) => p.kind === 'call');
    expect(packs.length).toBeGreaterThanOrEqual(4);
    const text = readFileSync(COVERAGE_FILE, 'utf8');
    for (const pack of packs) for (const c of pack.clauses) expect(text, `${pack.id} ${c.id}`).toContain(`\`${c.id}\``);
  });
});

describe('coverage() flags mismatches', () => {
  it('reports a rules clause with no rule and a rule citing a not-checkable clause', async () => {
    const { makePack } = await import('../rules/helpers');
    const pack = makePack([{ id: 'r', kind: 'required', field: 'project.name', severity: 'error', message: 'm', clause: 'nc' }], {}, {
      clauses: [
        { id: 'c1', path: '一', quote: 'x', coverage: { kind: 'rules' } },
        { id: 'nc', path: '二', quote: 'y', coverage: { kind: 'notCheckable', reason: '需现场核查' } },
      ],
    });
    const { problems } = coverage([pack]);
    expect(problems).toEqual(['test-pack c1：标为「由规则检查」，但没有规则引用它', 'test-pack nc：标为无法离线检查，却被规则 r 引用']);
  });
});
