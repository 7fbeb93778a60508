/**
 * The rule engine under fast-check: on any draft DraftSchema accepts it never throws, answers
 * every rule, and incremental re-evaluation equals a full evaluation. First over a pack that has
 * every rule kind (arbitrary values and other drafts), then over every program of the real packs
 * (edits aimed at the ids their rules read). This is the one engine property file; the former
 * test/integration/packs/engine.property.test.ts was merged into it.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyPatch } from '../../../electron/services/drafts/applyPatch';
import { loadPackDir } from '../../../electron/services/packs/loadPack';
import { DraftSchema, type Draft, type DraftPatch, type FieldValue } from '../../../shared/model/draft';
import { fieldIndex, resolveProgram } from '../../../shared/pack/resolve';
import { changedIdsOfPatch, createRuleEngine, validateDraft, type RuleEngine } from '../../../shared/rules/engine';
import type { OtherDraft, RuleContext, RuleResult } from '../../../shared/rules/types';
import { COLUMN_IDS, DECLARATION_IDS, SLOT_IDS, TABLE_IDS, VALUE_IDS, allKindsPack } from './allKinds';
import { idFor, makeDraft } from './helpers';

function expectEveryRuleAnswered(engine: RuleEngine, results: RuleResult[]): void {
  expect(results).toHaveLength(engine.rules.length);
  for (const r of results) {
    expect(['pass', 'fail', 'met', 'notApplicable', 'pending']).toContain(r.outcome);
    // Never uncited: a guideline clause, or the form's own requirement.
    expect(r.citation.quote.length + r.citation.clause.length).toBeGreaterThan(0);
    expect(r.message.length).toBeGreaterThan(0);
  }
}

const pack = allKindsPack();
const engine = createRuleEngine(resolveProgram(pack, 'p1', 'application')!);

const text = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('', '  ', '2020-01', '2022-12', '2019-13', '2020-02-29', '2019-02-29', '1972-01-01', '65', '11', '620102', '620100', '650105', 'enterprise', 'university', 'hightech', 'check', 'bad', '无', '教授', '100000', '-5', 'toString', '__proto__'),
  fc.date({ min: new Date('1930-01-01'), max: new Date('2010-12-31'), noInvalidDate: true }).map((d) => idFor(d.toISOString().slice(0, 10).replace(/-/g, ''))),
  fc.string({ unit: fc.constantFrom('智', '慧', 'A', '1', ' ', '，'), maxLength: 40 }),
);
const value: fc.Arbitrary<FieldValue> = fc.oneof(
  text,
  fc.integer({ min: -1_000_000, max: 10_000_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.array(text, { maxLength: 3 }),
  fc.constant(null),
);
const row = fc.dictionary(fc.constantFrom(...COLUMN_IDS), value, { maxKeys: 5 });
const attachmentRef = fc.constant({ sha256: 'b'.repeat(64), name: 'a.pdf', size: 1, mediaType: 'application/pdf', addedAt: '2020-01-01T00:00:00+08:00' });
const guideline = fc.option(
  fc.record({
    packId: fc.constantFrom('test-pack', 'other'),
    packVersion: fc.constant('1.0.0'),
    programId: fc.constantFrom('p1', 'p2'),
    directionPath: fc.constantFrom<string[][]>([], ['a'], ['a', 'a1'], ['b'], ['zz', 'yy']),
    documentType: fc.constantFrom('application' as const, 'proposal' as const),
  }),
);

const patch: fc.Arbitrary<DraftPatch> = fc.record(
  {
    guideline,
    values: fc.dictionary(fc.constantFrom(...VALUE_IDS), value, { maxKeys: 4 }),
    tables: fc.dictionary(fc.constantFrom(...TABLE_IDS), fc.option(fc.array(row, { maxLength: 4 })), { maxKeys: 2 }),
    attachments: fc.dictionary(fc.constantFrom(...SLOT_IDS), fc.option(fc.array(attachmentRef, { maxLength: 2 })), { maxKeys: 2 }),
    declarations: fc.dictionary(fc.constantFrom(...DECLARATION_IDS), fc.option(fc.boolean()), { maxKeys: 2 }),
  },
  { requiredKeys: [] },
);

const blank: Draft = { ...makeDraft(), id: '00000000-0000-4000-8000-000000000009' };

const ctxArb: fc.Arbitrary<RuleContext> = fc.record({
  today: fc.constantFrom('2020-01-01', '2020-03-30', '2020-03-31', '2021-06-01'),
  otherDrafts: fc.array(
    fc.record({
      id: fc.constantFrom('o1', blank.id),
      packId: fc.constantFrom('test-pack', 'x'),
      packVersion: fc.constant('1.0.0'),
      year: fc.constantFrom(2020, 2021, null),
      programId: fc.constantFrom('p1', 'p2'),
      directionPath: fc.constantFrom<string[][]>([], ['a']),
      documentType: fc.constantFrom('application' as const, 'proposal' as const),
      values: fc.dictionary(fc.constantFrom(...VALUE_IDS), value, { maxKeys: 3 }),
    }) as fc.Arbitrary<OtherDraft>,
    { maxLength: 3 },
  ),
});

const draftArb = fc.array(patch, { minLength: 1, maxLength: 3 }).map((patches) => patches.reduce(applyPatch, blank));

// Property runs are CPU-bound; a generous timeout keeps them honest on a loaded machine.
describe('the rule engine over arbitrary drafts', { timeout: 180_000 }, () => {
  it('never throws on a draft DraftSchema accepts, and always answers every rule', () => {
    fc.assert(
      fc.property(draftArb, ctxArb, (draft, ctx) => {
        fc.pre(DraftSchema.safeParse(draft).success);
        expectEveryRuleAnswered(engine, engine.evaluate(draft, ctx));
        validateDraft(pack, draft, ctx);
      }),
      { numRuns: 400 },
    );
  });

  it('incremental re-evaluation after random edits equals a full evaluation', () => {
    fc.assert(
      fc.property(draftArb, fc.array(patch, { minLength: 1, maxLength: 5 }), ctxArb, (start, edits, ctx) => {
        let draft = start;
        let results = engine.evaluate(draft, ctx);
        for (const edit of edits) {
          draft = applyPatch(draft, edit);
          results = engine.evaluateChanged(draft, ctx, changedIdsOfPatch(edit), results);
          expect(results).toEqual(engine.evaluate(draft, ctx));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('covers every rule kind in the property pack', async () => {
    const { KINDS } = await import('../../../shared/rules/kinds');
    const kinds = new Set(engine.rules.map((r) => r.kind));
    expect([...kinds].sort()).toEqual(Object.keys(KINDS).sort());
  });
});

const GUIDELINES = path.resolve(import.meta.dirname, '../../../resources/guidelines');
const realPacks = readdirSync(GUIDELINES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => loadPackDir(path.join(GUIDELINES, d.name)).pack);
const realRef = { sha256: 'c'.repeat(64), name: 'f.pdf', size: 1, mediaType: 'application/pdf', addedAt: '2020-01-01T00:00:00+08:00' };

for (const real of realPacks) {
  for (const program of real.programs) {
    for (const documentType of program.documentTypes) {
      const resolved = resolveProgram(real, program.id, documentType)!;
      const realEngine = createRuleEngine(resolved);
      if (realEngine.rules.length === 0) continue;
      const index = fieldIndex(resolved);

      // Values the rules compare against (option values, months, ID numbers) as well as arbitrary ones.
      const options = [...index.values()].flatMap((loc) => (loc.field && 'options' in loc.field && loc.field.options ? loc.field.options.map((o) => o.value) : []));
      const scalar = fc.oneof(
        fc.constantFrom('', '2020-01', '2023-12', '2019-06-30', ...options.slice(0, 40)),
        fc.string({ maxLength: 12 }),
        fc.integer({ min: -10, max: 5_000_000 }),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.boolean(),
        fc.date({ min: new Date('1950-01-01'), max: new Date('2005-12-31'), noInvalidDate: true }).map((d) => idFor(d.toISOString().slice(0, 10).replace(/-/g, ''))),
      );
      const realValue: fc.Arbitrary<FieldValue> = fc.oneof(scalar, fc.array(fc.constantFrom('2020-01', '2022-12', ...options.slice(0, 20)), { maxLength: 3 }), fc.constant(null));
      const valueIds = [...index.entries()].filter(([, l]) => l.kind === 'field' && l.field?.kind !== 'table').map(([id]) => id);
      const tables = [...index.entries()].filter(([, l]) => l.field?.kind === 'table');
      const columnIds = [...new Set(tables.flatMap(([, l]) => (l.field?.kind === 'table' ? l.field.columns.map((c) => c.id) : [])))];
      const declarationIds = resolved.declarations.map((d) => d.id);
      const slotIds = resolved.checklist.map((a) => a.id);
      const realPatch: fc.Arbitrary<DraftPatch> = fc.record({
        values: valueIds.length === 0 ? fc.constant({}) : fc.dictionary(fc.constantFrom(...valueIds), realValue, { maxKeys: 4 }),
        tables:
          tables.length === 0
            ? fc.constant({})
            : fc.dictionary(fc.constantFrom(...tables.map(([id]) => id)), fc.option(fc.array(fc.dictionary(fc.constantFrom('key', ...columnIds), realValue, { maxKeys: 4 }), { maxLength: 4 })), { maxKeys: 2 }),
        declarations: declarationIds.length === 0 ? fc.constant({}) : fc.dictionary(fc.constantFrom(...declarationIds), fc.option(fc.boolean()), { maxKeys: 3 }),
        attachments: slotIds.length === 0 ? fc.constant({}) : fc.dictionary(fc.constantFrom(...slotIds), fc.option(fc.constant([realRef])), { maxKeys: 3 }),
      });
      const start: Draft = {
        ...blank,
        id: '00000000-0000-4000-8000-00000000000a',
        guideline: { packId: real.id, packVersion: real.version, programId: program.id, directionPath: [], documentType },
      };
      const realCtx: fc.Arbitrary<RuleContext> = fc.record({
        today: fc.constantFrom('2017-06-01', '2020-03-30', '2022-06-01'),
        otherDrafts: fc.array(
          fc.record({
            id: fc.constant('o1'),
            packId: fc.constant(real.id),
            packVersion: fc.constant(real.version),
            year: fc.constantFrom(real.year, null),
            programId: fc.constant(program.id),
            directionPath: fc.constant([]),
            documentType: fc.constant(documentType),
            values: valueIds.length === 0 ? fc.constant({}) : fc.dictionary(fc.constantFrom(...valueIds), realValue, { maxKeys: 3 }),
          }) as fc.Arbitrary<OtherDraft>,
          { maxLength: 2 },
        ),
      });

      describe(`the rule engine over ${real.id} / ${program.id} / ${documentType}`, { timeout: 180_000 }, () => {
        it('random edits: never throws on a draft the schema accepts, answers every rule, incremental equals full', () => {
          fc.assert(
            fc.property(fc.array(realPatch, { minLength: 1, maxLength: 5 }), realCtx, (edits, ctx) => {
              let draft = start;
              let results = realEngine.evaluate(draft, ctx);
              for (const edit of edits) {
                draft = applyPatch(draft, edit);
                fc.pre(DraftSchema.safeParse(draft).success);
                results = realEngine.evaluateChanged(draft, ctx, changedIdsOfPatch(edit), results);
                expectEveryRuleAnswered(realEngine, results);
                expect(results).toEqual(realEngine.evaluate(draft, ctx));
              }
            }),
            // 25 programs × 25 runs of up to 5 edits: the all-kinds pack above carries the heavy fuzzing.
            { numRuns: 25 },
          );
        });
      });
    }
  }
}
