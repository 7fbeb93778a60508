import { describe, expect, it } from 'vitest';
import { diffText, tokenize } from '../../../shared/text/textDiff';

const side = (parts: ReturnType<typeof diffText>, op: 'insert' | 'delete') =>
  parts.filter((p) => p.op === 'equal' || p.op === op).map((p) => p.text).join('');

describe('diffText', () => {
  it('marks a changed Chinese phrase and keeps the rest equal', () => {
    const parts = diffText('本项目研发智慧安防平台，服务老旧小区。', '本项目研发智慧消防平台，服务全市老旧小区。');
    expect(parts).toEqual([
      { op: 'equal', text: '本项目研发智慧' },
      { op: 'delete', text: '安' },
      { op: 'insert', text: '消' },
      { op: 'equal', text: '防平台，服务' },
      { op: 'insert', text: '全市' },
      { op: 'equal', text: '老旧小区。' },
    ]);
  });

  it('keeps Latin words and numbers whole', () => {
    expect(tokenize('年产 2025 吨 IoT设备')).toEqual(['年', '产', ' ', '2025', ' ', '吨', ' ', 'IoT', '设', '备']);
    expect(diffText('截至2025年', '截至2026年')).toEqual([
      { op: 'equal', text: '截至' },
      { op: 'delete', text: '2025' },
      { op: 'insert', text: '2026' },
      { op: 'equal', text: '年' },
    ]);
  });

  it('both sides always rebuild exactly, for random edits', () => {
    const alphabet = '研发平台数据安全，。ab 12';
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const text = (len: number) => Array.from({ length: len }, () => alphabet[rnd(alphabet.length)]).join('');
    for (let i = 0; i < 300; i++) {
      const before = text(rnd(60));
      const after = rnd(2) === 0 ? text(rnd(60)) : before.slice(0, rnd(before.length + 1)) + text(rnd(5)) + before.slice(rnd(before.length + 1));
      const parts = diffText(before, after);
      expect(side(parts, 'delete')).toBe(before);
      expect(side(parts, 'insert')).toBe(after);
    }
  });

  it('past the edit-distance cap the texts are one replacement, still exact', () => {
    const parts = diffText('甲乙丙丁戊', '子丑寅卯辰', 2);
    expect(parts).toEqual([
      { op: 'delete', text: '甲乙丙丁戊' },
      { op: 'insert', text: '子丑寅卯辰' },
    ]);
  });

  it('very long texts with many changes still come back, exact on both sides', () => {
    const before = Array.from({ length: 150_000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20000))).join('');
    const after = Array.from({ length: 150_000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 104729) % 20000))).join('');
    const parts = diffText(before, after);
    expect(side(parts, 'delete')).toBe(before);
    expect(side(parts, 'insert')).toBe(after);
  });

  it('identical and empty texts', () => {
    expect(diffText('相同', '相同')).toEqual([{ op: 'equal', text: '相同' }]);
    expect(diffText('', '新增')).toEqual([{ op: 'insert', text: '新增' }]);
    expect(diffText('删除', '')).toEqual([{ op: 'delete', text: '删除' }]);
  });
});
