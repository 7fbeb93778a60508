import { describe, expect, it } from 'vitest';
import { buildBook } from '../../../shared/book/build/index';
import { tocKey } from '../../../shared/book/html/blocks';
import { renderBookHtml } from '../../../shared/book/html/index';
import { loadDraft, loadPack } from './fixtures';

describe('目录 page numbers', () => {
  const loaded = loadPack('chengguan-2020');
  const book = buildBook({ draft: loadDraft('chengguan-2020', 'valid-medical.json'), pack: loaded.pack, revision: 1, packHash: '', results: [], generatedAt: '2020-03-02T03:05:00Z' });
  const tocItems = (html: string) => [...(/<ul class="toc">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '').matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((m) => m[1]!);

  it('without numbers every entry still has its (empty) page cell, so both layouts take the same lines', () => {
    const items = tocItems(renderBookHtml(book, { forPrint: true }));
    expect(items.length).toBeGreaterThan(5);
    for (const item of items) expect(item).toContain('<span class="page"></span>');
  });

  it('prints the page of each heading it is given', () => {
    const pages = new Map([[tocKey('一、基本信息表'), 2], [tocKey('五、经费预算'), 9]]);
    const items = tocItems(renderBookHtml(book, { forPrint: true, tocPages: pages }));
    expect(items.find((i) => i.includes('一、基本信息表'))).toContain('<span class="page">2</span>');
    expect(items.find((i) => i.includes('五、经费预算'))).toContain('<span class="page">9</span>');
  });
});
