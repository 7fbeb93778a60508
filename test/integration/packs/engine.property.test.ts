/**
 * The engine over the real packs: for every program and document type, random edits to the ids
 * its rules read never throw, and incremental re-evaluation always equals a full evaluation.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyPatch } from '../../../electron/services/drafts/applyPatch';
import { loadPackDir } from '../../../electron/services/packs/loadPack';
import type { Draft, DraftPatch, FieldValue } from '../../../shared/model/draft';
import { fieldIndex, resolveProgram } from '../../../shared/pack/resolve';
import { changedIdsOfPatch, createRuleEngine } from '../../../shared/rules/engine';
import { idFor } from '../../unit/rules/helpers';

const DIR = path.resolve(__dirname, '../../../resources/guidelines');
const packs = readdirSync(DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => loadPackDir(path.join(DIR, d.name)).pack);

const ref = { sha256: 'c'.repeat(64), name: 'f.pdf', size: 1, mediaType: 'application/pdf', addedAt: '2020-01-01T00:00:00+08:00' };

for (const pack of packs) {
  for (const program of pack.programs) {
    for (const documentType of program.documentTypes) {
      const resolved = resolveProgram(pack, program.id, documentType)!;
      const engine = createRuleEngine(resolved);
      const index = fieldIndex(resolved);
      if (engine.rules.length === 0) continue;

      const options = [...index.values()].flatMap((loc) => (loc.field && 'options' in loc.field && loc.field.options ? loc.field.options.map((o) => o.value) : []));
      const scalar = fc.oneof(
        fc.constantFrom('', '2020-01', '2023-12', '2019-06-30', ...options.slice(0, 40)),
        fc.string({ maxLength: 12 }),
        fc.integer({ min: -10, max: 5_000_000 }),
        fc.date({ min: new Date('1950-01-01'), max: new Date('2005-12-31'), noInvalidDate: true }).map((d) => idFor(d.toISOString().slice(0, 10).replace(/-/g, ''))),
      );
      const value: fc.Arbitrary<FieldValue> = fc.oneof(scalar, fc.array(fc.constantFrom('2020-01', '2022-12', ...options.slice(0, 20)), { maxLength: 3 }), fc.constant(null));
      const valueIds = [...index.entries()].filter(([, l]) => l.kind === 'field' && l.field?.kind !== 'table').map(([id]) => id);
      const tables = [...index.entries()].filter(([, l]) => l.field?.kind === 'table');
      const declarationIds = resolved.declarations.map((d) => d.id);
      const slotIds = resolved.checklist.map((a) => a.id);
      const tablePatch = tables.length === 0 ? fc.constant({}) : fc.dictionary(
        fc.constantFrom(...tables.map(([id]) => id)),
        fc.option(fc.array(fc.dictionary(fc.constantFrom('key', 'fiscal', 'selfRaised', 'region', 'name', 'date', 'level', 'idNumber', 'unitType'), value, { maxKeys: 4 }), { maxLength: 4 })),
        { maxKeys: 2 },
      );
      const patch: fc.Arbitrary<DraftPatch> = fc.record({
        values: valueIds.length === 0 ? fc.constant({}) : fc.dictionary(fc.constantFrom(...valueIds), value, { maxKeys: 4 }),
        tables: tablePatch,
        declarations: declarationIds.length === 0 ? fc.constant({}) : fc.dictionary(fc.constantFrom(...declarationIds), fc.option(fc.boolean()), { maxKeys: 3 }),
        attachments: slotIds.length === 0 ? fc.constant({}) : fc.dictionary(fc.constantFrom(...slotIds), fc.option(fc.constant([ref])), { maxKeys: 3 }),
      });
      const start: Draft = {
        format: 'shenbao-draft',
        formatVersion: 1,
        id: '00000000-0000-4000-8000-00000000000a',
        guideline: { packId: pack.id, packVersion: pack.version, programId: program.id, directionPath: [], documentType },
        values: {},
        tables: {},
        attachments: {},
        declarations: {},
        planTasks: [],
        status: 'editing',
        createdAt: '2020-01-01T00:00:00+08:00',
        updatedAt: '2020-01-01T00:00:00+08:00',
      };

      describe(`${pack.id} / ${program.id} / ${documentType}`, { timeout: 180_000 }, () => {
        it('random edits: never throws, incremental equals full', () => {
          fc.assert(
            fc.property(fc.array(patch, { minLength: 1, maxLength: 6 }), fc.constantFrom('2017-06-01', '2020-03-30', '2022-06-01'), (edits, today) => {
              let draft = start;
              let results = engine.evaluate(draft, { today });
              for (const edit of edits) {
                draft = applyPatch(draft, edit);
                results = engine.evaluateChanged(draft, { today }, changedIdsOfPatch(edit), results);
                expect(results).toEqual(engine.evaluate(draft, { today }));
              }
            }),
            { numRuns: 40 },
          );
        });
      });
    }
  }
}
