/**
 * Notice files from strangers, read by the 指南工作台 (noticeTextOf, and studioDraft through dispatch
 * as the app and browser mode call it). Every hostile file is built here; each must end in a Chinese
 * message naming what is wrong, quickly, without writing anything and without taking the services
 * process down (the same process serves every other screen).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateRawSync, deflateSync, constants as zlibConstants } from 'node:zlib';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { docxToText } from '../../../electron/services/studio/docxText';
import { noticeTextOf } from '../../../electron/services/studio/readNotice';
import { NOTICE_MAX_BYTES } from '../../../shared/ipc/domains/studio.contract';
import { dispatch } from '../../../shared/ipc/dispatch';
import type { StudioDraftFile } from '../../../shared/studio/studioFile';
import { data } from '../../support/envelope';
import { encodeGbk } from '../../support/gbkEncode';
import { minimalPdf } from '../../support/minimalPdf';
import { servicesPerTest } from '../../support/servicesPerTest';
import { zipOf } from '../package/zipTools';
import { proposeRules } from '../../../shared/studio/propose';

const MB = 1024 * 1024;
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const documentXml = (body: string): string => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
const para = (text: string): string => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
const docxOf = (parts: Record<string, string | Buffer>): Promise<Buffer> => zipOf(Object.entries(parts).map(([name, d]) => ({ name, data: Buffer.isBuffer(d) ? d : Buffer.from(d) })));

/** Raw zip entries: the body as stored (already deflated or not) and the size the directory declares. */
interface RawEntry {
  name: string;
  body: Buffer;
  deflated: boolean;
  declaredSize: number;
}

function rawZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(e.deflated ? 8 : 0, 8);
    local.writeUInt32LE(e.body.length, 18);
    local.writeUInt32LE(e.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(e.deflated ? 8 : 0, 10);
    central.writeUInt32LE(e.body.length, 20);
    central.writeUInt32LE(e.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.body);
    centrals.push(central, name);
    offset += 30 + name.length + e.body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * A raw deflate stream inflating to `mb` MB of spaces after an XML start, about 1 KB per MB: one
 * self-contained 16 MB block repeated (a fresh block never refers back before itself), then a final empty block.
 */
function deflateBomb(mb: number): Buffer {
  const head = deflateRawSync(Buffer.from(`<?xml version="1.0"?><w:document ${W}><w:body><w:p><w:r><w:t>`), { finishFlush: zlibConstants.Z_SYNC_FLUSH });
  const block = deflateRawSync(Buffer.alloc(16 * MB, 0x20), { level: 9, finishFlush: zlibConstants.Z_SYNC_FLUSH });
  return Buffer.concat([head, ...Array.from({ length: Math.ceil(mb / 16) }, () => block), Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff])]);
}

const OLE_HEADER = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** A PDF from its objects (1 is the catalog), with a classic xref; streams may be binary. */
function pdfOf(objects: (string | Buffer)[], trailerExtra = ''): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(length);
    const b = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), typeof o === 'string' ? Buffer.from(o, 'latin1') : o, Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(b);
    length += b.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${length}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
const PAGE = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>';
const streamObject = (content: Buffer, filter = ''): Buffer => Buffer.concat([Buffer.from(`<< /Length ${content.length}${filter} >>\nstream\n`, 'latin1'), content, Buffer.from('\nendstream', 'latin1')]);
const TEXT_STREAM = streamObject(Buffer.from('BT /F1 12 Tf 72 760 Td (Notice) Tj ET'));
const onePage = (content: Buffer = TEXT_STREAM, trailerExtra = ''): Buffer => pdfOf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [4 0 R] /Count 1 >>', FONT, PAGE, content], trailerExtra);

/** `n` pages sharing one text content stream. */
function manyPages(n: number): Buffer {
  const objects: string[] = ['<< /Type /Catalog /Pages 2 0 R >>', '', FONT, TEXT_STREAM.toString('latin1')];
  const kids: string[] = [];
  for (let i = 0; i < n; i++) {
    objects.push('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>');
    kids.push(`${objects.length} 0 R`);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${n} >>`;
  return pdfOf(objects);
}

/** A content stream deflated twice ([/FlateDecode /FlateDecode]) that inflates to about 1 GB of spaces. */
function flateBombPdf(): Buffer {
  const inner = deflateSync(Buffer.alloc(256 * MB, 0x20), { level: 9 });
  const outer = deflateSync(Buffer.concat([inner, inner, inner, inner]), { level: 9 });
  return onePage(streamObject(outer, ' /Filter [/FlateDecode /FlateDecode]'));
}

async function refusal(fileName: string, bytes: Buffer, options?: { pdfTimeoutMs?: number }): Promise<string> {
  try {
    const text = await noticeTextOf(fileName, bytes, options);
    throw new Error(`read instead of refused: ${text.slice(0, 80)}`);
  } catch (e) {
    expect(e).toMatchObject({ name: 'AppError', code: 'invalid_input' });
    const message = (e as Error).message;
    // The user reads Chinese: no English library words (yauzl, zlib, pdf.js) get through.
    expect(message).toMatch(/[\u4e00-\u9fff]/);
    expect(message).not.toMatch(/\b(Error|invalid|signature|zip file|stream|undefined|null)\b/);
    return message;
  }
}

describe('hostile .docx notices', () => {
  it('refuses a zip bomb whose document.xml inflates to 2 GB, the directory stating the true size', async () => {
    const bomb = rawZip([{ name: 'word/document.xml', body: deflateBomb(2048), deflated: true, declaredSize: 2048 * MB }]);
    expect(bomb.length).toBeLessThan(4 * MB);
    expect(await refusal('炸弹.docx', bomb)).toMatch(/无法读取 Word 文件「炸弹.docx」：文件中的正文解压后超过 64 MB（疑似压缩炸弹）/);
  });

  it('refuses a zip bomb whose directory lies (says 2 KB, inflates to 2 GB), stopping at the stated size', async () => {
    const bomb = rawZip([{ name: 'word/document.xml', body: deflateBomb(2048), deflated: true, declaredSize: 2048 }]);
    const before = process.memoryUsage().rss;
    expect(await refusal('炸弹.docx', bomb)).toMatch(/疑似压缩炸弹/);
    // Nothing near the inflated size was held (the limit is 64 MB of a 2 GB stream).
    expect(process.memoryUsage().rss - before).toBeLessThan(512 * MB);
  });

  it('refuses a zip with thousands of entries before reading any', async () => {
    const entries = Array.from({ length: 6000 }, (_, i) => ({ name: `word/media/x${i}.txt`, body: Buffer.from('x'), deflated: false, declaredSize: 1 }));
    entries.push({ name: 'word/document.xml', body: Buffer.from(documentXml(para('一、申报条件'))), deflated: false, declaredSize: Buffer.byteLength(documentXml(para('一、申报条件'))) });
    expect(await refusal('很多.docx', rawZip(entries))).toMatch(/条目过多（超过 5000 个）/);
  });

  it('refuses a zip without word/document.xml', async () => {
    expect(await refusal('空壳.docx', await docxOf({ '[Content_Types].xml': '<Types/>', 'word/styles.xml': '<w:styles/>' }))).toMatch(/没有 Word 正文（word\/document\.xml）/);
  });

  it('refuses entity declarations (billion laughs) and never expands an entity', async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]>`;
    const xml = `${laughs}<w:document ${W}><w:body>${para('&lol9;')}</w:body></w:document>`;
    expect(await refusal('实体.docx', await docxOf({ 'word/document.xml': xml }))).toMatch(/文档类型声明（DOCTYPE\/ENTITY）/);
    // Without a DTD an entity reference stays the literal text; character references out of range become U+FFFD.
    const text = await docxToText(await docxOf({ 'word/document.xml': documentXml(para('&lol9;甲&#99999999;乙&#x7533;')) }));
    expect(text).toBe('&lol9;甲\uFFFD乙申');
  });

  it('reads malformed and deeply nested XML in linear time: unclosed paragraphs, 100 000 nested paragraphs', async () => {
    // The old lazy-regex reader scanned to the end from every unclosed <w:p>: quadratic, 5 s for 40 000 of them (measured), some 8 minutes for these 400 000.
    const unclosed = documentXml(`${para('一、申报条件')}${'<w:p><w:r><w:t>x'.repeat(400_000)}`);
    expect(await docxToText(await docxOf({ 'word/document.xml': unclosed }))).toBe('一、申报条件');
    const noGt = documentXml(`${para('一、申报条件')}${'<w:p w:x="'.repeat(400_000)}`);
    expect(await docxToText(await docxOf({ 'word/document.xml': noGt }))).toBe('一、申报条件');
    const depth = 100_000;
    const nested = documentXml(`${'<w:p><w:r><w:t>层</w:t></w:r>'.repeat(depth)}${'</w:p>'.repeat(depth)}`);
    const lines = (await docxToText(await docxOf({ 'word/document.xml': nested }))).split('\n');
    expect(lines).toHaveLength(depth);
    expect(lines.every((l) => l === '层')).toBe(true);
    const badNumbering = `<w:numbering ${W}>${'<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0">'.repeat(200_000)}`;
    expect(await docxToText(await docxOf({ 'word/document.xml': documentXml(para('正文')), 'word/numbering.xml': badNumbering, 'word/styles.xml': '<w:style w:styleId="a">'.repeat(200_000) }))).toBe('正文');
    expect(await refusal('坏.docx', await docxOf({ 'word/document.xml': '<w:document><w:body><w:p><w:r><w:t' }))).toMatch(/中没有文字/);
  });

  it('stops reading a document.xml whose text is longer than the checks accept, with the limit in Chinese', async () => {
    const xml = documentXml(para('申'.repeat(1000)).repeat(4300));
    const zip = await docxOf({ 'word/document.xml': xml });
    expect(zip.length).toBeLessThan(MB);
    expect(await refusal('很长.docx', zip)).toBe('通知文件「很长.docx」的文字过长（超过 4194304 个字符），不像一份申报通知，已拒绝读取');
  });

  it('refuses entries with path traversal or absolute names (nothing is ever extracted to disk)', async () => {
    const doc = Buffer.from(documentXml(para('一、申报条件')));
    for (const name of ['../../evil.xml', '/etc/evil.xml']) {
      const zip = rawZip([{ name, body: Buffer.from('x'), deflated: false, declaredSize: 1 }, { name: 'word/document.xml', body: doc, deflated: false, declaredSize: doc.length }]);
      expect(await refusal('穿越.docx', zip)).toMatch(/绝对路径或指向包外/);
    }
  });

  it('names an old binary .doc or .wps (OLE) renamed .docx, an empty file, random bytes and a PDF named .docx', async () => {
    const ole = Buffer.concat([OLE_HEADER, randomBytes(4096)]);
    expect(await refusal('旧通知.docx', ole)).toMatch(/旧版 Word（\.doc）、WPS 文字（\.wps）.*另存为 \.docx/);
    expect(await refusal('旧通知.wps.docx', ole)).toMatch(/另存为 \.docx/);
    expect(await refusal('空.docx', Buffer.alloc(0))).toMatch(/「空.docx」是空文件/);
    expect(await refusal('乱码.docx', randomBytes(10_000))).toMatch(/文件已损坏或不是 \.docx 格式/);
    expect(await refusal('其实是.docx', onePage())).toMatch(/这其实是 PDF 文件/);
  });
});

describe('real-world .docx shapes', () => {
  const levels = [
    { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
    { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
  ];

  it('numbers paragraphs through their styles (as WPS and LibreOffice save headings), not through the paragraphs', async () => {
    const doc = new Document({
      numbering: { config: [{ reference: 'headings', levels }] },
      styles: {
        paragraphStyles: [
          { id: 'Heading1', name: 'Heading 1', paragraph: { numbering: { reference: 'headings', level: 0 } } },
          { id: 'Heading2', name: 'Heading 2', basedOn: 'Heading1', paragraph: { numbering: { reference: 'headings', level: 1 } } },
          // A style with no numbering of its own, based on a numbered one: the numbering is inherited.
          { id: 'NoticeHeading', name: '通知标题', basedOn: 'Heading1' },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun('关于申报2025年度科技计划项目的通知')] }),
            new Paragraph({ style: 'Heading1', children: [new TextRun('申报条件')] }),
            new Paragraph({ style: 'Heading2', children: [new TextRun('申报单位')] }),
            new Paragraph({ style: 'Heading2', children: [new TextRun('项目负责人')] }),
            new Paragraph({ children: [new TextRun('项目负责人年龄不超过50周岁。')] }),
            new Paragraph({ style: 'NoticeHeading', children: [new TextRun('申报时间')] }),
            new Paragraph({ style: 'Heading2', children: [new TextRun('截止时间')] }),
          ],
        },
      ],
    });
    const bytes = await Packer.toBuffer(doc);
    const parts = await import('../package/zipTools').then((z) => z.unzip(bytes));
    // The numbering really is only in styles.xml: no paragraph carries its own.
    expect(parts.get('word/document.xml')!.toString()).not.toContain('<w:numPr>');
    expect(parts.get('word/styles.xml')!.toString()).toContain('<w:numPr>');
    expect((await noticeTextOf('样式编号.docx', bytes)).split('\n')).toEqual([
      '关于申报2025年度科技计划项目的通知',
      '一、申报条件',
      '（一）申报单位',
      '（二）项目负责人',
      '项目负责人年龄不超过50周岁。',
      '二、申报时间',
      '（一）截止时间',
    ]);
  });

  it('writes the Chinese number formats Word, WPS and LibreOffice use (一 二, 壹 贰, 甲 乙)', async () => {
    const list = (reference: string, format: (typeof LevelFormat)[keyof typeof LevelFormat]) => ({ reference, levels: [{ level: 0, format, text: '%1、', alignment: AlignmentType.LEFT }] });
    const item = (reference: string, text: string) => new Paragraph({ numbering: { reference, level: 0 }, children: [new TextRun(text)] });
    const doc = new Document({
      numbering: { config: [list('lo', LevelFormat.TAIWANESE_COUNTING_THOUSAND), list('legal', LevelFormat.CHINESE_LEGAL_SIMPLIFIED), list('stems', LevelFormat.IDEOGRAPH_TRADITIONAL)] },
      sections: [{ children: [item('lo', '申报条件'), item('lo', '申报时间'), ...Array.from({ length: 11 }, (_, i) => item('legal', `第${i + 1}项`)), item('stems', '甲项'), item('stems', '乙项')] }],
    });
    const lines = (await docxToText(await Packer.toBuffer(doc))).split('\n');
    expect(lines.slice(0, 2)).toEqual(['一、申报条件', '二、申报时间']);
    expect(lines[2]).toBe('壹、第1项');
    expect(lines[11]).toBe('拾、第10项');
    expect(lines[12]).toBe('拾壹、第11项');
    expect(lines.slice(13)).toEqual(['甲、甲项', '乙、乙项']);
  });

  it('reads a notice saved as .docx by LibreOffice: outline numbering in styles.xml (taiwaneseCountingThousand), a table', async () => {
    if (spawnSync('soffice', ['--version'], { timeout: 30_000 }).status !== 0) {
      console.log('跳过：没有 LibreOffice（soffice），无法生成 LibreOffice 保存的 .docx');
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'shenbao-lo-'));
    try {
      const h = (level: number, text: string) => `<text:h text:style-name="Heading_20_${level}" text:outline-level="${level}">${text}</text:h>`;
      const p = (text: string) => `<text:p>${text}</text:p>`;
      const cellRow = (...cells: string[]) => `<table:table-row>${cells.map((c) => `<table:table-cell>${p(c)}</table:table-cell>`).join('')}</table:table-row>`;
      const outline = (level: number, prefix: string, suffix: string) => `<text:outline-level-style text:level="${level}" style:num-format="一, 二, 三, ..." style:num-prefix="${prefix}" style:num-suffix="${suffix}"/>`;
      writeFileSync(
        join(dir, 'notice.fodt'),
        `<?xml version="1.0" encoding="UTF-8"?><office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">` +
          `<office:styles><style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:default-outline-level="1"/><style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:default-outline-level="2"/>` +
          `<text:outline-style style:name="Outline">${outline(1, '', '、')}${outline(2, '（', '）')}</text:outline-style></office:styles>` +
          `<office:body><office:text>${p('关于申报2025年度科技计划项目的通知')}${h(1, '申报条件')}${h(2, '申报单位')}${p('在本市注册的企业。')}${h(2, '项目负责人')}` +
          `<table:table><table:table-column table:number-columns-repeated="2"/>${cellRow('年龄', '项目负责人年龄不超过50周岁。')}${cellRow('学历', '具有大学本科以上学历。')}</table:table>${h(1, '申报时间')}</office:text></office:body></office:document>`,
      );
      const converted = spawnSync('soffice', [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--convert-to', 'docx', '--outdir', dir, join(dir, 'notice.fodt')], { timeout: 120_000 });
      expect(converted.status).toBe(0);
      const bytes = readFileSync(join(dir, 'notice.docx'));
      const parts = await import('../package/zipTools').then((z) => z.unzip(bytes));
      expect(parts.get('word/document.xml')!.toString()).not.toContain('<w:numPr>');
      expect(parts.get('word/numbering.xml')!.toString()).toContain('taiwaneseCountingThousand');
      const text = await noticeTextOf('LibreOffice.docx', bytes);
      expect(text.split('\n').filter((l) => l !== '')).toEqual(['关于申报2025年度科技计划项目的通知', '一、申报条件', '（一）申报单位', '在本市注册的企业。', '（二）项目负责人', '年龄', '项目负责人年龄不超过50周岁。', '学历', '具有大学本科以上学历。', '二、申报时间']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds the main part through the package relationships (word/document2.xml, as Word Online saves it)', async () => {
    const rels = '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document2.xml"/></Relationships>';
    expect(await noticeTextOf('在线版.docx', await docxOf({ '_rels/.rels': rels, 'word/document2.xml': documentXml(para('一、申报条件')) }))).toBe('一、申报条件');
  });

  it('reads 申报条件 set in a table in reading order: row by row, cell by cell, each clause on its own line; a header row of short cells is one line', async () => {
    const cell = (...lines: string[]) => new TableCell({ children: lines.map((l) => new Paragraph({ children: [new TextRun(l)] })) });
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun('二、申报条件')] }),
            new Table({
              rows: [
                new TableRow({ children: [cell('类别'), cell('条件')] }),
                new TableRow({ children: [cell('申报单位'), cell('（一）在本市注册的企业；', '（二）纳税信用等级为B级及以上。')] }),
                new TableRow({ children: [cell('项目负责人'), cell('（三）年龄不超过55周岁。')] }),
              ],
            }),
            new Paragraph({ children: [new TextRun('三、申报时间')] }),
          ],
        },
      ],
    });
    const text = await noticeTextOf('表格.docx', await Packer.toBuffer(doc));
    expect(text.split('\n').filter((l) => l !== '')).toEqual(['二、申报条件', '类别\t条件', '申报单位', '（一）在本市注册的企业；', '（二）纳税信用等级为B级及以上。', '项目负责人', '（三）年龄不超过55周岁。', '三、申报时间']);
    // The clauses are read, not left to the user as a table.
    const set = proposeRules(text);
    expect(set.unrecognized.filter((u) => u.reason.includes('表格'))).toEqual([]);
    expect(set.proposals.map((p) => p.kind)).toEqual(expect.arrayContaining(['valueIn', 'ageAtDate']));
  });
});

describe('hostile .pdf notices', () => {
  it('refuses an encrypted, a truncated and a text-less PDF, each with its own reason', async () => {
    const encrypt = `/Encrypt 6 0 R /ID [<${'ab'.repeat(16)}> <${'ab'.repeat(16)}>] `;
    const encrypted = pdfOf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [4 0 R] /Count 1 >>', FONT, PAGE, TEXT_STREAM, `<< /Filter /Standard /V 1 /R 2 /O <${'00'.repeat(32)}> /U <${'00'.repeat(32)}> /P -4 >>`], encrypt);
    expect(await refusal('加密.pdf', encrypted)).toMatch(/无法读取 PDF 文件「加密.pdf」：这个 PDF 设有密码/);
    expect(await refusal('截断.pdf', manyPages(3).subarray(0, 400))).toMatch(/文件已损坏或不是 PDF 格式/);
    expect(await refusal('扫描件.pdf', minimalPdf())).toMatch(/没有文字层（可能是扫描件或图片）/);
    expect(await refusal('嵌套.pdf', pdfOf([`<< /Type /Catalog /Pages 2 0 R /X ${'['.repeat(100_000)}${']'.repeat(100_000)} >>`]))).toMatch(/文件已损坏或不是 PDF 格式/);
  });

  it('refuses a PDF of more pages than any notice, before reading the pages', async () => {
    expect(await noticeTextOf('短.pdf', manyPages(3))).toBe('Notice\nNotice\nNotice');
    expect(await refusal('很长.pdf', manyPages(501))).toMatch(/页数过多（超过 500 页）/);
  });

  it('refuses a content stream that inflates to gigabytes before pdf.js decodes it', async () => {
    const bomb = flateBombPdf();
    expect(bomb.length).toBeLessThan(2 * MB);
    expect(await refusal('炸弹.pdf', bomb)).toMatch(/解压后异常巨大的数据（疑似压缩炸弹）/);
  });

  it('refuses a PDF of ten thousand and more compressed streams (each a zlib header and junk)', async () => {
    const junk = Buffer.from('1 0 obj << /Filter /FlateDecode >> stream\nx\x9cJUNK\nendstream endobj\n'.repeat(12_000), 'latin1');
    expect(await refusal('流.pdf', Buffer.concat([Buffer.from('%PDF-1.4\n'), junk]))).toMatch(/压缩数据流过多（超过 10000 个）/);
  });

  it('stops a PDF that takes longer than the limit, and says so', async () => {
    // A tiny limit stands in for a slow hostile file: what matters is that reading stops with the message.
    expect(await refusal('慢.pdf', manyPages(400), { pdfTimeoutMs: 1 })).toMatch(/读取超时（超过 1 秒），文件可能已损坏或结构异常，已停止读取/);
  });
});

describe('hostile .txt notices', () => {
  it('refuses binary data named .txt instead of decoding it as mojibake', async () => {
    expect(await refusal('图片.txt', Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), randomBytes(8000)]))).toMatch(/文件内容不是文字/);
    expect(await refusal('随机.txt', randomBytes(8000))).toMatch(/文件内容不是文字/);
    expect(await refusal('压缩包.txt', await docxOf({ 'word/document.xml': documentXml(para('正文')) }))).toMatch(/不是纯文本文件（看起来是 Word 文档或压缩包）/);
    expect(await refusal('旧版.txt', Buffer.concat([OLE_HEADER, randomBytes(100)]))).toMatch(/旧版 Word/);
  });

  it('refuses a 100 MB text with the limit, before decoding it; and a text too long for the checks', async () => {
    expect(await refusal('巨大.txt', Buffer.alloc(100 * MB, 0x61))).toBe(`通知文件「巨大.txt」过大（100.0 MB），不能超过 ${NOTICE_MAX_BYTES / MB} MB`);
    expect(await refusal('很长.txt', Buffer.from('申'.repeat(4 * MB + 1)))).toMatch(/文字过长（超过 4194304 个字符）/);
  });

  it('reads UTF-16 without BOM and a file mixing UTF-8 and GBK lines', async () => {
    const notice = '一、申报条件\n（一）项目负责人年龄不超过50周岁。\n';
    expect(await noticeTextOf('无BOM.txt', Buffer.from(notice, 'utf16le'))).toBe(notice);
    expect(await noticeTextOf('无BOM大端.txt', Buffer.from(notice, 'utf16le').swap16())).toBe(notice);
    const mixed = Buffer.concat([Buffer.from('一、申报条件（UTF-8）\n'), encodeGbk('（一）项目负责人年龄不超过50周岁。（GBK）\n'), Buffer.from('（二）单项资助20万元。\n')]);
    expect(await noticeTextOf('混合.txt', mixed)).toBe('一、申报条件（UTF-8）\n（一）项目负责人年龄不超过50周岁。（GBK）\n（二）单项资助20万元。\n');
    expect(await noticeTextOf('纯GBK.txt', encodeGbk(notice))).toBe(notice);
  });
});

describe('notice names and sizes through studioDraft (the IPC and HTTP method)', () => {
  const env = servicesPerTest();
  const files = (dir: string): string[] => readdirSync(dir, { recursive: true }).map(String).filter((f) => !/shenbao\.db/.test(f)).sort();
  const NOTICE = '一、申报条件\n（一）项目负责人年龄不超过50周岁。\n';
  const draft = (fileName: string, bytes: Buffer) => dispatch(env.services.handlers, 'studioDraft', { fileName, base64: bytes.toString('base64') });

  it('shows only the last part of a name with path separators or control characters, and keeps that name', async () => {
    const before = files(env.temp.dir);
    const traversal = await draft('..\\..\\Windows/../../etc/通\u0007知\u202e.txt', Buffer.from(NOTICE));
    expect(data<StudioDraftFile>(traversal).notice.name).toBe('通知.txt');
    const refused = await draft('../../通\u0000知\u001b.docx', Buffer.from('不是压缩包'));
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/^无法读取 Word 文件「通知\.docx」/) } });
    expect(files(env.temp.dir)).toEqual(before);
  });

  it('accepts a 300-character name, shows it shortened in messages, refuses 301 in Chinese', async () => {
    const long = `${'长'.repeat(296)}.txt`;
    expect(data<StudioDraftFile>(await draft(long, Buffer.from(NOTICE))).notice.name).toBe(long);
    const refused = await draft(`${'长'.repeat(295)}.docx`, Buffer.from('x'));
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringMatching(/「长{38}…长{35}\.docx」/) } });
    expect(await draft(`${'长'.repeat(297)}.txt`, Buffer.from(NOTICE))).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('通知文件名不能超过 300 个字符') } });
  });

  it('refuses a notice over 20 MB with the limit in Chinese before decoding it', async () => {
    const envelope = await draft('大.pdf', Buffer.alloc(NOTICE_MAX_BYTES + 3, 0x20));
    expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining(`通知文件不能超过 ${NOTICE_MAX_BYTES / MB} MB`) } });
  });

  it('answers other requests while pdf.js works through a broken 8 MB PDF (it runs in a worker thread)', async () => {
    // No cross-reference that fits: pdf.js rebuilds one by scanning the whole file, object by object.
    const broken = pdfOf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>', '<< /Filter /FlateDecode >>stream\n'.repeat(250_000)]);
    expect(broken.length).toBeGreaterThan(8_000_000);
    const order: string[] = [];
    const reading = draft('坏.pdf', broken).then((e) => (order.push('pdf'), e));
    const other = dispatch(env.services.handlers, 'guidelinesList', {}).then((e) => (order.push('other'), e));
    expect(await other).toMatchObject({ ok: true });
    expect(await reading).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/^无法读取 PDF 文件「坏\.pdf」：/) } });
    expect(order).toEqual(['other', 'pdf']);
  });

  it('answers other requests while a hostile notice is being refused', async () => {
    const bomb = draft('炸弹.docx', rawZip([{ name: 'word/document.xml', body: deflateBomb(1024), deflated: true, declaredSize: 1024 }]));
    const other = await dispatch(env.services.handlers, 'guidelinesList', {});
    expect(other).toMatchObject({ ok: true });
    expect(await bomb).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('疑似压缩炸弹') } });
  });
});
