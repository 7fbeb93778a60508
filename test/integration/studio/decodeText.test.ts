import { describe, expect, it } from 'vitest';
import { decodeTextBytes } from '../../../shared/text/decodeText';
import { noticeTextOf } from '../../../electron/services/studio/readNotice';

const NOTICE = '一、申报要求\r\n（一）项目负责人年龄不超过55周岁。';

describe('.txt notices in the encodings they come in', () => {
  it('reads UTF-8 with and without BOM, UTF-16 with BOM', () => {
    expect(decodeTextBytes(new TextEncoder().encode(NOTICE))).toBe(NOTICE);
    expect(decodeTextBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(NOTICE)]))).toBe(NOTICE);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(NOTICE, 'utf16le')]);
    expect(decodeTextBytes(utf16)).toBe(NOTICE);
  });

  it('reads GB18030 (GBK) as saved by Chinese Windows', () => {
    // 「一、申报」 in GBK: D2BB A1A2 C9EA B1A8.
    expect(decodeTextBytes(new Uint8Array([0xd2, 0xbb, 0xa1, 0xa2, 0xc9, 0xea, 0xb1, 0xa8]))).toBe('一、申报');
  });

  it('normalizes line breaks and refuses an empty notice', async () => {
    expect(await noticeTextOf('a.txt', new TextEncoder().encode(NOTICE))).toBe(NOTICE.replace('\r\n', '\n'));
    await expect(noticeTextOf('空.txt', new TextEncoder().encode('  \n'))).rejects.toThrow(/通知文件「空.txt」中没有文字/);
  });
});
