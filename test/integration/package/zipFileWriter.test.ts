import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import { afterAll, describe, expect, it } from 'vitest';
import { ZipFileWriter, type PositionalSink } from '../../../electron/services/export/package/zipFileWriter';
import { openSyncingTempFile, SYNC_STEP } from '../../../electron/services/fs/syncingTempFile';
import type { ByteSource } from '../../../electron/services/export/verify/byteSource';
import { readZipSafely } from '../../../electron/services/export/verify/readZipSafely';
import { checkZipLayout } from '../../../electron/services/export/verify/zipLayout';
import { readZipStructure } from '../../../electron/services/export/verify/zipStructure';
import { hasUnzip, unzip } from './zipTools';

const temp = mkdtempSync(path.join(os.tmpdir(), 'shenbao-zipwriter-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Hands `data` over in chunks whose writes may finish in any order (the sink is positional), as the package's reads do. */
async function fillInChunks(data: Buffer, chunk: number, sink: (c: Buffer) => Promise<void>): Promise<void> {
  const pending: Promise<void>[] = [];
  for (let at = 0; at < data.length; at += chunk) pending.push(sink(data.subarray(at, at + chunk)));
  await Promise.all(pending);
}

describe('the package zip writer', () => {
  it('writes a zip that yauzl, the strict package reader and unzip -t read back byte for byte', async () => {
    const file = await openSyncingTempFile(temp);
    const mtime = new Date(2027, 3, 15, 17, 30, 12);
    const zip = new ZipFileWriter(file, mtime);
    const compressible = Buffer.from('申报书正文。'.repeat(20_000));
    const pdf = randomBytes(300_000);
    // Larger than one sync step, so the file is flushed ahead while it is written.
    const attachment = randomBytes(SYNC_STEP + 123_457);
    await zip.addBuffer('项目-申报书.docx', pdf.subarray(0, 1000), false);
    await zip.addBuffer('项目-申报书.pdf', compressible, true);
    await zip.addStream('附件1-营业执照.pdf', attachment.length, (sink) => fillInChunks(attachment, 1 << 20, sink), () => new Error('size'));
    await zip.addStream('附件2-空文件.pdf', 0, async () => undefined, () => new Error('size'));
    await zip.addBuffer('manifest.json', Buffer.from('{"files":[]}\n'), true);
    const size = await zip.finish();
    await file.finish();
    const bytes = readFileSync(file.path);
    expect(bytes.length).toBe(size);

    const entries = await unzip(bytes);
    expect([...entries.keys()]).toEqual(['项目-申报书.docx', '项目-申报书.pdf', '附件1-营业执照.pdf', '附件2-空文件.pdf', 'manifest.json']);
    expect(entries.get('项目-申报书.pdf')!.equals(compressible)).toBe(true);
    expect(entries.get('附件1-营业执照.pdf')!.equals(attachment)).toBe(true);
    expect(entries.get('附件2-空文件.pdf')!.length).toBe(0);
    // The compressible entry is really deflated, the stored ones are not.
    expect(bytes.length).toBeLessThan(1000 + compressible.length + attachment.length);

    // The verifier's own reader: every byte accounted for, local headers equal to the directory.
    const safe = await readZipSafely(file.path);
    try {
      expect(safe.entries.map((e) => e.name)).toEqual([...entries.keys()]);
    } finally {
      safe.close();
    }
    // The time unzip shows is the local time given (DOS fields), to the even second.
    const first = await new Promise<yauzl.Entry>((resolve, reject) =>
      yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, z) => {
        if (err || !z) return reject(err);
        z.once('entry', resolve);
        z.readEntry();
      }),
    );
    expect(first.getLastModDate().getTime()).toBe(new Date(2027, 3, 15, 17, 30, 12).getTime());
    expect(first.crc32).toBe(zlib.crc32(pdf.subarray(0, 1000)));

    if (!hasUnzip()) {
      console.log('跳过 unzip -t 校验：本机没有 unzip');
      return;
    }
    // unzip recomputes every CRC-32 and exits non-zero on any mismatch.
    expect(execFileSync('unzip', ['-t', file.path], { encoding: 'utf8' })).toContain('No errors detected');
  });

  it('refuses a streamed entry that delivers another size than declared', async () => {
    const file = await openSyncingTempFile(temp);
    const zip = new ZipFileWriter(file, new Date());
    const data = randomBytes(5000);
    const mismatch = new Error('大小不一致');
    await expect(zip.addStream('a.bin', 4000, (sink) => fillInChunks(data, 1000, sink), () => mismatch)).rejects.toBe(mismatch);
    await expect(zip.addStream('b.bin', 6000, (sink) => fillInChunks(data, 1000, sink), () => mismatch)).rejects.toBe(mismatch);
    await file.discard();
  });

  it('a discarded temp file is gone', async () => {
    const file = await openSyncingTempFile(temp);
    await file.write(Buffer.from('半个申报包'), 0);
    await file.discard();
    expect(() => readFileSync(file.path)).toThrow(/ENOENT/);
  });

  it('past 4 GB: zip64 offsets and end records that the strict reader and yauzl accept', async () => {
    // An in-memory sparse file: the two 3.75 GB entries of zeros are not stored, only headers and the directory.
    const written = new Map<number, Buffer>();
    let end = 0;
    const sink: PositionalSink = {
      write: async (bytes, position) => {
        end = Math.max(end, position + bytes.length);
        // Headers and the directory are small; the zero-filled data chunks are 64 MB.
        if (bytes.length < 1 << 20) written.set(position, Buffer.from(bytes));
      },
    };
    const zip = new ZipFileWriter(sink, new Date(2027, 0, 1));
    const zeros = Buffer.alloc(64 << 20);
    const big = 0xf0000000;
    const fillZeros = async (write: (c: Buffer) => Promise<void>): Promise<void> => {
      for (let done = 0; done < big; done += zeros.length) await write(zeros.subarray(0, Math.min(zeros.length, big - done)));
    };
    await zip.addBuffer('manifest-first.json', Buffer.from('{"a":1}'), true);
    await zip.addStream('附件1-大文件.bin', big, fillZeros, () => new Error('size'));
    await zip.addStream('附件2-大文件.bin', big, fillZeros, () => new Error('size'));
    await zip.addBuffer('附件3-在4GB之后.txt', Buffer.from('在 4 GB 之后'), false);
    const size = await zip.finish();
    expect(size).toBe(end);
    expect(size).toBeGreaterThan(0xffffffff);

    const readAt = (offset: number, length: number): Buffer => {
      const out = Buffer.alloc(length);
      for (const [at, bytes] of written) {
        const from = Math.max(at, offset);
        const to = Math.min(at + bytes.length, offset + length);
        if (from < to) bytes.copy(out, from - offset, from - at, to - at);
      }
      return out;
    };
    const source: ByteSource = { size, read: async (offset, length) => readAt(offset, length) };
    const structure = await readZipStructure(source);
    expect(structure.end.zip64).toBe(true);
    // The second big entry starts at 3.75 GB, the small one after it past 4 GB.
    expect(structure.records.map((r) => r.localHeaderOffset > 0xffffffff)).toEqual([false, false, false, true]);
    await checkZipLayout(source, structure, (r) => r.nameRaw.toString('utf8'));

    // yauzl through a random-access reader over the same sparse bytes: the names, sizes and the last entry's content.
    class SparseReader extends yauzl.RandomAccessReader {
      override _readStreamForRange(start: number, endAt: number): Readable {
        return Readable.from([readAt(start, endAt - start)]);
      }
    }
    const names = await new Promise<{ name: string; size: number; offset: number }[]>((resolve, reject) => {
      yauzl.fromRandomAccessReader(new SparseReader(), size, { lazyEntries: true }, (err, z) => {
        if (err || !z) return reject(err);
        const out: { name: string; size: number; offset: number }[] = [];
        z.on('entry', (e: yauzl.Entry) => {
          out.push({ name: e.fileName, size: e.uncompressedSize, offset: e.relativeOffsetOfLocalHeader });
          z.readEntry();
        });
        z.on('end', () => resolve(out));
        z.on('error', reject);
        z.readEntry();
      });
    });
    expect(names.map((n) => [n.name, n.size])).toEqual([
      ['manifest-first.json', 7],
      ['附件1-大文件.bin', big],
      ['附件2-大文件.bin', big],
      ['附件3-在4GB之后.txt', Buffer.byteLength('在 4 GB 之后')],
    ]);
    expect(names[3]!.offset).toBe(structure.records[3]!.localHeaderOffset);
  }, 60_000);
});
