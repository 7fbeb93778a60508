import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { describe, expect, it } from 'vitest';
import { ZipFile } from 'yazl';
import { hasUnzip } from './zipTools';
import { useNativeCrc32ForZip } from '../../../electron/services/export/package/nativeCrc32';

interface BufferCrc32 {
  unsigned(data: unknown, previous?: unknown): number;
  /** Left on the JavaScript implementation: the reference the native path must agree with. */
  signed(data: unknown, previous?: unknown): number;
}
const fromHere = createRequire(import.meta.url);
const yazlsCrc = createRequire(fromHere.resolve('yazl'))('buffer-crc32') as BufferCrc32;
const reference = (data: Buffer, previous?: number): number => yazlsCrc.signed(data, previous) >>> 0;

/** A streamed, stored entry (as attachments are packed), read back with yauzl: its recorded CRC-32. */
async function zipOfStream(chunks: Buffer[]): Promise<{ zip: Buffer; crc32: number }> {
  const zip = new ZipFile();
  zip.addReadStreamLazy('附件01-营业执照.pdf', { compress: false }, (callback) => callback(null, Readable.from(chunks)));
  zip.end();
  const out: Buffer[] = [];
  for await (const chunk of zip.outputStream as unknown as Readable) out.push(chunk as Buffer);
  const bytes = Buffer.concat(out);
  const crc32 = await new Promise<number>((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, file) => {
      if (err || !file) return reject(err);
      file.once('entry', (entry: yauzl.Entry) => resolve(entry.crc32));
      file.readEntry();
    }),
  );
  return { zip: bytes, crc32 };
}

describe('native CRC-32 for yazl', () => {
  it('is installed on this Node and agrees with the JavaScript CRC-32, whole and chunk by chunk', () => {
    expect(useNativeCrc32ForZip()).toBe(true);
    // 0: an empty Buffer may have no backing memory, which zlib's crc32 answers with 0.
    for (const size of [0, 1, 7, 64 * 1024 + 3]) {
      const data = randomBytes(size);
      expect(yazlsCrc.unsigned(data)).toBe(reference(data));
      // Continuing from a previous value above 2^31 (yazl passes the unsigned running CRC).
      const previous = 0xdeadbeef;
      expect(yazlsCrc.unsigned(data, previous)).toBe(reference(data, previous));
    }
    expect(yazlsCrc.unsigned('申报书')).toBe(reference(Buffer.from('申报书')));
  });

  it('writes streamed entries whose CRC-32 matches their bytes', async () => {
    useNativeCrc32ForZip();
    const chunks = Array.from({ length: 5 }, (_, i) => randomBytes(100_000 + i));
    const { zip, crc32 } = await zipOfStream(chunks);
    expect(crc32).toBe(reference(Buffer.concat(chunks)));
    if (!hasUnzip()) {
      console.log('跳过 unzip -t 校验：本机没有 unzip');
      return;
    }
    const dir = mkdtempSync(path.join(os.tmpdir(), 'shenbao-crc-'));
    try {
      writeFileSync(path.join(dir, 'p.zip'), zip);
      // unzip -t recomputes every entry's CRC and exits non-zero on a mismatch.
      expect(execFileSync('unzip', ['-t', path.join(dir, 'p.zip')], { encoding: 'utf8' })).toContain('No errors detected');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
