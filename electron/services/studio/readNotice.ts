import path from 'node:path';
import { AppError } from '../../../shared/ipc/errors';
import { NOTICE_MAX_BYTES } from '../../../shared/ipc/domains/studio.contract';
import { decodeTextOr, normalizeLineBreaks } from '../../../shared/text/decodeText';

/** Notices read by the studio: .txt, .docx and text .pdf. */
export const NOTICE_EXTENSIONS = ['.txt', '.docx', '.pdf'] as const;

/** The notice text the studio's checks accept (studio.contract's NoticeSchema): a longer text could be drafted but never saved. */
export const NOTICE_TEXT_MAX_CHARS = 4 * 1024 * 1024;

const MB = 1024 * 1024;

const tooLong = (name: string): string => `通知文件「${name}」的文字过长（超过 ${NOTICE_TEXT_MAX_CHARS} 个字符），不像一份申报通知，已拒绝读取`;

const PDF_REASON: Record<string, string> = {
  scanned: '这个 PDF 没有文字层（可能是扫描件或图片），无法读取其中的文字。本软件不做文字识别（OCR）：请向发文单位索取 Word 或文字版 PDF，或把通知文字复制到 .txt 文件后再打开',
  encrypted: '这个 PDF 设有密码，无法读取。请先用 PDF 阅读器解除密码后另存，再打开',
  corrupt: '文件已损坏或不是 PDF 格式',
  tooManyPages: '页数过多（超过 {pages} 页），不像一份申报通知，已拒绝读取。请只保留通知正文后另存，再打开',
  tooLarge: '文件中有解压后异常巨大的数据（疑似压缩炸弹），已拒绝读取',
  tooManyStreams: '文件中的压缩数据流过多（超过 {streams} 个），不像一份申报通知，已拒绝读取',
  timeout: '读取超时（超过 {seconds} 秒），文件可能已损坏或结构异常，已停止读取。请用 PDF 阅读器另存或把通知文字复制到 .txt 文件后再打开',
};

const DOCX_REASON: Record<string, string> = {
  notZip: '文件已损坏或不是 .docx 格式',
  corrupt: '文件已损坏，无法解压',
  noDocument: '文件中没有 Word 正文（word/document.xml），可能不是 Word 文档或已损坏',
  tooLarge: `文件中的正文解压后超过 64 MB（疑似压缩炸弹），已拒绝读取`,
  tooManyEntries: '文件内含的条目过多（超过 5000 个），不像一份 Word 文档，已拒绝读取',
  unsafeName: '文件内含使用绝对路径或指向包外（..）的条目名，已拒绝读取',
  doctype: '文件中含有文档类型声明（DOCTYPE/ENTITY），Word 不会写入这种内容，已拒绝读取',
};

/** Old binary Word (.doc), WPS (.wps) and password-protected .docx are all OLE compound files. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => magic.every((b, i) => bytes[i] === b);
const isOle = (bytes: Uint8Array): boolean => startsWith(bytes, OLE);
const isZip = (bytes: Uint8Array): boolean => startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]);
const isPdf = (bytes: Uint8Array): boolean => Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-');

const OLE_MESSAGE = '这是旧版 Word（.doc）、WPS 文字（.wps）或设有密码的 Word 文件，本软件不支持。请在 Word 或 WPS 中打开，另存为 .docx（不设密码）后再打开';

/**
 * The file's own name, as the draft keeps it: the last path part only (an uploaded name may carry a
 * path), without control or text-direction characters (they could disguise the name).
 */
export function cleanFileName(fileName: string): string {
  // eslint-disable-next-line no-control-regex -- control and direction characters are what is removed
  const clean = (fileName.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  return clean || '未命名文件';
}

/** The name as the messages show it: cleaned, and at most 80 characters (a 300-character name would bury the message). */
export function displayName(fileName: string): string {
  const chars = [...cleanFileName(fileName)];
  return chars.length > 80 ? `${chars.slice(0, 38).join('')}…${chars.slice(-40).join('')}` : chars.join('');
}

/** The extension of the cleaned name (a Windows path's backslashes count as separators too). */
const extensionOf = (fileName: string): string => path.extname(cleanFileName(fileName)).toLowerCase();

/**
 * Reads a notice file's bytes into text; every failure is a Chinese message naming the file. The
 * size is judged before anything is decoded, and what the file really is (by its first bytes)
 * before its extension is believed.
 */
export async function noticeTextOf(fileName: string, bytes: Uint8Array, options: { pdfTimeoutMs?: number } = {}): Promise<string> {
  const ext = extensionOf(fileName);
  const name = displayName(fileName);
  const refuse = (message: string): never => {
    throw new AppError('invalid_input', message);
  };
  // Old Word and WPS files are what 科技局 sites often publish: say how to open them, not only that they cannot be.
  if (!(NOTICE_EXTENSIONS as readonly string[]).includes(ext)) {
    const oldWord = ext === '.doc' || ext === '.wps' || isOle(bytes);
    refuse(`不支持的通知文件类型「${ext || '无扩展名'}」：${oldWord ? OLE_MESSAGE : '请使用 .txt、.docx 或文字版 .pdf'}`);
  }
  if (bytes.length === 0) refuse(`通知文件「${name}」是空文件（0 字节）`);
  if (bytes.length > NOTICE_MAX_BYTES) refuse(`通知文件「${name}」过大（${(bytes.length / MB).toFixed(1)} MB），不能超过 ${NOTICE_MAX_BYTES / MB} MB`);
  if (isOle(bytes)) refuse(`无法读取「${name}」：${OLE_MESSAGE}`);
  let text: string;
  if (ext === '.txt') {
    if (isZip(bytes) || isPdf(bytes)) refuse(`无法读取「${name}」：这不是纯文本文件（看起来是 ${isZip(bytes) ? 'Word 文档或压缩包' : 'PDF'}），请把扩展名改回原样后再打开`);
    text = decodeTextOr(bytes, () => new AppError('invalid_input', `无法读取「${name}」：文件内容不是文字（可能是图片、压缩包等其他格式，只是扩展名为 .txt）。请打开 UTF-8 或 GBK 编码的纯文本文件`));
  } else if (ext === '.docx') {
    if (isPdf(bytes)) refuse(`无法读取 Word 文件「${name}」：这其实是 PDF 文件，请把扩展名改为 .pdf 后再打开`);
    const { docxToText, DocxNotReadable } = await import('./docxText');
    try {
      text = await docxToText(bytes, { maxChars: NOTICE_TEXT_MAX_CHARS });
    } catch (e) {
      const reason = e instanceof DocxNotReadable ? e.reason : 'corrupt';
      if (reason === 'tooLong') refuse(tooLong(name));
      refuse(`无法读取 Word 文件「${name}」：${DOCX_REASON[reason]}`);
    }
  } else {
    const { pdfToText, PdfNotReadable, PDF_LIMITS } = await import('./pdfText');
    try {
      text = await pdfToText(bytes, options.pdfTimeoutMs === undefined ? {} : { timeoutMs: options.pdfTimeoutMs });
    } catch (e) {
      const reason = e instanceof PdfNotReadable ? e.reason : 'corrupt';
      const seconds = Math.max(1, Math.round((options.pdfTimeoutMs ?? PDF_LIMITS.timeoutMs) / 1000));
      refuse(`无法读取 PDF 文件「${name}」：${PDF_REASON[reason]!.replace('{pages}', String(PDF_LIMITS.maxPages)).replace('{seconds}', String(seconds)).replace('{streams}', String(PDF_LIMITS.maxStreams))}`);
    }
  }
  text = normalizeLineBreaks(text!);
  if (text.trim() === '') refuse(`通知文件「${name}」中没有文字`);
  if (text.length > NOTICE_TEXT_MAX_CHARS) refuse(tooLong(name));
  return text;
}
