/**
 * Values another tool writes into a draft file: money with thousands separators or in 万, dates with
 * slashes or 年月日, an option's printed label instead of its code, a list where text belongs. Before
 * the form's valueShape rule every other rule read such a value as blank, so a draft holding them
 * passed 形式审查. For every seed pack, every valid fixture draft and every field of its program that
 * the draft shows, each foreign value must make the draft blocking, at that field, naming the value.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPackDir } from '../../../electron/services/packs/loadPack';
import { DraftSchema, type Draft, type FieldValue } from '../../../shared/model/draft';
import type { Column, Field, Option } from '../../../shared/pack/fields';
import { resolveProgram } from '../../../shared/pack/resolve';
import { evalCondition } from '../../../shared/rules/condition';
import { isBlocking, validateDraft } from '../../../shared/rules/engine';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const FIXTURES_DIR = path.join(ROOT, 'test/fixtures/packs');

/** An option as a person reads it, where that differs from the code the wizard stores. */
const labelNotCode = (options: readonly Option[] | undefined): string | null => options?.find((o) => o.label !== o.value)?.label ?? null;

function foreignScalars(kind: Column['kind'] | Field['kind'], options: readonly Option[] | undefined): FieldValue[] {
  switch (kind) {
    case 'money':
      return ['1,700,000', '50万', 12.5];
    case 'integer':
      return ['3人', 2.5];
    case 'date':
      return ['2020/3/1', '2020年3月1日', '2020-02-30'];
    case 'month':
      return ['2020/04', '2020年4月'];
    case 'monthRange':
      return [['2020/04', '2023/03'], '2020-04至2023-03'];
    case 'select': {
      const label = labelNotCode(options);
      return label === null ? ['不在选项中的值'] : [label];
    }
    case 'multiSelect': {
      const label = labelNotCode(options);
      return [[label ?? '不在选项中的值'], '逗号,分隔'];
    }
    case 'region':
      return [];
    default:
      return [true];
  }
}

const fixtureDirs = existsSync(FIXTURES_DIR) ? readdirSync(FIXTURES_DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name) : [];

for (const packId of fixtureDirs) {
  const dir = path.join(FIXTURES_DIR, packId);
  const fixtures = JSON.parse(readFileSync(path.join(dir, 'fixtures.json'), 'utf8')) as { at: string; valid: string[] };

  describe(`foreign values in ${packId}`, () => {
    const loaded = loadPackDir(path.join(ROOT, 'resources/guidelines', packId));

    for (const file of fixtures.valid) {
      it(`${file}: each foreign value blocks at its field, quoting it`, () => {
        const draft = DraftSchema.parse(JSON.parse(readFileSync(path.join(dir, file), 'utf8'))) as Draft;
        const resolved = resolveProgram(loaded.pack, draft.guideline!.programId, draft.guideline!.documentType)!;
        let tried = 0;
        const misses: string[] = [];
        const check = (mutated: Draft, at: string, shown: string): void => {
          tried++;
          const results = validateDraft(loaded.pack, mutated, { today: fixtures.at })!;
          const hit = results.find((r) => isBlocking(r) && r.kind === 'valueShape' && (r.field === at || r.field?.startsWith(`${at.split('[')[0]}[`)));
          if (!hit || !hit.message.includes(shown)) misses.push(`${at} = ${shown}：${hit ? hit.message : '没有报告'}`);
        };
        for (const section of resolved.sections) {
          for (const field of section.fields) {
            if (field.derived || (field.visibleWhen && !evalCondition(field.visibleWhen, draft))) continue;
            if (field.kind === 'table') {
              const rows = draft.tables[field.id] ?? [];
              const index = rows.findIndex((row) => Object.entries(row).some(([k, v]) => k !== 'key' && v !== null && v !== ''));
              if (index < 0) continue;
              for (const column of field.columns) {
                for (const value of foreignScalars(column.kind, column.options)) {
                  const changed = rows.map((row, i) => (i === index ? { ...row, [column.id]: value } : row));
                  check({ ...draft, tables: { ...draft.tables, [field.id]: changed } }, `${field.id}[${index}].${column.id}`, `「${Array.isArray(value) ? value.join('、') : String(value)}」`);
                }
              }
              continue;
            }
            for (const value of foreignScalars(field.kind, field.kind === 'select' || field.kind === 'multiSelect' ? field.options : undefined)) {
              const shown = Array.isArray(value) ? value.find((v) => !(field.kind === 'monthRange' && /^\d{4}-\d{2}$/.test(v))) ?? value.join('、') : String(value);
              check({ ...draft, values: { ...draft.values, [field.id]: value } }, field.id, `「${shown}`);
            }
          }
        }
        expect(tried).toBeGreaterThan(30);
        expect(misses, misses.join('\n')).toEqual([]);
      });
    }
  });
}

describe('what the wizard writes fits', () => {
  it('every valid fixture draft has no valueShape failure', () => {
    let drafts = 0;
    for (const packId of fixtureDirs) {
      const dir = path.join(FIXTURES_DIR, packId);
      const fixtures = JSON.parse(readFileSync(path.join(dir, 'fixtures.json'), 'utf8')) as { at: string; valid: string[] };
      const loaded = loadPackDir(path.join(ROOT, 'resources/guidelines', packId));
      for (const file of fixtures.valid) {
        const draft = DraftSchema.parse(JSON.parse(readFileSync(path.join(dir, file), 'utf8'))) as Draft;
        const failing = validateDraft(loaded.pack, draft, { today: fixtures.at })!.filter((r) => r.kind === 'valueShape' && r.outcome !== 'pass' && r.outcome !== 'notApplicable');
        expect(failing, `${packId}/${file}`).toEqual([]);
        drafts++;
      }
    }
    expect(drafts).toBeGreaterThan(10);
  });
});
