import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { ZipFile } from 'yazl';
import { readZipSafely, UnsafePackageError } from '../../../electron/services/export/verify/readZipSafely';
import { centralRecords, endOf, insertBytes, withEnd, withLocalHeaderOffset, writeRawZip } from '../../support/zipBytes';
import { zipOf } from './zipTools';

const small = (name: string) => ({ name, data: Buffer.from(`内容：${name}`) });
const base = () => zipOf([small('manifest.json'), small('a.txt'), small('hidden.sh')]);

const temp = mkdtempSync(path.join(tmpdir(), 'shenbao-zip-exact-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function namesOf(source: Buffer | string): Promise<string[]> {
  const zip = await readZipSafely(source);
  try {
    return zip.entries.map((e) => e.name);
  } finally {
    zip.close();
  }
}

async function refusal(source: Buffer | string): Promise<string> {
  const error = await readZipSafely(source).then(
    (zip) => {
      zip.close();
      return null;
    },
    (e: unknown) => e,
  );
  expect(error, 'the package was read although it is inconsistent').toBeInstanceOf(UnsafePackageError);
  return (error as Error).message;
}

/** Both ways in: the CLI passes a path, the app passes the uploaded bytes. */
async function refusedBoth(bytes: Buffer, message: RegExp): Promise<void> {
  expect(await refusal(bytes)).toMatch(message);
  const file = path.join(temp, `p${Math.random().toString(36).slice(2)}.zip`);
  writeFileSync(file, bytes);
  expect(await refusal(file)).toMatch(message);
}

function unzipLists(bytes: Buffer): string | null {
  const file = path.join(temp, 'listed.zip');
  writeFileSync(file, bytes);
  try {
    return execFileSync('unzip', ['-l', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (e) {
    const out = (e as { stdout?: string }).stdout;
    return typeof out === 'string' && out !== '' ? out : null;
  }
}

describe('zip reading accepts what is exact', () => {
  it('a yazl zip (buffer and streamed entries with data descriptors), a Windows-style zip with a comment, and a zip64 one', async () => {
    expect(await namesOf(await base())).toEqual(['manifest.json', 'a.txt', 'hidden.sh']);

    const streamed = new ZipFile();
    streamed.addReadStream(Readable.from([Buffer.from('流式写入的内容')]), 'stream.txt');
    streamed.addBuffer(Buffer.from('x'), 'b.txt', { compress: false });
    streamed.end({ forceZip64Format: true, comment: '' });
    const chunks: Buffer[] = [];
    for await (const c of streamed.outputStream as unknown as Readable) chunks.push(c as Buffer);
    expect(await namesOf(Buffer.concat(chunks))).toEqual(['stream.txt', 'b.txt']);

    const windows = writeRawZip([{ name: Buffer.from('a.txt'), data: Buffer.from('abc'), deflate: true }], Buffer.from('注释 comment'));
    expect(await namesOf(windows)).toEqual(['a.txt']);
  });
});

describe('zip reading refuses what is not exact, naming the problem', () => {
  it('an end record that under-reports its entry count, hiding an extra file that unzip extracts', async () => {
    const hiding = withEnd(await base(), { entries: 2 });
    const listing = unzipLists(hiding);
    if (listing === null) console.log('unzip is not installed: the hidden file is not cross-checked with Info-ZIP');
    else expect(listing, 'the test archive should really hide a file from a count-trusting reader').toContain('hidden.sh');
    await refusedBoth(hiding, /结尾记录声明有 2 个文件，目录中实际有 3 个，多出的「hidden\.sh」/);
  });

  it('the same with the declared directory size shrunk to match the smaller count', async () => {
    const zip = await base();
    const records = centralRecords(zip);
    const hiding = withEnd(zip, { entries: 2, directorySize: records[0]!.length + records[1]!.length });
    await refusedBoth(hiding, /多出的「hidden\.sh」/);
  });

  it('an end record that over-reports its entry count', async () => {
    await refusedBoth(withEnd(await base(), { entries: 4 }), /声明有 4 个文件，目录中只找到 3 个/);
  });

  it('a declared directory size that differs from the records', async () => {
    const zip = await base();
    await refusedBoth(withEnd(zip, { directorySize: endOf(zip).directorySize + 4 }), /声明目录有 \d+ 字节，实际的目录记录共 \d+ 字节/);
  });

  it('bytes between the directory and the end record', async () => {
    const zip = await base();
    await refusedBoth(insertBytes(zip, endOf(zip).at, Buffer.from('GARBAGE')), /目录之后、结尾记录之前有 7 字节不属于任何记录/);
  });

  it('bytes between two local entries', async () => {
    const zip = await base();
    const second = centralRecords(zip)[1]!.localHeaderOffset;
    await refusedBoth(insertBytes(zip, second, Buffer.from('PK\u0003\u0004xx')), /「manifest\.json」之后、「a\.txt」之前有 6 字节不属于任何文件/);
  });

  it('bytes before the first entry (a prefixed or self-extracting archive)', async () => {
    await refusedBoth(insertBytes(await base(), 0, Buffer.from('MZ stub')), /第一个文件「manifest\.json」之前有 7 字节不属于任何文件/);
  });

  it('bytes after the last entry, before the directory', async () => {
    const zip = await base();
    await refusedBoth(insertBytes(zip, endOf(zip).directoryOffset, Buffer.alloc(9)), /最后一个文件「hidden\.sh」之后、目录之前有 9 字节不属于任何文件/);
  });

  it('data after the end record and its comment', async () => {
    await refusedBoth(Buffer.concat([await base(), Buffer.from('tail')]), /文件末尾在结尾记录和注释之后还有 4 字节/);
  });

  it('two directory records sharing one local header (overlap)', async () => {
    const zip = await zipOf([small('manifest.json'), small('a.txt'), small('b.txt')]);
    const shared = withLocalHeaderOffset(zip, 2, centralRecords(zip)[1]!.localHeaderOffset);
    await refusedBoth(shared, /「a\.txt」与「b\.txt」在包内的数据相互重叠/);
  });

  it('a local header whose name differs from the directory', async () => {
    const zip = Buffer.from(await base());
    const local = centralRecords(zip)[1]!.localHeaderOffset;
    zip.write('z', local + 30, 'latin1');
    await refusedBoth(zip, /文件「a\.txt」在本地文件头中的名称与目录中的不同/);
  });

  it('a local header whose size differs from the directory', async () => {
    const zip = Buffer.from(writeRawZip([{ name: Buffer.from('manifest.json'), data: Buffer.from('{}') }, { name: Buffer.from('a.txt'), data: Buffer.from('abc') }]));
    const local = centralRecords(zip)[1]!.localHeaderOffset;
    zip.writeUInt32LE(2, local + 22);
    await refusedBoth(zip, /文件「a\.txt」的本地文件头与目录记录的大小或校验值不一致/);
  });
});
