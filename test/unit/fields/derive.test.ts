import { describe, expect, it } from 'vitest';
import { derivedEdits } from '../../../renderer/src/fields/derive';
import { periodMonths } from '../../../shared/derive/period';
import { idFor, makeDraft } from '../rules/helpers';

describe('derived fields', () => {
  it('a valid ID number fills sex and birth date; an invalid one clears them', () => {
    const draft = makeDraft();
    const id = idFor('19850615', false);
    expect(derivedEdits(draft, [{ target: 'values', id: 'pi.idNumber', value: id }])).toEqual([
      { target: 'values', id: 'pi.sex', value: 'female' },
      { target: 'values', id: 'pi.birthDate', value: '1985-06-15' },
    ]);
    const filled = makeDraft({ values: { 'pi.sex': 'female', 'pi.birthDate': '1985-06-15' } });
    expect(derivedEdits(filled, [{ target: 'values', id: 'pi.idNumber', value: id.slice(0, 17) }])).toEqual([
      { target: 'values', id: 'pi.sex', value: null },
      { target: 'values', id: 'pi.birthDate', value: null },
    ]);
  });

  it('adds nothing when the derived values already match or another field changed', () => {
    const id = idFor('19700101', true);
    const draft = makeDraft({ values: { 'pi.sex': 'male', 'pi.birthDate': '1970-01-01' } });
    expect(derivedEdits(draft, [{ target: 'values', id: 'pi.idNumber', value: id }])).toEqual([]);
    expect(derivedEdits(draft, [{ target: 'values', id: 'pi.name', value: '张三' }])).toEqual([]);
  });

  it('counts the period in months including both ends', () => {
    expect(periodMonths(['2020-01', '2022-12'])).toBe(36);
    expect(periodMonths(['2020-04', '2020-04'])).toBe(1);
    expect(periodMonths(['2020-04', ''])).toBeNull();
    expect(periodMonths('2020-04')).toBeNull();
  });
});
