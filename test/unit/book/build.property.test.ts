import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildBook } from '../../../shared/book/build/index';
import { renderBookHtml } from '../../../shared/book/html/index';
import { DraftSchema, type Draft, type FieldValue } from '../../../shared/model/draft';
import { resolveProgram } from '../../../shared/pack/resolve';
import { loadPack } from './fixtures';

const PACKS = ['chengguan-2020', 'karamay-2017', 'shuimogou-2020', 'xinjiang-aid-2022', 'wuwei-plan-2022'].map(loadPack);

const text = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom('', ' ', '2020-06', '2020-13', '1968-11-05', 'enterprise', 'male', 'A', '__proto__', 'toString', '{"type":"doc","content":[]}', '{"type":"doc"', '<script>x</script>', '\n\n'),
  fc.string({ unit: fc.constantFrom('智', '慧', 'A', '1', '\n', '，'), maxLength: 30 }),
);
const value: fc.Arbitrary<FieldValue> = fc.oneof(
  text,
  fc.integer({ min: -1_000_000_000, max: Number.MAX_SAFE_INTEGER }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.array(text, { maxLength: 3 }),
  fc.constant(null),
);

/** Ids the real programs use, so random values land on real fields, tables, slots and declarations. */
const ids = PACKS.flatMap(({ pack }) =>
  pack.programs.flatMap((p) =>
    (['application', 'proposal'] as const).flatMap((t) => {
      const r = resolveProgram(pack, p.id, t);
      if (!r) return [];
      return [
        ...r.sections.flatMap((s) => s.fields.flatMap((f) => (f.kind === 'table' ? [f.id, ...f.columns.map((c) => c.id)] : [f.id]))),
        ...r.declarations.map((d) => d.id),
        ...r.checklist.map((a) => a.id),
      ];
    }),
  ),
);
const idArb = fc.constantFrom(...new Set([...ids, 'key', 'category', 'fiscal', 'selfRaised']));
const programs = PACKS.flatMap((loaded) => [{ loaded, programId: 'no-such-program' }, ...loaded.pack.programs.map((p) => ({ loaded, programId: p.id }))]);

const draftArb = fc
  .record({
    target: fc.constantFrom(...programs),
    documentType: fc.constantFrom('application' as const, 'proposal' as const),
    noGuideline: fc.boolean(),
    directionPath: fc.array(fc.constantFrom('medical-health', 'a', 'tech', 'x'), { maxLength: 3 }),
    values: fc.dictionary(idArb, value, { maxKeys: 25 }),
    tables: fc.dictionary(idArb, fc.array(fc.dictionary(idArb, value, { maxKeys: 6 }), { maxLength: 5 }), { maxKeys: 5 }),
    attachments: fc.dictionary(
      idArb,
      fc.array(
        fc.record({
          sha256: fc.constantFrom('a'.repeat(64), 'b'.repeat(64)),
          name: fc.string({ minLength: 1, maxLength: 20 }),
          size: fc.nat(),
          mediaType: fc.constantFrom('image/png', 'application/pdf', 'image/jpeg', ''),
          addedAt: fc.constant('2020-01-01T00:00:00+08:00'),
        }),
        { maxLength: 2 },
      ),
      { maxKeys: 4 },
    ),
    declarations: fc.dictionary(idArb, fc.boolean(), { maxKeys: 6 }),
    status: fc.constantFrom('editing' as const, 'final' as const),
  })
  .map(({ target, documentType, noGuideline, directionPath, ...rest }) => {
    const draft: Draft = DraftSchema.parse({
      format: 'shenbao-draft',
      formatVersion: 1,
      id: '00000000-0000-4000-8000-000000000077',
      guideline: noGuideline ? null : { packId: target.loaded.pack.id, packVersion: target.loaded.pack.version, programId: target.programId, directionPath, documentType },
      planTasks: [],
      createdAt: '2020-01-01T00:00:00+08:00',
      updatedAt: '2020-01-01T00:00:00+08:00',
      ...rest,
    });
    return { draft, loaded: target.loaded };
  });

describe('buildBook over the real packs’ programs', () => {
  it('never throws on a draft DraftSchema accepts, and the HTML always renders', () => {
    fc.assert(
      fc.property(draftArb, fc.constantFrom('2020-03-02T03:05:00Z', 'not a date'), ({ draft, loaded }, generatedAt) => {
        const book = buildBook({ draft, pack: loaded.pack, revision: 1, packHash: loaded.contentHash, results: [], generatedAt });
        expect(book.cover.fields).toHaveLength(8);
        expect(book.meta.watermark).toBe(draft.status !== 'final');
        const html = renderBookHtml(book, { forPrint: true });
        expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
        expect(html).not.toMatch(/<script/i);
      }),
      { numRuns: 200 },
    );
  });
});
