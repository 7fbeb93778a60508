/** A 草稿数据文件 is told by its first bytes (a zip's 「PK\x03\x04」), so a renamed file still imports the right way. */
export async function isZipFile(file: Blob): Promise<boolean> {
  try {
    const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
    return head.length === 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  } catch {
    return false;
  }
}
