import { describe, expect, it } from 'vitest';
import { formatFileSize } from '../../../shared/text/fileSize';

describe('formatFileSize', () => {
  it('says 字节 below one kilobyte, KB and MB above with one decimal', () => {
    expect(formatFileSize(0)).toBe('0 字节');
    expect(formatFileSize(1023)).toBe('1023 字节');
    expect(formatFileSize(1536)).toBe('1.5 KB');
    expect(formatFileSize(5 * 1024 * 1024 + 512 * 1024)).toBe('5.5 MB');
  });
});
