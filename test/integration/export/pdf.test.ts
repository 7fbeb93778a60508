/**
 * Prints every pack's valid example drafts through the real Chromium printer and reads the PDF
 * back with pdftotext (poppler-utils): every heading and the key values are there as text, the
 * cover has no page number and the next page is 「— 1 —」, and 草稿 is printed iff it should be.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createChromiumPrinter } from '../../../electron/services/export/pdf/chromiumPrinter';
import { findChromium } from '../../../electron/services/export/pdf/findChromium';
import type { Book, TableCell } from '../../../shared/book/ast';
import { buildBook } from '../../../shared/book/build/index';
import { renderBookHtml } from '../../../shared/book/html/index';
import type { Draft } from '../../../shared/model/draft';
import { loadDraft, loadPack, resultsOf, validFixtures } from '../../unit/book/fixtures';

function available(): string | null {
  try {
    findChromium();
  } catch {
    return '没有 Chromium（设置 SHENBAO_CHROMIUM）';
  }
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
  } catch {
    return '没有 pdftotext（apt-get install poppler-utils）';
  }
  return null;
}
const missing = available();
if (missing) console.log(`跳过 PDF 集成测试：${missing}`);

const dir = mkdtempSync(path.join(tmpdir(), 'shenbao-pdf-test-'));
const printer = createChromiumPrinter();
afterAll(async () => {
  await printer.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Each page's text: reading order (whitespace removed, so wrapped lines still match) and layout (table rows stay on one line). */
function pdfPages(pdf: Buffer): { flow: string[]; layout: string[] } {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  const run = (args: string[]): string[] => execFileSync('pdftotext', [...args, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\f');
  return { flow: run([]).map(squash), layout: run(['-layout']) };
}
const squash = (s: string): string => s.replace(/\s+/g, '');
/**
 * Chromium (Skia) embeds TrueType-outline fonts as CID fonts but writes CFF-outline ones (Noto CJK)
 * and synthetic bold as Type 3. With AR PL UMing/UKai and WenQuanYi Zen Hei installed the book
 * must have no Type 3 font at all; without them the check cannot hold and says so once.
 */
const trueTypeCjk = (() => {
  try {
    const families = execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
    return ['AR PL UMing CN', 'AR PL UKai CN', 'WenQuanYi Zen Hei'].every((f) => families.includes(f));
  } catch {
    return false;
  }
})();
if (!trueTypeCjk) console.log('跳过 PDF 字体检查（无 Type 3）：未安装 fonts-arphic-uming、fonts-arphic-ukai、fonts-wqy-zenhei');
function type3Fonts(pdf: Buffer): string[] {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').filter((l) => / Type 3 /.test(l));
}

/** The PDF's outline (bookmark) titles, read by pdftohtml's XML output. */
function bookmarks(pdf: Buffer): string[] {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  const xml = execFileSync('pdftohtml', ['-xml', '-i', '-stdout', '-q', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const outline = /<outline>[\s\S]*<\/outline>/.exec(xml)?.[0] ?? '';
  return [...outline.matchAll(/<item[^>]*>([^<]*)<\/item>/g)].map((m) => squash(m[1]!.replace(/&amp;/g, '&')));
}
/** The rotated watermark comes out of pdftotext in either character order, sometimes with other text between its two glyphs. */
const hasWatermark = (page: string): boolean => /草稿(?!修订)|稿草/.test(page) || (page.includes('草') && page.includes('稿') && !/草稿修订/.test(page));
const cellsOf = (row: TableCell[]): string[] => row.map((c) => c.runs.map((r) => (r.type === 'text' ? r.text : '')).join(''));

async function print(packId: string, draft: Draft): Promise<{ book: Book; pdf: Buffer }> {
  const loaded = loadPack(packId);
  const book = buildBook({ draft, pack: loaded.pack, revision: 2, packHash: loaded.contentHash, results: resultsOf(loaded, draft), generatedAt: '2020-03-02T03:05:00Z' });
  return { book, pdf: await printer.print(renderBookHtml(book, { forPrint: true })) };
}

/** Every valid example draft of every pack (项目建议书 included): each must print, with bookmarks and CID fonts. */
const EXAMPLES = validFixtures();

describe.skipIf(missing !== null)('PDF of the example drafts', () => {
  for (const { packId, file } of EXAMPLES) {
    it(`${packId}/${file}`, async () => {
      const draft = loadDraft(packId, file);
      const { book, pdf } = await print(packId, draft);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const { flow, layout } = pdfPages(pdf);
      const text = flow.join('');
      for (const block of book.blocks) if (block.type === 'heading') expect(text).toContain(squash(block.text));
      expect(text).toContain(squash(String(draft.values['project.name'])));
      expect(text).toContain(squash(String(draft.values['applicant.name'])));
      const budget = book.blocks.find((b) => b.type === 'table' && b.role === 'budget');
      if (budget?.type === 'table') {
        const [label, ...amounts] = cellsOf(budget.rows.at(-1)!).filter((c) => c !== '');
        expect(label).toBe('合计');
        expect(layout.join('\n')).toMatch(new RegExp(`合计\\s+${amounts.map((a) => a.replace('.', '\\.')).join('\\s+')}`));
      }
      // Fonts: CID fonts only (no Type 3) where the TrueType CJK faces are installed.
      if (trueTypeCjk) expect(type3Fonts(pdf), 'Type 3 fonts in the PDF').toEqual([]);
      // Bookmarks: every numbered part of the book is an outline entry.
      const outline = bookmarks(pdf);
      for (const block of book.blocks) if (block.type === 'heading' && block.level === 1 && /^[一二三四五六七八九十]+、/.test(block.text)) expect(outline, block.text).toContain(squash(block.text));
      // ID numbers and credit codes are read digit by digit: each prints whole on one line.
      const lines = layout.join('\n');
      for (const row of book.blocks.flatMap((b) => (b.type === 'table' ? b.rows : [])))
        for (const c of row) if (c.noBreak) for (const r of c.runs) if (r.type === 'text' && /^[0-9A-Z]{18}$/.test(r.text)) expect(lines, r.text).toContain(r.text);
      // The 承诺书's closing sentence and all its signature lines share one page.
      const signed = flow.findIndex((page) => page.includes('如有不实'));
      expect(signed).toBeGreaterThan(0);
      // (each piece on that page; the watermark and page number may come between them in reading order)
      for (const part of ['项目负责人（签字）：', '申报单位法定代表人（签字）：', '申报单位（盖章）']) expect(flow[signed], part).toContain(part);
      expect(flow[signed]!.slice(flow[signed]!.indexOf('申报单位（盖章）'))).toMatch(/年.*月.*日/);
      expect(text).not.toMatch(/[☑☐]/);
      // The cover's 申报日期 is blank for the pen, never the export date (2020-03-02 here).
      // (the watermark's glyphs may come between them in reading order)
      expect(flow[0]).toMatch(/申报日期[草稿]{0,2}年[草稿]{0,2}月[草稿]{0,2}日/);
      expect(flow[0]).not.toContain('2020年3月');
      expect(flow[0]).not.toMatch(/—\d+—/);
      expect(flow[1]).toContain('—1—');
      expect(flow[2]).toContain('—2—');
      expect(hasWatermark(flow[0]!)).toBe(book.meta.watermark);
    });
  }

  it('a finalized error-free draft prints without 草稿; any error puts it back', async () => {
    const final: Draft = { ...loadDraft('chengguan-2020', 'valid-medical.json'), status: 'final' };
    const clean = await print('chengguan-2020', final);
    expect(clean.book.meta.watermark).toBe(false);
    expect(pdfPages(clean.pdf).flow.some(hasWatermark)).toBe(false);
    // No tool line on the pages of a final document: no 草稿修订, no export time, no pack hash.
    expect(pdfPages(clean.pdf).flow.some((page) => /草稿修订|生成于/.test(page))).toBe(false);
    const broken = await print('chengguan-2020', { ...final, values: { ...final.values, 'applicant.affiliation': 'other' } });
    expect(broken.book.meta.watermark).toBe(true);
    expect(pdfPages(broken.pdf).flow.every((page) => page === '' || hasWatermark(page))).toBe(true);
  });
});
