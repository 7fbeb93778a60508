import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../electron/services/index';
import { UnsafePackageError } from '../../../electron/services/export/verify/readZipSafely';
import { verifyPackage } from '../../../electron/services/export/verify/verifyPackage';
import { openPackRegistry } from '../../../electron/services/packs/registry';
import { describeVerifyCounts } from '../../../shared/export/verifyCounts';
import type { PdfPrinter } from '../../../electron/services/export/pdf/printer';
import { minimalPdf } from '../../support/minimalPdf';
import { makeTempDir } from '../../support/tempStore';
import { encodeGbk } from '../../support/gbkEncode';
import { withEnd, writeRawZip } from '../../support/zipBytes';
import { openAt, seedFixture } from './packageFixture';
import { unzip, zipOf } from './zipTools';

/**
 * Real packages from the real builder and the real DOCX printer; the PDF printer returns a minimal
 * PDF (Chromium would add a minute without changing what is tested), which the exporter still
 * stamps with the draft binding, so the re-zipped package verifies like a real one.
 */
const printer: PdfPrinter = { print: async () => minimalPdf() };

let temp: ReturnType<typeof makeTempDir>;
let services: Services;
let original: Buffer;
let files: Map<string, Buffer>;

beforeAll(async () => {
  temp = makeTempDir('shenbao-rezip-');
  services = openAt(temp.dir, { printer });
  const id = await seedFixture(services);
  const { jobId } = services.exports.startPackage(id);
  expect(await services.exports.settled(jobId)).toMatchObject({ state: 'done' });
  original = readFileSync(services.exports.finished(jobId)!.path);
  files = await unzip(original);
}, 60_000);

afterAll(() => {
  services.close();
  temp.cleanup();
});

const verify = (source: Buffer) => verifyPackage(source, { packs: openPackRegistry({ dataDir: temp.dir }) });

/** What Windows' 「发送到 → 压缩文件夹」 on a Chinese system writes: deflated, names in GBK, no UTF-8 flag. */
function windowsRezip(prefix = ''): Buffer {
  const entries = [...files].map(([name, data]) => ({ name: encodeGbk(prefix + name), data, deflate: true }));
  if (prefix !== '') entries.unshift({ name: encodeGbk(prefix), data: Buffer.alloc(0), deflate: false });
  return writeRawZip(entries);
}

describe('检查申报包 on a package that went through other hands', () => {
  it('the original passes, and its counts say every listed file matched', async () => {
    const result = await verify(original);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    const s = result.summary;
    expect(s.files).toBe(files.size);
    expect(s.listedFiles).toBe(files.size - 1);
    expect(s.checkedFiles).toBe(s.listedFiles);
    expect(s.matchedFiles).toBe(s.listedFiles);
    expect(s.extraFiles).toBe(0);
    expect(describeVerifyCounts(s)).toBe(`清单列出 ${files.size - 1} 个文件，${files.size - 1} 个与清单一致`);
  });

  it('re-zipped on Windows with GBK names and no UTF-8 flag: the names are read correctly and it verifies as the original does', async () => {
    const chinese = [...files.keys()].find((n) => /[\u4e00-\u9fff]/.test(n));
    expect(chinese, 'the package should have Chinese file names').toBeDefined();
    const rezipped = windowsRezip();
    expect(rezipped.includes(Buffer.from(chinese!, 'utf8')), 'the names should be stored as GBK, not UTF-8').toBe(false);
    expect(rezipped.includes(encodeGbk(chinese!))).toBe(true);
    const [before, after] = [await verify(original), await verify(rezipped)];
    expect(after.problems).toEqual([]);
    expect(after).toEqual(before);
  });

  it('re-zipped as the folder it was unpacked into: the folder is taken as the package root', async () => {
    const result = await verify(windowsRezip('申报包（已解压）/'));
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.summary.files).toBe(files.size);
  });

  it('a passing package with an extra file hidden by an under-reported end record is refused, not 通过', async () => {
    const withExtra = await zipOf([...[...files].map(([name, data]) => ({ name, data })), { name: 'zz-hidden.exe', data: Buffer.from('MZ') }]);
    const hiding = withEnd(withExtra, { entries: files.size });
    const error = await verify(hiding).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UnsafePackageError);
    expect((error as Error).message).toMatch(/结尾记录声明有 \d+ 个文件，目录中实际有 \d+ 个，多出的「zz-hidden\.exe」/);
  });
});
