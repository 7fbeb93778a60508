import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyPatch } from '../../../electron/services/drafts/applyPatch';
import { patchedDraft } from '../../../electron/services/drafts/patchedDraft';
import { DraftPatchSchema, DraftSchema, type Draft } from '../../../shared/model/draft';
import { LIMITS } from '../../../shared/model/limits';
import { describeZodError } from '../../../shared/validation/formatIssues';

const FIXTURE = path.resolve(__dirname, '../../fixtures/packs/chengguan-2020/valid-medical.json');
const stored: Draft = DraftSchema.parse(JSON.parse(readFileSync(FIXTURE, 'utf8')));
const AT = '2026-12-07T01:00:00.000Z';

/** What the wizard sends: every part well formed. */
const goodKey = fc.constantFrom('project.name', 'pi.phone', 'budget.fiscal', 'narrative.basis', 'members', 'a_b.c1', ...Object.keys(stored.values).slice(0, 5));
const goodValue = fc.oneof(fc.string({ maxLength: 40 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.array(fc.string({ maxLength: 10 }), { maxLength: 4 }), fc.constant(null));
const goodRow = fc.dictionary(goodKey, goodValue, { maxKeys: 4 });
const goodAttachment = fc.record({
  sha256: fc.stringMatching(/^[0-9a-f]{64}$/),
  name: fc.constantFrom('申报书.pdf', '营业执照.png'),
  size: fc.nat(),
  mediaType: fc.constantFrom('application/pdf', 'image/png'),
  addedAt: fc.constantFrom('2026-01-01T08:00:00.000+08:00', '2026-01-01T00:00:00Z'),
});
const goodGuideline = fc.oneof(fc.constant(null), fc.constant(stored.guideline));
const goodPatch = fc.record(
  {
    values: fc.dictionary(goodKey, goodValue, { maxKeys: 5 }),
    tables: fc.dictionary(goodKey, fc.oneof(fc.constant(null), fc.array(goodRow, { maxLength: 3 })), { maxKeys: 3 }),
    attachments: fc.dictionary(goodKey, fc.oneof(fc.constant(null), fc.array(goodAttachment, { maxLength: 2 })), { maxKeys: 2 }),
    declarations: fc.dictionary(goodKey, fc.oneof(fc.boolean(), fc.constant(null)), { maxKeys: 3 }),
    guideline: goodGuideline,
    planTasks: fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }),
  },
  { requiredKeys: [] },
);

/** What a hostile or broken caller sends: one part of a good patch replaced by something ill-formed. */
const badKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'a.prototype', '9abc', 'a..b', '', 'x'.repeat(LIMITS.fieldIdLength + 1), '项目'), fc.string({ maxLength: 12 }));
const badValue = fc.oneof(fc.constant(Number.NaN), fc.constant(Number.POSITIVE_INFINITY), fc.object(), fc.constant(undefined), fc.array(fc.integer(), { minLength: 1, maxLength: 2 }), fc.constant('长'.repeat(LIMITS.textLength + 1)));
const badPart = fc.oneof(
  fc.record({ values: fc.dictionary(badKey, goodValue, { minKeys: 1, maxKeys: 2 }) }),
  fc.record({ values: fc.dictionary(goodKey, badValue, { minKeys: 1, maxKeys: 2 }) }),
  fc.record({ tables: fc.dictionary(goodKey, fc.oneof(fc.string(), fc.array(fc.dictionary(badKey, badValue, { minKeys: 1, maxKeys: 2 }), { minLength: 1, maxLength: 2 })), { minKeys: 1, maxKeys: 2 }) }),
  fc.record({ attachments: fc.dictionary(goodKey, fc.array(fc.record({ sha256: fc.string({ maxLength: 70 }), name: fc.string({ maxLength: 3 }), size: fc.integer({ max: -1 }), mediaType: fc.string(), addedAt: fc.string({ maxLength: 30 }) }), { minLength: 1, maxLength: 2 }), { minKeys: 1, maxKeys: 2 }) }),
  fc.record({ declarations: fc.dictionary(goodKey, fc.string({ maxLength: 2 }), { minKeys: 1, maxKeys: 2 }) }),
  fc.record({ guideline: fc.record({ packId: fc.string({ maxLength: 8 }), packVersion: fc.string({ maxLength: 8 }), programId: fc.string({ maxLength: 8 }), directionPath: fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }), documentType: fc.constantFrom('proposal', 'application', 'other') }) }),
  fc.record({ status: fc.constantFrom('final', 'editing') }),
  fc.record({ planTasks: fc.oneof(fc.string(), fc.array(fc.integer(), { minLength: 1, maxLength: 2 })) }),
);
const patch = fc.oneof(
  goodPatch,
  fc.tuple(goodPatch, badPart).map(([good, bad]) => ({ ...good, ...bad })),
  fc.oneof(fc.constant(null), fc.string(), fc.array(fc.anything(), { maxLength: 2 }), fc.anything()),
);

describe('patchedDraft: a save validates the patch, not the whole merged draft again', () => {
  it('accepts exactly the patches a full validation of the merged draft accepts, with the same draft', () => {
    const outcomes = { accepted: 0, refusedPatch: 0, refusedMerge: 0 };
    fc.assert(
      fc.property(patch, (p) => {
        const fast = patchedDraft(stored, p, AT);
        const asPatch = DraftPatchSchema.safeParse(p);
        if (!asPatch.success) {
          expect(fast.ok).toBe(false);
          outcomes.refusedPatch++;
          return;
        }
        const whole = DraftSchema.safeParse({ ...applyPatch(stored, asPatch.data), updatedAt: AT });
        expect(fast.ok).toBe(whole.success);
        if (whole.success) outcomes.accepted++;
        else outcomes.refusedMerge++;
        if (fast.ok && whole.success) expect(fast.draft).toEqual(whole.data);
      }),
      { numRuns: 1200 },
    );
    // The generator reaches both answers often: the property is not decided by one side alone.
    expect(outcomes.accepted).toBeGreaterThan(100);
    expect(outcomes.refusedPatch).toBeGreaterThan(100);
  });

  it('refuses a patch that grows a record past the key limit, worded as the full validation words it', () => {
    const full: Draft = { ...stored, values: Object.fromEntries(Array.from({ length: LIMITS.keysPerRecord - 1 }, (_, i) => [`field.k${i}`, '值'])) };
    expect(DraftSchema.safeParse(full).success).toBe(true);
    const fits = patchedDraft(full, { values: { 'extra.one': 1 } }, AT);
    expect(fits.ok).toBe(true);
    const over = patchedDraft(full, { values: { 'extra.one': 1, 'extra.two': 2 } }, AT);
    const whole = DraftSchema.safeParse({ ...full, values: { ...full.values, 'extra.one': 1, 'extra.two': 2 }, updatedAt: AT });
    expect(over.ok).toBe(false);
    expect(whole.success).toBe(false);
    if (!over.ok && !whole.success) {
      expect(describeZodError(over.error)).toBe(describeZodError(whole.error));
      expect(describeZodError(over.error)).toContain(`键数量不能超过 ${LIMITS.keysPerRecord}`);
    }
    // Deleting keys in the same patch keeps the record within the limit.
    const table = { ...full, tables: Object.fromEntries(Array.from({ length: LIMITS.keysPerRecord }, (_, i) => [`t.k${i}`, []])) };
    expect(patchedDraft(table, { tables: { 't.k0': null, 'extra.t': [] } }, AT).ok).toBe(true);
    expect(patchedDraft(table, { tables: { 'extra.t': [] } }, AT).ok).toBe(false);
  });

  it('never changes the stored draft it merges into', () => {
    const before = structuredClone(stored);
    patchedDraft(stored, { values: { 'project.name': '新名称' }, tables: { members: null }, declarations: { x: true } }, AT);
    expect(stored).toEqual(before);
  });
});
