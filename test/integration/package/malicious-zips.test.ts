import { describe, expect, it } from 'vitest';
import { UnsafePackageError } from '../../../electron/services/export/verify/readZipSafely';
import { verifyPackage } from '../../../electron/services/export/verify/verifyPackage';
import { emptyRegistry } from '../../../electron/services/packs/registry';
import { renameEntryBytes, zipOf } from './zipTools';

const verify = (bytes: Buffer) => verifyPackage(bytes, { packs: emptyRegistry() });
const small = (name: string) => ({ name, data: Buffer.from('内容') });

async function expectRefused(bytes: Buffer, message: RegExp): Promise<void> {
  const error = await verify(bytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnsafePackageError);
  expect((error as Error).message).toMatch(message);
}

describe('hostile zips are refused before anything is read', () => {
  it('a ../ entry (zip slip)', async () => {
    await expectRefused(renameEntryBytes(await zipOf([small('manifest.json'), small('xx/evil.sh')]), 'xx/evil.sh', '../evil.sh'), /指向包外/);
  });

  it('an absolute path', async () => {
    await expectRefused(renameEntryBytes(await zipOf([small('manifest.json'), small('etc_passwd')]), 'etc_passwd', '/etc/passw'), /绝对路径/);
  });

  it('a backslash path that leaves the package or names a drive (「\\」 is read as the separator Windows tools mean)', async () => {
    await expectRefused(renameEntryBytes(await zipOf([small('manifest.json'), small('xx/evil.sh')]), 'xx/evil.sh', '..\\evil.sh'), /指向包外的条目（\.\.\/evil\.sh）/);
    await expectRefused(renameEntryBytes(await zipOf([small('manifest.json'), small('xx_evil.sh')]), 'xx_evil.sh', 'C:\\evil.sh'), /绝对路径/);
    await expectRefused(renameEntryBytes(await zipOf([small('manifest.json'), small('xxserver/a')]), 'xxserver/a', '\\\\server\\a'), /绝对路径/);
  });

  it('a symlink entry (by its external attributes)', async () => {
    await expectRefused(await zipOf([small('manifest.json'), { name: 'link', data: Buffer.from('/etc/passwd'), mode: 0o120777 }]), /符号链接/);
  });

  it('a zip bomb (an implausible compression ratio)', async () => {
    await expectRefused(await zipOf([small('manifest.json'), { name: 'bomb.bin', data: Buffer.alloc(32 * 1024 * 1024) }]), /压缩比异常/);
  });

  it('10,000 entries', async () => {
    const entries = Array.from({ length: 10_000 }, (_, i) => ({ name: `f${i}.txt`, data: Buffer.from('x'), compress: false }));
    await expectRefused(await zipOf(entries), /10000 个条目，超过上限 1000/);
  });

  it('duplicate names (also when they differ only in case)', async () => {
    await expectRefused(renameEntryBytes(await zipOf([small('manifest.json'), small('A.pdf'), small('b.pdf')]), 'b.pdf', 'a.pdf'), /重名/);
  });

  it('a file that is not a zip at all', async () => {
    await expectRefused(Buffer.from('这不是压缩包'), /不是有效的 zip/);
  });
});
