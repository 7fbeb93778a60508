/**
 * Golden-structure tests of the DOCX printer on a hand-built book with every block kind: the
 * parts Word reads (styles, section properties, tables, header/footer, settings) carry the
 * fonts, sizes and flags the issue asks for, and the package has nothing Word would repair.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Book } from '../../../shared/book/ast';
import { writeDocx } from '../../../electron/services/export/docx/index';
import { all, packageProblems, readDocx, styleXml } from './readDocx';
import { FIGURE_PNG, FIGURE_SHA, sampleBook } from './sampleBook';

const deps = { readAttachment: async (sha: string) => (sha === FIGURE_SHA ? FIGURE_PNG : Promise.reject(new Error('unknown'))) };
const print = async (book: Book) => readDocx(await writeDocx(book, deps));

let parts: Map<string, string>;
let doc: string;
let styles: string;
beforeAll(async () => {
  parts = await print(sampleBook({ watermark: true }));
  doc = parts.get('word/document.xml')!;
  styles = parts.get('word/styles.xml')!;
});

const fonts = (xml: string) => /<w:rFonts ([^>]*)\/>/.exec(xml)?.[1] ?? '';
const size = (xml: string) => /<w:sz w:val="(\d+)"\/>/.exec(xml)?.[1];

describe('package', () => {
  it('has content types, resolvable relationships, unique drawing ids and no empty tables', () => {
    expect(packageProblems(parts)).toEqual([]);
    for (const part of ['word/document.xml', 'word/styles.xml', 'word/settings.xml', 'word/fontTable.xml', 'word/header1.xml', 'word/footer2.xml']) {
      expect(parts.has(part), part).toBe(true);
    }
  });

  it('without the PDF’s pages, asks the reader to update fields on open (fills the TOC)', () => {
    expect(parts.get('word/settings.xml')).toContain('<w:updateFields/>');
    expect(doc).toContain('w:fldCharType="begin" w:dirty="true"');
  });

  it('with the PDF’s pages, the TOC’s cached result carries them and nothing asks to update fields', async () => {
    const book = sampleBook({ watermark: true });
    const heads = book.blocks.flatMap((b, i) => (b.type === 'heading' && b.level <= 2 && book.blocks[i + 1]?.type !== 'toc' ? [b.text] : []));
    const tocPages = new Map(heads.map((t, i) => [t.replace(/\s+/g, ''), i + 2]));
    const p = await readDocx(await writeDocx(book, { ...deps, tocPages }));
    const d = p.get('word/document.xml')!;
    expect(p.get('word/settings.xml')).not.toContain('updateFields');
    expect(d).not.toContain('w:dirty');
    const sdt = /<w:sdt>([\s\S]*?)<\/w:sdt>/.exec(d)![1]!;
    heads.forEach((t, i) => expect(sdt).toMatch(new RegExp(`${t.replace(/[()（）.]/g, '\\$&')}</w:t>(?:(?!</w:p>).)*<w:t[^>]*>${i + 2}</w:t>`, 's')));
    expect(packageProblems(p)).toEqual([]);
  });
});

describe('styles and fonts by role', () => {
  it('document defaults: East Asian body font, Latin fallback and zh-CN language', () => {
    const defaults = /<w:docDefaults>([\s\S]*?)<\/w:docDefaults>/.exec(styles)![1]!;
    expect(fonts(defaults)).toContain('w:eastAsia="仿宋_GB2312"');
    expect(fonts(defaults)).toContain('w:ascii="Times New Roman"');
    expect(fonts(defaults)).toContain('w:hAnsi="Times New Roman"');
    expect(defaults).toContain('w:eastAsia="zh-CN"');
    expect(size(defaults)).toBe('32');
  });

  it('title 二号 方正小标宋简体, headings 三号 by level (GB/T 9704: 黑体, 楷体, 仿宋, 仿宋), body 三号 仿宋_GB2312 at exactly 28 pt with a two-character indent, tables 小四 宋体', () => {
    const title = styleXml(styles, 'Title');
    expect(fonts(title)).toContain('w:eastAsia="方正小标宋简体"');
    expect(size(title)).toBe('44');
    const byLevel = { Heading1: ['黑体', false], Heading2: ['楷体_GB2312', false], Heading3: ['仿宋_GB2312', false], Heading4: ['仿宋_GB2312', false] } as const;
    for (const [id, [font, bold]] of Object.entries(byLevel)) {
      const h = styleXml(styles, id);
      expect(fonts(h), id).toContain(`w:eastAsia="${font}"`);
      expect(size(h), id).toBe('32');
      expect(/<w:b\/>|<w:b w:val="(?:true|1|on)"\/>/.test(h), id).toBe(bold);
    }
    const body = styleXml(styles, 'BodyText');
    expect(fonts(body)).toContain('w:eastAsia="仿宋_GB2312"');
    expect(fonts(body)).toContain('w:ascii="Times New Roman"');
    expect(size(body)).toBe('32');
    expect(body).toMatch(/<w:spacing [^>]*w:line="560" w:lineRule="exact"/);
    expect(body).toMatch(/<w:ind [^>]*w:firstLineChars="200"/);
    expect(body).toContain('<w:jc w:val="both"/>');
    const table = styleXml(styles, 'TableText');
    expect(fonts(table)).toContain('w:eastAsia="宋体"');
    expect(size(table)).toBe('24');
  });

  it('every role names its East Asian font and the zh-CN language (not Latin-only rFonts)', () => {
    for (const m of styles.matchAll(/<w:style [^>]*w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
      const rFonts = fonts(m[2]!);
      if (!rFonts) continue;
      expect(rFonts, m[1]).toMatch(/w:eastAsia="[^"]+"/);
      expect(m[2], m[1]).toContain('w:eastAsia="zh-CN"');
    }
  });

  it('the font table gives 方正小标宋简体 and 仿宋_GB2312 their fallbacks', () => {
    const table = parts.get('word/fontTable.xml')!;
    expect(table).toMatch(/<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"\/>/);
    expect(table).toMatch(/<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/>/);
    expect(table).toContain('<w:font w:name="黑体">');
  });

  it('body paragraphs use the body style and headings the heading styles', () => {
    expect(doc).toMatch(/<w:pStyle w:val="Heading1"\/>[\s\S]*?一、项目基本信息/);
    expect(doc).toMatch(/<w:pStyle w:val="Heading2"\/>[\s\S]*?（一）立项依据/);
    expect(all(doc, /<w:pStyle w:val="(BodyText)"\/>/).length).toBeGreaterThan(5);
  });
});

describe('sections', () => {
  const sections = () => all(doc, /(<w:sectPr>[\s\S]*?<\/w:sectPr>)/);

  it('A4 with the GB/T 9704 margins (37/35/28/26 mm) in both sections', () => {
    expect(sections()).toHaveLength(2);
    for (const s of sections()) {
      expect(s).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
      expect(s).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    }
  });

  it('the cover has no page number; the content starts at 1 with its own header and footer', () => {
    const [cover, content] = sections() as [string, string];
    expect(cover).not.toMatch(/w:start=/);
    expect(content).toMatch(/<w:pgNumType w:start="1" w:fmt="decimal"\/>/);
    const rel = (s: string, kind: string) => /w:type="default" r:id="(rId\d+)"/.exec(s.slice(s.indexOf(`<w:${kind}Reference`)))![1]!;
    const rels = parts.get('word/_rels/document.xml.rels')!;
    const target = (id: string) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!.slice(1).find(Boolean)!;
    const coverFooter = parts.get(`word/${target(rel(cover, 'footer'))}`)!;
    const contentFooter = parts.get(`word/${target(rel(content, 'footer'))}`)!;
    const contentHeader = parts.get(`word/${target(rel(content, 'header'))}`)!;
    expect(coverFooter).not.toContain('PAGE');
    expect(contentFooter).toMatch(/— <\/w:t>[\s\S]*<w:instrText[^>]*>PAGE<\/w:instrText>[\s\S]*> —<\/w:t>/);
    // Only 「— N —」 on the page: the provenance is a document property, not footer text.
    expect(contentFooter).not.toContain('依据指南包');
    expect(contentHeader).toContain('城关区城市运行物联网监测平台研发与示范');
  });
});

describe('TOC', () => {
  it('is a TOC field in a Table of Contents part, listing level 1–2 headings but not its own title', () => {
    expect(doc).toContain('<w:docPartGallery w:val="Table of Contents"/>');
    expect(doc).toMatch(/<w:instrText xml:space="preserve"> TOC \\o (&quot;|")1-2(&quot;|") \\h \\z \\u <\/w:instrText>/);
    const sdt = /<w:sdt>([\s\S]*?)<\/w:sdt>/.exec(doc)![1]!;
    expect(sdt).toContain('一、项目基本信息');
    expect(sdt).toContain('（二）研究内容与技术路线');
    expect(doc).toMatch(/<w:pStyle w:val="TocTitle"\/>[\s\S]*?目\u3000\u3000录/);
  });

  it('a heading right before the TOC becomes its title, not a heading', async () => {
    const book = sampleBook();
    book.blocks.unshift({ type: 'heading', level: 1, text: '目录页' }, { type: 'toc' });
    book.blocks.splice(2, 1); // drop the sample's own toc
    const d = (await print(book)).get('word/document.xml')!;
    expect(d).toMatch(/<w:pStyle w:val="TocTitle"\/>[\s\S]*?目录页/);
    expect(d).not.toMatch(/<w:pStyle w:val="Heading1"\/>[^]*?目录页/);
    expect(/<w:sdt>([\s\S]*?)<\/w:sdt>/.exec(d)![1]).not.toContain('目录页');
  });
});

describe('tables', () => {
  const dataTable = (caption: string) => {
    const at = doc.indexOf(caption);
    return /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(doc.slice(at))![0];
  };

  it('every row of a data table refuses to split across pages; 基本信息 rows may (LibreOffice drops rows otherwise)', async () => {
    const t = (text: string) => ({ runs: [{ type: 'text' as const, text }] });
    const book = sampleBook();
    book.blocks = [
      { type: 'table', role: 'info', widths: [1, 2], headerRows: [], rows: [[t('项目名称'), t('甲')], [t('起止年月'), t('乙')]] },
      { type: 'table', role: 'members', widths: [1, 2], headerRows: [[t('序号'), t('姓名')]], rows: [[t('1'), t('张三')]] },
    ];
    const [info, members] = all((await print(book)).get('word/document.xml')!, /(<w:tbl>[\s\S]*?<\/w:tbl>)/).slice(-2);
    for (const tr of all(info!, /(<w:tr>[\s\S]*?<\/w:tr>)/)) expect(tr).not.toContain('<w:cantSplit/>');
    const rows = all(members!, /(<w:tr>[\s\S]*?<\/w:tr>)/);
    expect(rows).toHaveLength(2);
    for (const tr of rows) expect(tr).toContain('<w:cantSplit/>');
  });

  it('header rows repeat (tblHeader) and only they do', () => {
    const members = dataTable('表2 项目组主要成员');
    const rows = all(members, /(<w:tr>[\s\S]*?<\/w:tr>)/);
    expect(rows).toHaveLength(7);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows.slice(1).filter((r) => r.includes('<w:tblHeader/>'))).toHaveLength(0);
    expect(rows[0]).toContain('投入月数');
  });

  it('fixed layout with column widths scaled from `widths` to the text width (8845 twips)', () => {
    const budget = dataTable('表3 经费预算表');
    expect(budget).toContain('<w:tblLayout w:type="fixed"/>');
    const cols = all(budget, /<w:gridCol w:w="(\d+)"\/>/).map(Number);
    expect(cols.reduce((a, b) => a + b, 0)).toBe(8845);
    expect(cols[0]! / cols[1]!).toBeCloseTo(3 / 2, 2);
    expect(budget).toMatch(/财政经费[\s\S]*自筹经费[\s\S]*合计/);
    expect(budget).toMatch(/<w:tblBorders>[\s\S]*<w:insideH w:val="single"/);
  });

  it('the 基本信息表 shades its label cells and spans value cells', () => {
    const info = dataTable('表1 项目基本信息表');
    expect(info).toMatch(/<w:shd [^>]*w:fill="E7E6E6"[^>]*\/>[\s\S]*?项目名称/);
    expect(info).toContain('<w:gridSpan w:val="3"/>');
  });

  it('a table with no data rows still prints one row (「（无）」), never an empty w:tbl', async () => {
    const book = sampleBook();
    book.blocks = [{ type: 'table', role: 'members', widths: [1, 2], headerRows: [], rows: [] }];
    const p = await print(book);
    const d = p.get('word/document.xml')!;
    expect(d).toContain('（无）');
    expect(packageProblems(p)).toEqual([]);
  });

  it('indented sub-row labels step in two table characters per level', async () => {
    const book = sampleBook();
    book.blocks = [{ type: 'table', role: 'budget', widths: [1], headerRows: [], rows: [[{ runs: [{ type: 'text', text: '材料费' }], indent: 2 }]] }];
    expect((await print(book)).get('word/document.xml')).toMatch(/<w:ind w:left="960"\/>[\s\S]*?材料费/);
  });
});

describe('page breaks', () => {
  it('are pageBreakBefore on the heading after them, never an empty paragraph with a page break', async () => {
    const book = sampleBook();
    book.blocks = [
      { type: 'paragraph', runs: [{ type: 'text', text: '前文' }] },
      { type: 'pageBreak' },
      { type: 'heading', level: 1, text: '五、经费预算' },
      { type: 'pageBreak' },
      { type: 'heading', level: 1, text: '目　　录' },
      { type: 'toc' },
    ];
    const d = (await print(book)).get('word/document.xml')!;
    const body = d.slice(d.indexOf('前文'));
    expect(body).not.toContain('w:type="page"');
    expect(body).toMatch(/<w:pageBreakBefore\/>(?:(?!<\/w:p>).)*五、经费预算/s);
    expect(body).toMatch(/<w:pageBreakBefore\/>(?:(?!<\/w:p>).)*目\u3000\u3000录/su);
  });
});

describe('lists', () => {
  it('are Word numbering (one instance per list, so each ordered list restarts at 1), with no typed marker', async () => {
    const book = sampleBook();
    const item = (text: string) => [{ type: 'text' as const, text }];
    book.blocks = [
      { type: 'list', ordered: true, items: [item('甲项'), item('乙项')] },
      { type: 'list', ordered: true, items: [item('丙项')] },
      { type: 'list', ordered: false, items: [item('丁项')] },
    ];
    const p = await print(book);
    const d = p.get('word/document.xml')!;
    const numIds = ['甲项', '乙项', '丙项', '丁项'].map((t) => new RegExp(`<w:numId w:val="(\\d+)"/>(?:(?!</w:p>).)*${t}`, 's').exec(d)?.[1]);
    expect(numIds.every(Boolean)).toBe(true);
    expect(numIds[0]).toBe(numIds[1]);
    expect(new Set(numIds).size).toBe(3);
    expect(d).not.toMatch(/<w:t[^>]*>(?:\d+\. |· )/);
    const numbering = p.get('word/numbering.xml')!;
    expect(numbering).toContain('<w:numFmt w:val="decimal"/>');
    expect(numbering).toContain('<w:numFmt w:val="bullet"/>');
    expect(packageProblems(p)).toEqual([]);
  });
});

describe('signature lines', () => {
  it('a paragraph marked keepWithNext keeps with the next and its lines together; the last line does not', async () => {
    const book = sampleBook();
    const line = (text: string, keepWithNext: boolean) => ({ type: 'paragraph' as const, role: 'signature' as const, align: 'right' as const, runs: [{ type: 'text' as const, text }], keepWithNext });
    book.blocks = [line('如有不实，愿承担相应责任。', true), line('申报单位法定代表人（签字）：', true), line('年　　月　　日', false)];
    const d = (await print(book)).get('word/document.xml')!;
    const paragraph = (text: string) => new RegExp(`<w:p>(?:(?!</w:p>).)*?${text}`, 's').exec(d)?.[0] ?? '';
    for (const kept of ['如有不实', '申报单位法定代表人']) {
      expect(paragraph(kept), kept).toContain('<w:keepNext/>');
      expect(paragraph(kept), kept).toContain('<w:keepLines/>');
    }
    expect(paragraph('年　　月　　日')).not.toContain('<w:keepNext/>');
  });
});

describe('figures', () => {
  it('embeds the attachment image with its aspect ratio and a caption below', () => {
    expect([...parts.keys()].some((k) => k.startsWith('word/media/') && k.endsWith('.png'))).toBe(true);
    const [cx, cy] = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(doc)!.slice(1).map(Number) as [number, number];
    expect(cx / cy).toBeCloseTo(640 / 360, 1);
    expect(doc).toMatch(/<pic:pic[\s\S]*?<\/w:p><w:p><w:pPr><w:pStyle w:val="Caption"\/>[\s\S]*?图1 平台总体架构/);
  });

  it('bytes that are not the declared image stop the export with a Chinese message', async () => {
    const book = sampleBook();
    await expect(writeDocx(book, { readAttachment: async () => Buffer.from('not an image') })).rejects.toMatchObject({
      code: 'corrupt_file',
      message: expect.stringContaining('图1 平台总体架构'),
    });
  });

  it('a missing attachment is reported as such', async () => {
    await expect(writeDocx(sampleBook(), { readAttachment: () => Promise.reject(new Error('ENOENT')) })).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('图片附件'),
    });
  });

  it('a format Word cannot embed prints a visible note instead of the image', async () => {
    const book = sampleBook();
    book.blocks = [{ type: 'figure', sha256: FIGURE_SHA, mediaType: 'image/webp', caption: '现场照片' }];
    const d = (await readDocx(await writeDocx(book, { readAttachment: async () => Buffer.from('RIFF....WEBP') }))).get('word/document.xml')!;
    expect(d).toContain('Word 文档无法嵌入');
    expect(d).toContain('现场照片');
    expect(d).not.toContain('<pic:pic');
  });
});

describe('watermark', () => {
  const headers = (p: Map<string, string>) => [...p].filter(([k]) => /^word\/header\d+\.xml$/.test(k)).map(([, v]) => v);

  it('every header (cover and content) carries the rotated 草稿 WordArt behind the text while meta.watermark', () => {
    const hs = headers(parts);
    expect(hs).toHaveLength(2);
    for (const h of hs) {
      expect(h).toMatch(/<v:shape id="PowerPlusWaterMarkObject\d+"[^>]*style="[^"]*rotation:315;z-index:-\d+/);
      expect(h).toContain('string="草稿"');
    }
    const ids = hs.map((h) => /o:spid="([^"]+)"/.exec(h)![1]);
    expect(new Set(ids).size).toBe(2);
  });

  it('is absent from a clean, finalized book', async () => {
    const clean = await print(sampleBook({ watermark: false }));
    for (const h of headers(clean)) {
      expect(h).not.toContain('草稿');
      expect(h).not.toContain('<v:shape');
    }
    expect(packageProblems(clean)).toEqual([]);
  });
});
