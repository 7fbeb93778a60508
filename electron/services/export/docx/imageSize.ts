export interface ImageInfo {
  type: 'png' | 'jpg' | 'gif' | 'bmp';
  width: number;
  height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function pngSize(data: Buffer): ImageInfo | null {
  if (data.length < 24 || PNG_SIGNATURE.some((b, i) => data[i] !== b)) return null;
  // The first chunk is always IHDR: width and height are its first two big-endian words.
  if (data.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { type: 'png', width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

/** Start-of-frame markers (baseline, progressive, lossless…); C4, C8 and CC are not frames. */
const isSof = (marker: number): boolean => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

function jpegSize(data: Buffer): ImageInfo | null {
  if (data.length < 4 || data[0] !== 0xff || data[1] !== 0xd8) return null;
  let at = 2;
  while (at + 9 < data.length) {
    if (data[at] !== 0xff) return null;
    const marker = data[at + 1]!;
    // Fill bytes and stand-alone markers carry no length.
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    const length = data.readUInt16BE(at + 2);
    if (isSof(marker)) return { type: 'jpg', height: data.readUInt16BE(at + 5), width: data.readUInt16BE(at + 7) };
    at += 2 + length;
  }
  return null;
}

function gifSize(data: Buffer): ImageInfo | null {
  if (data.length < 10 || data.toString('latin1', 0, 4) !== 'GIF8') return null;
  return { type: 'gif', width: data.readUInt16LE(6), height: data.readUInt16LE(8) };
}

function bmpSize(data: Buffer): ImageInfo | null {
  if (data.length < 26 || data.toString('latin1', 0, 2) !== 'BM') return null;
  // Height is negative for top-down bitmaps.
  return { type: 'bmp', width: Math.abs(data.readInt32LE(18)), height: Math.abs(data.readInt32LE(22)) };
}

/** Reads the pixel size from a PNG, JPEG, GIF or BMP header (the formats Word embeds), so a figure keeps its aspect ratio; null for anything else. */
export function imageInfo(data: Buffer): ImageInfo | null {
  const info = pngSize(data) ?? jpegSize(data) ?? gifSize(data) ?? bmpSize(data);
  return info && info.width > 0 && info.height > 0 ? info : null;
}
