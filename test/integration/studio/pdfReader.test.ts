import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { noticeTextOf } from '../../../electron/services/studio/readNotice';
import { findChromium } from '../../../electron/services/export/pdf/findChromium';
import { proposeRules } from '../../../shared/studio/propose';

/** A hand-written PDF: each line of `lines` as text in the given Type0 font, or only a drawn line when empty. */
function minimalPdf(lines: string[]): Buffer {
  const hex = (s: string) => Buffer.from(s, 'utf16le').swap16().toString('hex').toUpperCase();
  const content = lines.length === 0 ? '0.5 w 72 700 m 500 700 l S' : `BT /F1 12 Tf 72 760 Td ${lines.map((l, i) => `${i > 0 ? '0 -20 Td ' : ''}<${hex(l)}> Tj`).join(' ')} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`,
    // No embedded font: the text is decoded through the predefined CMap UniGB-UCS2-H (pdf.js's bundled CMaps).
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(pdf));
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf);
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

const dir = mkdtempSync(join(tmpdir(), 'shenbao-studio-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('text .pdf notices', () => {
  it('decodes Chinese text in a predefined CMap (UniGB-UCS2-H, font not embedded)', async () => {
    const text = await noticeTextOf('通知.pdf', minimalPdf(['一、申报条件', '（一）项目负责人年龄不超过50周岁。']));
    expect(text.split('\n').filter((l) => l.trim() !== '')).toEqual(['一、申报条件', '（一）项目负责人年龄不超过50周岁。']);
    expect(proposeRules(text).proposals.find((p) => p.kind === 'ageAtDate')?.params.max).toBe(50);
  });

  it('says plainly that a PDF without a text layer (a scan) cannot be read', async () => {
    await expect(noticeTextOf('扫描件.pdf', minimalPdf([]))).rejects.toThrow(/无法读取 PDF 文件「扫描件.pdf」：这个 PDF 没有文字层（可能是扫描件或图片）.*不做文字识别（OCR）/);
    await expect(noticeTextOf('坏.pdf', Buffer.from('%PDF-1.4 不完整'))).rejects.toThrow(/无法读取 PDF 文件「坏.pdf」：文件已损坏或不是 PDF 格式/);
  });

  it('reads a PDF printed by Chromium from an HTML notice', async () => {
    let chromium: string | null = null;
    try {
      chromium = findChromium();
    } catch {
      chromium = null;
    }
    if (!chromium) {
      console.log('跳过：没有 Chromium，无法生成浏览器打印的 PDF');
      return;
    }
    const html = join(dir, 'n.html');
    writeFileSync(html, '<html><body><p>关于申报2025年度科技项目的通知</p><p>一、申报条件</p><p>（一）单项资助额度为20-50万元。</p></body></html>');
    const out = join(dir, 'n.pdf');
    const r = spawnSync(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--print-to-pdf=${out}`, pathToFileURL(html).href], { timeout: 60_000 });
    expect(r.status).toBe(0);
    const text = await noticeTextOf('n.pdf', readFileSync(out));
    expect(text).toContain('（一）单项资助额度为20-50万元。');
    expect(proposeRules(text).proposals.find((p) => p.kind === 'moneyRange')?.params).toMatchObject({ min: 200_000, max: 500_000 });
  });
});
