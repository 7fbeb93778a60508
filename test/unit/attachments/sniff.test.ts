import { describe, expect, it } from 'vitest';
import { contentMismatch, sniffType } from '../../../shared/attachments/sniff';
import { attachmentBytesFor } from '../../support/attachmentBytes';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('attachments are recognised by their content', () => {
  it('reads the magic bytes of PDF, JPEG, PNG, DOC, DOCX, OFD and EXE', () => {
    expect(sniffType(attachmentBytesFor('a.pdf', 'x'))).toBe('pdf');
    expect(sniffType(attachmentBytesFor('a.jpg', 'x'))).toBe('jpeg');
    expect(sniffType(attachmentBytesFor('a.png', 'x'))).toBe('png');
    expect(sniffType(attachmentBytesFor('a.doc', 'x'))).toBe('doc');
    expect(sniffType(attachmentBytesFor('a.docx', 'x'))).toBe('docx');
    expect(sniffType(attachmentBytesFor('a.ofd', 'x'))).toBe('ofd');
    expect(sniffType(bytes(0x4d, 0x5a, 0x90, 0x00))).toBe('exe');
    expect(sniffType(bytes(0x50, 0x4b, 0x03, 0x04))).toBe('zip');
    expect(sniffType(bytes())).toBe('unknown');
    expect(sniffType(new TextEncoder().encode('只是文字'))).toBe('unknown');
  });

  it('an EXE is refused whatever it is called; a name that lies about the content is named', () => {
    expect(contentMismatch('营业执照.pdf', 'exe')).toBe('「营业执照.pdf」的内容是Windows 可执行程序，不能作为附件');
    expect(contentMismatch('证书.pdf', 'jpeg')).toBe('「证书.pdf」的扩展名是 .pdf，但内容是JPEG 图片，与扩展名不符');
    expect(contentMismatch('协议.docx', 'doc')).toContain('「协议.docx」');
    expect(contentMismatch('证书.PDF', 'pdf')).toBeNull();
    expect(contentMismatch('证书.jpeg', 'jpeg')).toBeNull();
    // Extensions whose content the app does not know are not judged by it.
    expect(contentMismatch('说明.txt', 'unknown')).toBeNull();
  });
});
