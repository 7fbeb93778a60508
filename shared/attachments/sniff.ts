/**
 * What a file is by its content, not its name: the magic bytes of the types a 申报 package
 * accepts. A file named `.pdf` that starts like an EXE is not a PDF.
 */
export type SniffedType = 'pdf' | 'jpeg' | 'png' | 'ofd' | 'doc' | 'docx' | 'zip' | 'exe' | 'unknown';

/** How many leading bytes `sniffType` needs to see (zip entry names are near the start, but not always first). */
export const SNIFF_BYTES = 64 * 1024;

export const SNIFFED_LABELS: Record<SniffedType, string> = {
  pdf: 'PDF 文档',
  jpeg: 'JPEG 图片',
  png: 'PNG 图片',
  ofd: 'OFD 版式文档',
  doc: 'Word 97-2003 文档（.doc）',
  docx: 'Word 文档（.docx）',
  zip: 'ZIP 压缩包',
  exe: 'Windows 可执行程序',
  unknown: '无法识别的内容',
};

/** Which content each extension must show. Extensions not listed here are not checked by content. */
const EXTENSION_TYPES: Record<string, SniffedType[]> = {
  '.pdf': ['pdf'],
  '.jpg': ['jpeg'],
  '.jpeg': ['jpeg'],
  '.png': ['png'],
  '.ofd': ['ofd'],
  '.doc': ['doc'],
  '.docx': ['docx'],
  '.zip': ['zip', 'docx', 'ofd'],
};

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0): boolean =>
  bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);

/** Whether the local file headers seen in `bytes` name an entry starting with `prefix` (zip stores names in plain bytes). */
function zipHasEntry(bytes: Uint8Array, test: (name: string) => boolean): boolean {
  let i = 0;
  while (i + 30 <= bytes.length) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x03 && bytes[i + 3] === 0x04) {
      const nameLength = (bytes[i + 26] ?? 0) | ((bytes[i + 27] ?? 0) << 8);
      const start = i + 30;
      if (start + nameLength > bytes.length) return false;
      let name = '';
      for (let k = start; k < start + nameLength; k++) name += String.fromCharCode(bytes[k] ?? 0);
      if (test(name)) return true;
      i = start + nameLength;
    } else {
      i++;
    }
  }
  return false;
}

/** The type the leading bytes show (pass at least `SNIFF_BYTES` when the file is that long). */
export function sniffType(bytes: Uint8Array): SniffedType {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf'; // %PDF
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'doc'; // OLE compound file
  if (startsWith(bytes, [0x4d, 0x5a])) return 'exe'; // MZ
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (zipHasEntry(bytes, (n) => n.startsWith('word/'))) return 'docx';
    if (zipHasEntry(bytes, (n) => n === 'OFD.xml' || n.endsWith('/OFD.xml'))) return 'ofd';
    return 'zip';
  }
  return 'unknown';
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot >= 0 ? name.slice(dot).toLowerCase() : '';
}

/**
 * Why the content does not match the name, in Chinese, or null when it matches (or the extension
 * is not one whose content is checked). An executable is refused whatever it is called.
 */
export function contentMismatch(name: string, detected: SniffedType): string | null {
  if (detected === 'exe') return `「${name}」的内容是${SNIFFED_LABELS.exe}，不能作为附件`;
  const expected = EXTENSION_TYPES[extensionOf(name)];
  if (!expected || expected.includes(detected)) return null;
  return `「${name}」的扩展名是 ${extensionOf(name)}，但内容是${SNIFFED_LABELS[detected]}，与扩展名不符`;
}
