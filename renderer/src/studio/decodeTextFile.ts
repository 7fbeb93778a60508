/**
 * A text file chosen in the browser, decoded as the notice reader does on the server: strict UTF-8
 * (BOM dropped), UTF-16 with a BOM, otherwise GB18030 (what Chinese Windows Notepad saves as GBK).
 */
export async function decodeTextFile(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
