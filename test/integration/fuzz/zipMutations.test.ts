import fc from 'fast-check';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { ZipFile } from 'yazl';
import { readZipSafely, UnsafePackageError } from '../../../electron/services/export/verify/readZipSafely';
import { englishWords } from '../../support/englishWords';
import { killCount } from '../../support/soak';

/**
 * Random damage to a small package (bytes flipped, cut off, inserted): reading it either succeeds
 * or is refused with UnsafePackageError in Chinese. Never a RangeError, an English zlib or yauzl
 * message, or a hang.
 */

let original: Buffer;

beforeAll(async () => {
  const zip = new ZipFile();
  zip.addBuffer(Buffer.from('{"format":"shenbao-package"}'), 'manifest.json');
  zip.addBuffer(Buffer.from('申报书内容'.repeat(200)), '申报书.pdf', { compress: true });
  zip.addReadStream(Readable.from([Buffer.from('附件'.repeat(300))]), '附件01-营业执照.pdf');
  zip.addBuffer(Buffer.from('x'.repeat(50)), 'draft.json', { compress: false });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream as unknown as Readable) chunks.push(c as Buffer);
  original = Buffer.concat(chunks);
});

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
);

function apply(bytes: Buffer, changes: { kind: 'flip' | 'cut' | 'insert'; at: number; value?: number; bytes?: Uint8Array }[]): Buffer {
  let out = Buffer.from(bytes);
  for (const c of changes) {
    const at = c.at % Math.max(out.length, 1);
    if (c.kind === 'flip') out[at] = c.value!;
    else if (c.kind === 'cut') out = out.subarray(0, at);
    else out = Buffer.concat([out.subarray(0, at), Buffer.from(c.bytes!), out.subarray(at)]);
  }
  return out;
}

describe('a damaged package is read or refused in Chinese, nothing else', () => {
  it('random byte damage', async () => {
    let read = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (changes) => {
        const damaged = apply(original, changes);
        try {
          const zip = await readZipSafely(damaged);
          try {
            for (const entry of zip.entries) await zip.hash(entry);
          } finally {
            zip.close();
          }
          read++;
        } catch (e) {
          refused++;
          expect(e).toBeInstanceOf(UnsafePackageError);
          const message = (e as Error).message;
          expect(message).toMatch(/[\u4e00-\u9fff]/);
          // Names quoted from the (damaged) file are echoes, not the app's English.
          expect(englishWords(message, `${damaged.toString('latin1')} ${damaged.toString('utf8')}`), message).toEqual([]);
        }
      }),
      { numRuns: killCount(500, 8000, 'SHENBAO_ZIP_MUTATIONS') },
    );
    console.log(`损坏的申报包：读出 ${read} 个，拒绝 ${refused} 个，其他错误 0 个`);
    expect(refused).toBeGreaterThan(0);
  }, 120_000);
});
