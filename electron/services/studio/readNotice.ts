import path from 'node:path';
import { AppError } from '../../../shared/ipc/errors';
import { decodeNoticeText, normalizeLineBreaks } from './decodeText';

/** Notices read by the studio: .txt, .docx and text .pdf (the PDF reader is not built yet). */
export const NOTICE_EXTENSIONS = ['.txt', '.docx'] as const;

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
    throw new AppError('invalid_input', `暂不能读取 PDF 文件「${path.basename(fileName)}」：请在 PDF 阅读器中复制全文，另存为 .txt 后再打开`);
  } else {
    throw new AppError('invalid_input', `不支持的通知文件类型「${ext || '无扩展名'}」：请使用 .txt 或 .docx`);
  }
  text = normalizeLineBreaks(text);
  if (text.trim() === '') throw new AppError('invalid_input', `通知文件「${path.basename(fileName)}」中没有文字`);
  return text;
}
