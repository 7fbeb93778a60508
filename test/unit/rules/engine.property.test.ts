import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyPatch } from '../../../electron/services/drafts/applyPatch';
import { DraftSchema, type Draft, type DraftPatch, type FieldValue } from '../../../shared/model/draft';
import { resolveProgram } from '../../../shared/pack/resolve';
import { changedIdsOfPatch, createRuleEngine, validateDraft } from '../../../shared/rules/engine';
import type { OtherDraft, RuleContext } from '../../../shared/rules/types';
import { COLUMN_IDS, DECLARATION_IDS, SLOT_IDS, TABLE_IDS, VALUE_IDS, allKindsPack } from './allKinds';
import { idFor } from './helpers';

const pack = allKindsPack();
const engine = createRuleEngine(resolveProgram(pack, 'p1', 'application')!);

const text = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('', '  ', '2020-01', '2022-12', '2019-13', '2020-02-29', '2019-02-29', '1972-01-01', '65', '11', 'enterprise', 'university', 'hightech', 'check', 'bad', '无', '教授', '100000', '-5', 'toString', '__proto__'),
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

const blank: Draft = {
  format: 'shenbao-draft',
  formatVersion: 1,
  id: '00000000-0000-4000-8000-000000000009',
  guideline: { packId: 'test-pack', packVersion: '1.0.0', programId: 'p1', directionPath: [], documentType: 'application' },
  values: {},
  tables: {},
  attachments: {},
  declarations: {},
  planTasks: [],
  status: 'editing',
  createdAt: '2020-01-01T00:00:00+08:00',
  updatedAt: '2020-01-01T00:00:00+08:00',
};

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
        const results = engine.evaluate(draft, ctx);
        expect(results).toHaveLength(engine.rules.length);
        for (const r of results) {
          expect(['pass', 'fail', 'met', 'notApplicable']).toContain(r.outcome);
          expect(r.message.length).toBeGreaterThan(0);
        }
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
