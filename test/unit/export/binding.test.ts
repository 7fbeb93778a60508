import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bindingProperties, readDocxBinding } from '../../../electron/services/export/binding/docxProperties';
import { readPdfBinding, stampPdfInfo } from '../../../electron/services/export/binding/pdfInfo';
import { minimalPdf } from '../../support/minimalPdf';

const binding = {
  draftSha256: 'ab'.repeat(32),
  facts: { projectName: '肝包虫病「微创」诊疗 <技术> & 推广', applicant: '新疆天山区域医疗中心医院', pi: '吐尔洪·阿不力孜', total: '120.0000', fiscal: '60.0000' },
};

describe('PDF Info binding (incremental update)', () => {
  it('appends a new Info without touching the original bytes, and reads it back', () => {
    const original = minimalPdf();
    const stamped = stampPdfInfo(original, { title: '项目 申报书', binding });
    expect(stamped.subarray(0, original.length).equals(original)).toBe(true);
    expect(readPdfBinding(stamped)).toEqual(binding);
    // The last update wins: a second stamp replaces what verify reads.
    const again = stampPdfInfo(stamped, { title: 'x', binding: { ...binding, draftSha256: 'cd'.repeat(32) } });
    expect(readPdfBinding(again)?.draftSha256).toBe('cd'.repeat(32));
  });

  it('is a PDF poppler reads, with the Chinese title', () => {
    let pdfinfo = true;
    try {
      execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
    } catch {
      pdfinfo = false;
    }
    if (!pdfinfo) return console.log('跳过：没有 pdfinfo（poppler-utils）');
    const dir = mkdtempSync(path.join(tmpdir(), 'h-bind-'));
    try {
      const file = path.join(dir, 'a.pdf');
      writeFileSync(file, stampPdfInfo(minimalPdf(), { title: '肝包虫病 申报书', binding }));
      const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      expect(out).toMatch(/Title:\s+肝包虫病 申报书/);
      expect(out).toMatch(/Creator:\s+申报通/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a PDF without the binding, or not a PDF, reads as null; stamping a PDF it cannot parse throws', () => {
    expect(readPdfBinding(minimalPdf())).toBeNull();
    expect(readPdfBinding(Buffer.from('not a pdf'))).toBeNull();
    expect(() => stampPdfInfo(Buffer.from('%PDF-1.4\n%%EOF\n'), { title: 'x', binding })).toThrow(/PDF 结构无法识别/);
  });
});

describe('DOCX custom properties binding', () => {
  it('reads back what it writes, XML-escaped text included', () => {
    const xml = `<?xml version="1.0"?><Properties xmlns:vt="x">${bindingProperties(binding)
      .map((p, i) => `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${i + 2}" name="${p.name}"><vt:lpwstr>${p.value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')}</vt:lpwstr></property>`)
      .join('')}</Properties>`;
    expect(readDocxBinding(xml)).toEqual(binding);
    expect(readDocxBinding(null)).toBeNull();
    expect(readDocxBinding(xml.replace('ab'.repeat(32), 'zz'))).toBeNull();
  });
});
