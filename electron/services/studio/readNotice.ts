import path from 'node:path';
import { AppError } from '../../../shared/ipc/errors';
import { decodeNoticeText, normalizeLineBreaks } from './decodeText';

/** Notices read by the studio: .txt, .docx and text .pdf. */
export const NOTICE_EXTENSIONS = ['.txt', '.docx', '.pdf'] as const;

const PDF_REASON: Record<string, string> = {
  scanned: '这个 PDF 没有文字层（可能是扫描件或图片），无法读取其中的文字。本软件不做文字识别（OCR）：请向发文单位索取 Word 或文字版 PDF，或把通知文字复制到 .txt 文件后再打开',
  encrypted: '这个 PDF 设有密码，无法读取。请先用 PDF 阅读器解除密码后另存，再打开',
  corrupt: '文件已损坏或不是 PDF 格式',
};

/** Reads a notice file's bytes into text; every failure is a Chinese message naming the file. */
export async function noticeTextOf(fileName: string, bytes: Uint8Array): Promise<string> {
  const ext = path.extname(fileName).toLowerCase();
  let text: string;
  if (ext === '.txt') text = decodeNoticeText(bytes);
  else if (ext === '.docx') {
    const { docxToText } = await import('./docxText');
    try {
      text = await docxToText(bytes);
    } catch {
      throw new AppError('invalid_input', `无法读取 Word 文件「${path.basename(fileName)}」：文件已损坏或不是 .docx 格式（旧版 .doc 请先在 Word 或 WPS 中另存为 .docx）`);
    }
  } else if (ext === '.pdf') {
    const { pdfToText, PdfNotReadable } = await import('./pdfText');
    try {
      text = await pdfToText(bytes);
    } catch (e) {
      const reason = e instanceof PdfNotReadable ? e.reason : 'corrupt';
      throw new AppError('invalid_input', `无法读取 PDF 文件「${path.basename(fileName)}」：${PDF_REASON[reason]}`);
    }
  } else {
    throw new AppError('invalid_input', `不支持的通知文件类型「${ext || '无扩展名'}」：请使用 .txt、.docx 或文字版 .pdf`);
  }
  text = normalizeLineBreaks(text);
  if (text.trim() === '') throw new AppError('invalid_input', `通知文件「${path.basename(fileName)}」中没有文字`);
  return text;
}
