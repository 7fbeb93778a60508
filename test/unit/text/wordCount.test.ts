import { describe, expect, it } from 'vitest';
import { wordCount } from '../../../shared/text/wordCount';

describe('wordCount (Word 字数 rules)', () => {
  it('counts nothing in empty or blank text', () => {
    expect(wordCount('')).toBe(0);
    expect(wordCount('   \n\t  ')).toBe(0);
  });

  it('counts each Chinese character once', () => {
    expect(wordCount('科技惠民')).toBe(4);
    expect(wordCount('科技 惠民\n专项')).toBe(6);
  });

  it('counts each full-width punctuation mark once', () => {
    expect(wordCount('你好，世界。')).toBe(6);
    expect(wordCount('“创新”——《规划》…')).toBe(11);
    expect(wordCount('（一）：；？！、')).toBe(8);
  });

  it('counts a run of Latin letters or digits once', () => {
    expect(wordCount('hello')).toBe(1);
    expect(wordCount('hello world')).toBe(2);
    expect(wordCount('2020')).toBe(1);
    expect(wordCount('3.14')).toBe(1);
    expect(wordCount('GB 32100-2015')).toBe(2);
  });

  it('splits Latin runs at Chinese characters', () => {
    expect(wordCount('我用Word写作')).toBe(5);
    expect(wordCount('投资500万元')).toBe(5);
    expect(wordCount('5G基站')).toBe(3);
  });

  it('ignores stray half-width punctuation', () => {
    expect(wordCount('a , b')).toBe(2);
    expect(wordCount('- * -')).toBe(0);
    expect(wordCount('Hello, world!')).toBe(2);
  });

  it('counts full-width letters and digits one each', () => {
    expect(wordCount('ＡＢ１２')).toBe(4);
  });

  it('counts characters outside the BMP once', () => {
    expect(wordCount('𠀀𠀁')).toBe(2);
  });

  it('counts a realistic summary', () => {
    const summary = '本项目面向乌鲁木齐市水磨沟区，研发基于AI的智慧养老平台，预计服务1000名老人。';
    // 35 Chinese characters and full-width marks, plus "AI" and "1000".
    const chinese = [...summary].filter((c) => /[\p{Script=Han}，。]/u.test(c)).length;
    expect(wordCount(summary)).toBe(chinese + 2);
  });
});
