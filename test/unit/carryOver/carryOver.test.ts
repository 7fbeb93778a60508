import { describe, expect, it } from 'vitest';
import { carryOver } from '../../../shared/carryOver';
import type { Draft } from '../../../shared/model/draft';
import { fieldIndex, resolveProgram } from '../../../shared/pack/resolve';
import { realPack } from './realPacks';

const karamay = realPack('karamay-2017');
const chengguan = realPack('chengguan-2020');
const talent = resolveProgram(karamay, 'talent', 'application')!;
const transfer = resolveProgram(karamay, 'transfer', 'application')!;
const techInnovation = resolveProgram(chengguan, 'tech-innovation', 'application')!;

const karamayDraft: Pick<Draft, 'values' | 'tables'> = {
  values: {
    'project.name': '油田数字孪生平台',
    'project.summary': '面向油田的数字孪生平台。',
    'project.keywords': '数字孪生；油田',
    'applicant.name': '克拉玛依某科技有限公司',
    'applicant.unitType': 'enterprise',
    'applicant.foundedOn': '2010-05-01',
    'pi.name': '张三',
    'pi.award': 'regionalTalentAward',
    'pi.title': '',
    'narrative.basis': '立项依据正文',
    'project.period': ['2017-07', '2019-06'],
  },
  tables: {
    members: [{ name: '李四', title: '工程师' }, { name: '', title: null }],
    partners: [{ name: '新疆大学', region: '65', location: 'xinjiang' }],
  },
};

describe('carryOver from a 克拉玛依 draft into a 城关区 draft', () => {
  const result = carryOver(karamayDraft, techInnovation, talent);

  it('copies the unit, PI, team, partners and narrative fields the target has, by common id', () => {
    expect(result.patch.values).toMatchObject({
      'applicant.name': '克拉玛依某科技有限公司',
      'applicant.unitType': 'enterprise',
      'pi.name': '张三',
      'narrative.basis': '立项依据正文',
      'project.summary': '面向油田的数字孪生平台。',
      'project.keywords': '数字孪生；油田',
    });
    // Only filled rows travel.
    expect(result.patch.tables.members).toEqual([{ name: '李四', title: '工程师' }]);
  });

  it('does not copy what is not carried over: project name and period belong to the new project', () => {
    expect(result.patch.values['project.name']).toBeUndefined();
    expect(result.patch.values['project.period']).toBeUndefined();
  });

  it('lists every filled source field the target program lacks, with the source label', () => {
    const dropped = Object.fromEntries(result.dropped.map((d) => [d.id, d.label]));
    expect(dropped['applicant.foundedOn']).toContain('成立');
    expect(dropped['pi.award']).toBeDefined();
    expect(dropped['pi.award']).not.toBe('pi.award');
    // Empty source fields are neither copied nor reported.
    expect(dropped['pi.title']).toBeUndefined();
    expect(result.patch.values['pi.title']).toBeUndefined();
  });

  it('reports table columns the target table lacks and keeps the rest of the row', () => {
    const partners = fieldIndex(techInnovation).get('partners')?.field;
    const targetColumns = new Set(partners?.kind === 'table' ? partners.columns.map((c) => c.id) : []);
    const row = result.patch.tables.partners?.[0] ?? {};
    expect(row.name).toBe('新疆大学');
    for (const column of Object.keys(row)) expect(targetColumns.has(column)).toBe(true);
    expect(targetColumns.has('location')).toBe(false);
    expect(result.dropped.map((d) => d.id)).toContain('partners.location');
  });

  it('copies nothing of a group that was not chosen', () => {
    const onlyPi = carryOver(karamayDraft, techInnovation, transfer, ['pi']);
    expect(Object.keys(onlyPi.patch.values).every((id) => id.startsWith('pi.'))).toBe(true);
    expect(onlyPi.patch.tables).toEqual({});
  });

  it('without the source pack, dropped fields are still listed, by id', () => {
    const blind = carryOver(karamayDraft, techInnovation, null);
    expect(blind.dropped.find((d) => d.id === 'applicant.foundedOn')?.label).toBe('applicant.foundedOn');
  });
});
