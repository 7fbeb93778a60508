import { describe, expect, it } from 'vitest';
import { REGION_TREE, isRegionCode, regionName, regionPath, relationTo, type RegionNode } from '../../../shared/regions';

const all = (nodes: readonly RegionNode[]): RegionNode[] => nodes.flatMap((n) => [n, ...all(n.children ?? [])]);

describe('GB/T 2260 code table', () => {
  it('lists every province-level unit once, by its six-digit code', () => {
    expect(REGION_TREE).toHaveLength(34);
    expect(REGION_TREE.every((p) => /^\d{2}0000$/.test(p.code))).toBe(true);
    expect(new Set(REGION_TREE.map((p) => p.code)).size).toBe(34);
  });

  it('codes are unique, six digits, and each child carries its parent prefix (province 2, prefecture 4 digits)', () => {
    const nodes = all(REGION_TREE);
    expect(new Set(nodes.map((n) => n.code)).size).toBe(nodes.length);
    for (const province of REGION_TREE) {
      for (const city of province.children ?? []) {
        expect(city.code.slice(0, 2)).toBe(province.code.slice(0, 2));
        expect(city.code.endsWith('00')).toBe(true);
        for (const district of city.children ?? []) {
          expect(district.code.slice(0, 4)).toBe(city.code.slice(0, 4));
          expect(district.code.endsWith('00')).toBe(false);
        }
      }
    }
  });

  it('has the units the guidelines name, with their names', () => {
    expect(regionName('650000')).toBe('新疆维吾尔自治区');
    expect(regionName('650105')).toBe('新疆维吾尔自治区乌鲁木齐市水磨沟区');
    expect(regionName('650203')).toBe('新疆维吾尔自治区克拉玛依市克拉玛依区');
    expect(regionName('620102')).toBe('甘肃省兰州市城关区');
    expect(regionName('620600')).toBe('甘肃省武威市');
    // The level 「自治区直辖县级行政区划」 has no place name of its own.
    expect(regionName('659001')).toBe('新疆维吾尔自治区石河子市');
    expect(regionName('999999')).toBeNull();
  });

  it('lists all 14 prefecture-level units of 甘肃 and the 14 of 新疆 plus its directly administered cities', () => {
    const children = (code: string) => REGION_TREE.find((p) => p.code === code)?.children ?? [];
    expect(children('620000')).toHaveLength(14);
    expect(children('650000').filter((c) => c.code !== '659000')).toHaveLength(14);
  });

  it('lists every prefecture-level unit of the other western provinces', () => {
    const children = (code: string) => REGION_TREE.find((p) => p.code === code)?.children ?? [];
    const counts = Object.fromEntries(['150000', '450000', '510000', '520000', '530000', '540000', '610000', '630000', '640000'].map((c) => [c, children(c).length]));
    expect(counts).toEqual({ '150000': 12, '450000': 14, '510000': 21, '520000': 9, '530000': 16, '540000': 7, '610000': 10, '630000': 8, '640000': 5 });
    expect(regionName('640100')).toBe('宁夏回族自治区银川市');
    expect(regionName('513400')).toBe('四川省凉山彝族自治州');
  });

  it('relates codes by the tree: inside, coarser (cannot tell yet) or outside', () => {
    expect(relationTo('620102', '620102')).toBe('inside');
    expect(relationTo('620102', '620100')).toBe('inside');
    expect(relationTo('650105', '650000')).toBe('inside');
    expect(relationTo('620100', '620102')).toBe('coarser');
    expect(relationTo('620000', '620102')).toBe('coarser');
    expect(relationTo('620103', '620102')).toBe('outside');
    expect(relationTo('650105', '620102')).toBe('outside');
    expect(regionPath('650105').map((n) => n.code)).toEqual(['650000', '650100', '650105']);
    expect(isRegionCode('650105')).toBe(true);
    expect(isRegionCode('65')).toBe(false);
  });
});
