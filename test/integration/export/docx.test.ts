/**
 * The DOCX printer on books built from every valid fixture draft (the builder's real output):
 * each file is a well-formed package with the structure Word expects, and — where LibreOffice is
 * installed — opens and converts to PDF whose text holds every chapter heading.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDocx } from '../../../electron/services/export/docx/index';
import type { Book } from '../../../shared/book/ast';
import { fixtureBooks, type FixtureBook } from '../../unit/docx/fixtureBooks';
import { all, packageProblems, readDocx } from '../../unit/docx/readDocx';
import { makePng } from '../../unit/docx/png';

// The fixture drafts reference attachments by hash only; any figure gets a real PNG.
const FIGURE = makePng(480, 320);
const deps = { readAttachment: async () => FIGURE };

const books: FixtureBook[] = fixtureBooks();
const files = new Map<string, Buffer>();
const chapterHeadings = (book: Book) =>
  book.blocks.flatMap((b, i) => (b.type === 'heading' && b.level === 1 && book.blocks[i + 1]?.type !== 'toc' ? [b.text] : []));
const squeeze = (s: string) => s.replace(/\s+/g, '');

beforeAll(async () => {
  for (const { name, book } of books) files.set(name, await writeDocx(book, deps));
}, 120_000);

describe('DOCX of every valid fixture draft', () => {
  it('covers every fixture pack, the proposal document type included', () => {
    expect(books.length).toBeGreaterThanOrEqual(15);
    expect(new Set(books.map((b) => b.name.split('/')[0])).size).toBeGreaterThanOrEqual(4);
    expect(books.some((b) => b.book.meta.documentType === 'proposal')).toBe(true);
  });

  it.each(books.map((b) => [b.name, b] as const))('%s: well-formed, every chapter heading and table, watermark iff meta.watermark', async (name, { book }) => {
    const parts = await readDocx(files.get(name)!);
    expect(packageProblems(parts)).toEqual([]);
    const doc = parts.get('word/document.xml')!;
    for (const heading of chapterHeadings(book)) expect(doc, heading).toContain(heading);
    expect(doc).toContain(book.cover.title);
    // An empty 附件清单 prints its note, not a table (as in the PDF).
    const tables = book.blocks.filter((b) => b.type === 'table' || b.type === 'signature' || (b.type === 'attachmentList' && b.items.length > 0)).length;
    // Data tables + the cover's field form.
    expect(all(doc, /(<w:tbl>)/).length).toBe(tables + (book.cover.fields.length > 0 ? 1 : 0));
    // Every row refuses to split except the 基本信息 rows (LibreOffice drops rows of a form whose every row does).
    const infoRows = book.blocks.reduce((n, b) => n + (b.type === 'table' && b.role === 'info' ? b.headerRows.filter((r) => r.length > 0).length + Math.max(1, b.rows.filter((r) => r.length > 0).length) : 0), 0);
    expect(all(doc, /(<w:tr>)/).length).toBe(all(doc, /(<w:cantSplit\/>)/).length + infoRows);
    const headers = [...parts].filter(([k]) => /^word\/header\d+\.xml$/.test(k)).map(([, v]) => v);
    for (const h of headers) expect(h.includes('string="草稿"'), 'watermark').toBe(book.meta.watermark);
    // The page shows only 「— N —」; provenance (pack version, revision, time) is a document property.
    const footers = [...parts].filter(([k]) => /^word\/footer\d+\.xml$/.test(k)).map(([, v]) => v);
    expect(footers.length).toBeGreaterThan(0);
    for (const f of footers) expect(f).not.toMatch(/草稿修订|生成于|依据/);
    expect(parts.get('docProps/core.xml')).toContain(book.meta.provenance);
  });

  it('a finalized, error-free book has no watermark', async () => {
    const { book } = books[0]!;
    const parts = await readDocx(await writeDocx({ ...book, meta: { ...book.meta, watermark: false } }, deps));
    for (const [k, v] of parts) if (/^word\/header\d+\.xml$/.test(k)) expect(v).not.toContain('草稿');
  });
});

const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
const hasLibreOffice = soffice.status === 0 && spawnSync('pdfinfo', ['-v']).error === undefined;
if (!hasLibreOffice) console.log('[docx] LibreOffice round-trip skipped: soffice or pdfinfo/pdftotext not installed (apt-get install libreoffice-writer-nogui poppler-utils)');

describe.runIf(hasLibreOffice)('LibreOffice round trip', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'shenbao-docx-'));
    const docxPaths = books.map((_, i) => {
      const p = path.join(dir, `book-${i}.docx`);
      writeFileSync(p, files.get(books[i]!.name)!);
      return p;
    });
    // Its own profile directory: a shared one is locked by any other soffice running on the machine.
    const profile = `-env:UserInstallation=file://${path.join(dir, 'profile')}`;
    execFileSync('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...docxPaths], { stdio: 'ignore', timeout: 240_000 });
  }, 300_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.each(books.map((b, i) => [b.name, i] as const))('%s opens, converts to a multi-page PDF with every chapter heading', (_name, i) => {
    const pdf = path.join(dir, `book-${i}.pdf`);
    expect(existsSync(pdf)).toBe(true);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
    const book = books[i]!.book;
    // Cover, 填报说明, TOC and at least one content page.
    expect(pages).toBeGreaterThanOrEqual(4);
    const text = squeeze(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));
    for (const heading of chapterHeadings(book)) expect(text, heading).toContain(squeeze(heading));
    expect(text).toContain(squeeze(book.cover.title));
    // No table row lost in LibreOffice's layout (cantSplit once dropped rows of 项目负责人情况):
    // every row's first cell shows up in the rendered pages. A long label wraps inside its cell and
    // pdftotext interleaves its lines with the next column's, so the first four characters are what
    // is looked for; a dropped row loses them with the rest.
    const firstCells = book.blocks
      .flatMap((b) => (b.type === 'table' ? b.rows : []))
      .map((row) => squeeze((row[0]?.runs ?? []).map((r) => (r.type === 'text' ? r.text : '')).join('')))
      .filter((label) => label !== '');
    const lost = firstCells.filter((label) => !text.includes([...label].slice(0, 4).join('')));
    expect(lost).toEqual([]);
  });
});
