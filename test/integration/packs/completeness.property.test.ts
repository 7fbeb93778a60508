/**
 * Properties of the one result list over every valid example draft of every pack:
 * - removing any one required value present in the draft gives exactly one new 待填写, naming it;
 * - changing any one checked table cell to an invalid format gives exactly one new 错误, naming the
 *   row and the column.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadPackDir } from '../../../electron/services/packs/loadPack';
import { DraftSchema, type Draft } from '../../../shared/model/draft';
import type { Pack } from '../../../shared/pack/pack';
import { engineFor, isRequiredItem } from '../../../shared/rules/engine';
import { isRowFilled } from '../../../shared/rules/access';
import type { RuleResult } from '../../../shared/rules/types';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/packs');

interface Example {
  pack: Pack;
  file: string;
  draft: Draft;
  at: string;
}

const examples: Example[] = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(FIXTURES, d.name, 'fixtures.json')))
  .flatMap((d) => {
    const fx = JSON.parse(readFileSync(path.join(FIXTURES, d.name, 'fixtures.json'), 'utf8')) as { at: string; valid: string[] };
    const pack = loadPackDir(path.join(ROOT, 'resources/guidelines', d.name)).pack;
    return fx.valid.map((file) => ({ pack, file, at: fx.at, draft: DraftSchema.parse(JSON.parse(readFileSync(path.join(FIXTURES, d.name, file), 'utf8'))) }));
  });

function check(e: Example, draft: Draft): RuleResult[] {
  const g = draft.guideline!;
  return engineFor(e.pack, g.programId, g.documentType)!.evaluate(draft, { today: e.at });
}

const key = (r: RuleResult): string => `${r.ruleId}|${r.outcome}|${r.severity}`;
const newOnes = (before: RuleResult[], after: RuleResult[]): RuleResult[] => {
  const seen = new Set(before.map(key));
  return after.filter((r) => !seen.has(key(r)));
};

/** The ids of required items present in the draft, as the results say (their completeness rule passes). */
function presentRequiredIds(e: Example, results: RuleResult[]): string[] {
  const resolved = engineFor(e.pack, e.draft.guideline!.programId, e.draft.guideline!.documentType)!;
  const ids = new Set<string>();
  for (const r of results) {
    if (!isRequiredItem(r) || r.outcome !== 'pass' || r.kind === 'directionChosen') continue;
    const rule = resolved.rules.find((x) => x.id === r.ruleId)!;
    const id = 'field' in rule ? rule.field : 'declaration' in rule ? rule.declaration : 'slot' in rule ? rule.slot : 'table' in rule ? rule.table : null;
    if (typeof id === 'string') ids.add(id);
  }
  return [...ids].sort();
}

function without(draft: Draft, id: string): Draft {
  const copy = structuredClone(draft);
  if (Object.hasOwn(copy.values, id)) copy.values[id] = null;
  if (Object.hasOwn(copy.tables, id)) copy.tables[id] = [];
  if (Object.hasOwn(copy.declarations, id)) copy.declarations[id] = false;
  if (Object.hasOwn(copy.attachments, id)) copy.attachments[id] = [];
  return copy;
}

const INVALID: Record<string, string> = { idNumber: '11010119900101123X', uscc: '91110000ABCDEFGHIJ', phone: '12345' };

/** Cells of the draft whose column has a format check: [table, row index, column id, column label]. */
function formatCells(e: Example): [string, number, string, string, string][] {
  const g = e.draft.guideline!;
  const resolved = engineFor(e.pack, g.programId, g.documentType)!.resolved;
  const cells: [string, number, string, string, string][] = [];
  for (const field of resolved.sections.flatMap((s) => s.fields)) {
    if (field.kind !== 'table') continue;
    const rows = Object.hasOwn(e.draft.tables, field.id) ? (e.draft.tables[field.id] ?? []) : [];
    for (const column of field.columns) {
      const bad = INVALID[column.kind];
      if (!bad) continue;
      rows.forEach((row, i) => {
        if (isRowFilled(row)) cells.push([field.id, i, column.id, column.label, bad]);
      });
    }
  }
  return cells;
}

describe('removing one required value gives exactly one new 待填写 naming it', () => {
  for (const e of examples) {
    it(`${e.pack.id} / ${e.file}`, () => {
      const base = check(e, e.draft);
      const ids = presentRequiredIds(e, base);
      expect(ids.length).toBeGreaterThan(10);
      fc.assert(
        fc.property(fc.constantFrom(...ids), (id) => {
          const after = check(e, without(e.draft, id));
          const added = newOnes(base, after).filter((r) => r.outcome === 'fail' && r.severity === 'incomplete');
          expect(added.map((r) => r.ruleId), `删除 ${id} 后新增的待填写`).toHaveLength(1);
          expect(added[0]?.field === id || added[0]?.field?.startsWith(`${id}[`), `待填写 ${added[0]?.ruleId} 没有指向 ${id}`).toBe(true);
          // Nothing else turns red: what depends on it waits (无法检查) instead.
          expect(newOnes(base, after).filter((r) => r.outcome === 'fail' && r.severity === 'error').map((r) => r.ruleId)).toEqual([]);
        }),
        { numRuns: Math.min(ids.length, 40) },
      );
    });
  }
});

describe('an invalid table cell gives exactly one new 错误 naming its row and column', () => {
  for (const e of examples) {
    const cells = formatCells(e);
    if (cells.length === 0) continue;
    it(`${e.pack.id} / ${e.file}`, () => {
      const base = check(e, e.draft);
      fc.assert(
        fc.property(fc.constantFrom(...cells), ([table, index, column, label, bad]) => {
          const draft = structuredClone(e.draft);
          const row = draft.tables[table]![index]!;
          row[column] = bad;
          const added = newOnes(base, check(e, draft)).filter((r) => r.outcome === 'fail' && r.severity === 'error');
          expect(added.map((r) => r.ruleId)).toHaveLength(1);
          const [hit] = added;
          expect(hit?.field).toBe(`${table}[${index}].${column}`);
          expect(hit?.message).toContain(`第${index + 1}行`);
          expect(hit?.message).toContain(label);
          expect(hit?.message).toContain(bad);
        }),
        { numRuns: Math.min(cells.length, 30) },
      );
    });
  }
});
