import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPackFromText, PackError } from '../../../electron/services/packs/loadPack';

const DIR = path.resolve(__dirname, '../../../resources/guidelines/karamay-2017');
const packText = readFileSync(path.join(DIR, 'pack.json'), 'utf8');
const source = readFileSync(path.join(DIR, 'source.txt'), 'utf8');

describe('a pack written with named conditions and shared contacts', () => {
  it('loads as the plain pack: no ref and no contact name is left for the engine or the screens', () => {
    const { pack } = loadPackFromText(packText, source);
    const text = JSON.stringify(pack);
    expect(text).not.toContain('"ref"');
    expect(text).not.toContain('$schema');
    // The condition the file writes once stands in each of its seven places again.
    expect(text.split('{"not":{"any":[{"directionUnder":["population-health"]},{"directionUnder":["basic-education"]}]}}').length - 1).toBe(7);
    for (const program of pack.programs) for (const contact of program.contacts ?? []) expect(typeof contact).toBe('object');
  });

  it('refuses a reference to a name the pack does not define, naming the place, and installs nothing', () => {
    const broken = packText.replace('"ref": "notHealthOrEducation"', '"ref": "notDefined"');
    expect(broken).not.toBe(packText);
    let error: unknown;
    try {
      loadPackFromText(broken, source);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PackError);
    expect((error as PackError).problems.join('\n')).toMatch(/programs\.\d+\.rules\.\d+\.when\.ref：引用了不存在的命名条件 notDefined/);
  });
});
