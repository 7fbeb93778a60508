import { describe, expect, it } from 'vitest';
import { parseRichValue, richToBlocks, richToPlainText, richWordCount, serializeRichDoc, type RichDoc } from '../../../shared/richtext';

const SHA = 'a'.repeat(64);

const sample: RichDoc = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '研究目的' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: '面积为' },
        { type: 'text', text: '10', marks: [{ type: 'bold' }] },
        { type: 'text', text: '2', marks: [{ type: 'superscript' }] },
        { type: 'hardBreak' },
        { type: 'text', text: '第二行' },
      ],
    },
    { type: 'paragraph' },
    {
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: '甲' }] },
            { type: 'orderedList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: '乙' }] }] }] },
          ],
        },
      ],
    },
    {
      type: 'table',
      content: [
        {
          type: 'tableRow',
          content: [
            { type: 'tableHeader', content: [{ type: 'paragraph', content: [{ type: 'text', text: '指标' }] }] },
            { type: 'tableHeader', content: [{ type: 'paragraph', content: [{ type: 'text', text: '数值' }] }] },
          ],
        },
        {
          type: 'tableRow',
          content: [
            { type: 'tableCell', attrs: { colspan: 2 }, content: [{ type: 'paragraph', content: [{ type: 'text', text: '专利3项' }] }] },
          ],
        },
      ],
    },
    { type: 'figure', attrs: { sha256: SHA, mediaType: 'image/png', caption: '图1 技术路线' } },
  ],
};

describe('parseRichValue', () => {
  it('round-trips a stored doc', () => {
    expect(parseRichValue(serializeRichDoc(sample))).toEqual(sample);
  });

  it('turns plain text into one paragraph per line', () => {
    expect(parseRichValue('第一段\n\n第二段')).toEqual({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: '第一段' }] },
        { type: 'paragraph' },
        { type: 'paragraph', content: [{ type: 'text', text: '第二段' }] },
      ],
    });
  });

  it('reads invalid JSON, foreign JSON and unknown node types as plain text, never throwing', () => {
    for (const text of ['{"type":"doc"', '{"a":1}', JSON.stringify({ type: 'doc', content: [{ type: 'codeBlock' }] })]) {
      expect(richToPlainText(parseRichValue(text))).toBe(text);
    }
    const deep = '{"type":"doc","content":[' + '{"type":"bulletList","content":[{"type":"listItem","content":['.repeat(5000);
    expect(() => parseRichValue(deep)).not.toThrow();
  });

  it('gives an empty doc for blank values and text for other scalars', () => {
    expect(richToPlainText(parseRichValue(null))).toBe('');
    expect(richToPlainText(parseRichValue(''))).toBe('');
    expect(richToPlainText(parseRichValue(42))).toBe('42');
    expect(richToPlainText(parseRichValue(['a', 'b']))).toBe('a\nb');
  });

  it('strips attributes outside the subset (TipTap writes defaults like colwidth)', () => {
    const withExtras = JSON.stringify({
      type: 'doc',
      content: [{ type: 'orderedList', attrs: { start: 1, type: null }, content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] }],
    });
    expect(parseRichValue(withExtras).content[0]).toEqual({ type: 'orderedList', attrs: { start: 1 }, content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] });
  });
});

describe('richToPlainText and richWordCount', () => {
  it('counts the text, not the JSON', () => {
    expect(richToPlainText(sample)).toBe('研究目的\n面积为102\n第二行\n\n甲\n乙\n指标\t数值\n专利3项\n图1 技术路线');
    // 研究目的4 面积为3 102→1 第二行3 甲乙2 指标数值4 专利2 3→1 项1 图1 1 技术路线4 → 27
    expect(richWordCount(serializeRichDoc(sample))).toBe(4 + 3 + 1 + 3 + 2 + 4 + 2 + 1 + 1 + 1 + 1 + 4);
    expect(richWordCount('科技惠民')).toBe(4);
  });
});

describe('richToBlocks', () => {
  it('maps headings, paragraphs, lists, tables and figures to book blocks', () => {
    const blocks = richToBlocks(sample);
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'list', 'table', 'figure']);
    expect(blocks[0]).toEqual({ type: 'heading', level: 2, text: '研究目的' });
    expect(blocks[1]).toMatchObject({
      type: 'paragraph',
      runs: [
        { type: 'text', text: '面积为' },
        { type: 'text', text: '10', bold: true },
        { type: 'text', text: '2', superscript: true },
        { type: 'lineBreak' },
        { type: 'text', text: '第二行' },
      ],
    });
    expect(blocks[2]).toEqual({ type: 'list', ordered: false, items: [[{ type: 'text', text: '甲' }], [{ type: 'text', text: '乙' }]] });
    expect(blocks[3]).toMatchObject({
      type: 'table',
      role: 'generic',
      widths: [1, 1],
      headerRows: [[{ runs: [{ type: 'text', text: '指标' }], header: true }, { runs: [{ type: 'text', text: '数值' }], header: true }]],
      rows: [[{ runs: [{ type: 'text', text: '专利3项' }], colSpan: 2 }]],
    });
    expect(blocks[4]).toEqual({ type: 'figure', sha256: SHA, mediaType: 'image/png', caption: '图1 技术路线' });
  });

  it('gives plain-text values one body paragraph per non-empty line', () => {
    const blocks = richToBlocks(parseRichValue('甲\n\n乙'));
    expect(blocks).toEqual([
      { type: 'paragraph', runs: [{ type: 'text', text: '甲' }], role: 'body', firstLineIndent: true },
      { type: 'paragraph', runs: [{ type: 'text', text: '乙' }], role: 'body', firstLineIndent: true },
    ]);
  });
});
