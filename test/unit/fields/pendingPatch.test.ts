import { describe, expect, it } from 'vitest';
import { locateField, wizardSections } from '../../../renderer/src/wizard/sections';
import { addEdit, applyEdits, editsOfPatch, isPatchEmpty, mergePatches, valueBefore } from '../../../renderer/src/store/pendingPatch';
import { resolveProgram } from '../../../shared/pack/resolve';
import { makeDraft, makePack } from '../rules/helpers';

describe('pending edits', () => {
  it('keeps the newest value per id and target, and round-trips through the draft', () => {
    let patch = addEdit({}, { target: 'values', id: 'pi.name', value: '张' });
    patch = addEdit(patch, { target: 'values', id: 'pi.name', value: '张三' });
    patch = addEdit(patch, { target: 'tables', id: 'members', value: [{ name: '甲' }] });
    patch = addEdit(patch, { target: 'planTasks', id: 'planTasks', value: ['t1'] });
    expect(patch).toEqual({ values: { 'pi.name': '张三' }, tables: { members: [{ name: '甲' }] }, planTasks: ['t1'] });
    const draft = applyEdits(makeDraft(), editsOfPatch(patch));
    expect(draft.values['pi.name']).toBe('张三');
    expect(draft.tables.members).toEqual([{ name: '甲' }]);
    expect(draft.planTasks).toEqual(['t1']);
    expect(valueBefore(draft, 'values', 'pi.name')).toBe('张三');
    expect(valueBefore(draft, 'values', 'toString')).toBeUndefined();
  });

  it('merges a failed save under newer edits', () => {
    const failed = { values: { a: 1, b: 1 }, declarations: { d: true } };
    const newer = { values: { b: 2 } };
    expect(mergePatches(failed, newer)).toEqual({ values: { a: 1, b: 2 }, declarations: { d: true } });
    expect(isPatchEmpty({ values: {}, tables: {} })).toBe(true);
    expect(isPatchEmpty({ planTasks: [] })).toBe(false);
  });
});

describe('goToField locations', () => {
  const sections = wizardSections(resolveProgram(makePack([]), 'p1', 'application'));

  it('finds plain fields, tables by row/cell paths, and checklist slots', () => {
    expect(locateField(sections, 'pi.idNumber')).toEqual({ sectionId: 'pi', fieldId: 'pi.idNumber' });
    expect(locateField(sections, 'members[2].name')).toEqual({ sectionId: 'members', fieldId: 'members' });
    expect(locateField(sections, 'budget')).toEqual({ sectionId: 'budget', fieldId: 'budget' });
    expect(locateField(sections, 'nothing.here')).toBeNull();
  });

  it('without a guideline the default template is shown, without the empty declaration and checklist sections', () => {
    const ids = wizardSections(null).map((s) => s.id);
    expect(ids).toContain('budget');
    expect(ids).not.toContain('declarations');
    expect(ids).not.toContain('attachments');
  });
});
