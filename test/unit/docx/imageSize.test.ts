import { describe, expect, it } from 'vitest';
import { figureSize } from '../../../electron/services/export/docx/figures';
import { imageInfo } from '../../../electron/services/export/docx/imageSize';
import { makePng } from './png';

/** A minimal JPEG: SOI, an APP0 segment to skip, then SOF0 with height 300 and width 400. */
function jpegHeader(): Buffer {
  const app0 = [0xff, 0xe0, 0x00, 0x06, 0x4a, 0x46, 0x49, 0x46];
  const sof0 = [0xff, 0xc0, 0x00, 0x0b, 0x08, 0x01, 0x2c, 0x01, 0x90, 0x01, 0x01, 0x11, 0x00];
  return Buffer.from([0xff, 0xd8, ...app0, ...sof0, 0xff, 0xd9]);
}

describe('image headers', () => {
  it('reads PNG, JPEG and GIF dimensions', () => {
    expect(imageInfo(makePng(37, 19))).toEqual({ type: 'png', width: 37, height: 19 });
    expect(imageInfo(jpegHeader())).toEqual({ type: 'jpg', width: 400, height: 300 });
    const gif = Buffer.from([...Buffer.from('GIF89a'), 0x20, 0x00, 0x10, 0x00, 0x00]);
    expect(imageInfo(gif)).toEqual({ type: 'gif', width: 32, height: 16 });
  });

  it('returns null for anything else, including truncated headers', () => {
    expect(imageInfo(Buffer.from('hello world, not an image'))).toBeNull();
    expect(imageInfo(makePng(10, 10).subarray(0, 20))).toBeNull();
    expect(imageInfo(Buffer.from([0xff, 0xd8, 0xff]))).toBeNull();
  });
});

describe('figure size', () => {
  it('keeps the aspect ratio at the requested share of the text width', () => {
    const { width, height } = figureSize(1600, 900, 0.5);
    expect(width).toBe(Math.round(8845 / 15 / 2));
    expect(width / height).toBeCloseTo(16 / 9, 1);
  });

  it('caps a tall image at 60% of the text height, still in proportion', () => {
    const { width, height } = figureSize(100, 1000, 1);
    expect(height).toBe(Math.round(((16838 - 2098 - 1984) / 15) * 0.6));
    expect(height / width).toBeCloseTo(10, 0);
  });
});
