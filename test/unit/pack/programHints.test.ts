import { describe, expect, it } from 'vitest';
import { resolveProgram } from '../../../shared/pack/resolve';
import { realPack } from '../carryOver/realPacks';

const CALLS = ['chengguan-2020', 'karamay-2017', 'shuimogou-2020', 'xinjiang-aid-2022'];

/**
 * A hint written for one program must not show in another program's form: every field help and
 * section description a program's wizard shows may name only that program, never a sibling.
 */
describe.each(CALLS)('%s: hints stay with their program', (packId) => {
  const pack = realPack(packId);
  for (const program of pack.programs) {
    it(`${program.name}: no help text names another program of the call`, () => {
      const others = pack.programs.filter((p) => p.id !== program.id && !program.name.includes(p.name) && !p.name.includes(program.name)).map((p) => p.name);
      const types = [...new Set(program.documentTypes ?? ['application'])];
      for (const type of types) {
        const resolved = resolveProgram(pack, program.id, type);
        if (!resolved) continue;
        const texts = resolved.sections.flatMap((s) => [s.description ?? '', ...s.fields.map((f) => f.help ?? '')]);
        const leaks = texts.filter((t) => others.some((name) => t.includes(name)));
        expect(leaks).toEqual([]);
      }
    });
  }
});
