/**
 * Notice .txt files come as UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK as saved by
 * Windows Notepad in Chinese: strict UTF-8 first, GB18030 when the bytes are not UTF-8.
 */
export function decodeNoticeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Line breaks as \n only: offsets and quotes are then the same on every platform. */
export function normalizeLineBreaks(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
