import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { atomicWriteFile, atomicWriteFileSync } from '../../../electron/services/fs/atomicWrite';
import { makeTempDir } from '../../support/tempStore';

describe('atomic writes', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (temp = makeTempDir()));
  afterEach(() => temp.cleanup());

  it('replaces the target in one step and leaves no temp file (sync)', () => {
    const target = path.join(temp.dir, '申报书.json');
    writeFileSync(target, 'old');
    atomicWriteFileSync(target, '新内容');
    expect(readFileSync(target, 'utf8')).toBe('新内容');
    expect(readdirSync(temp.dir)).toEqual(['申报书.json']);
    if (process.platform !== 'win32') expect(statSync(target).mode & 0o777).toBe(0o600);
  });

  it('replaces the target and leaves no temp file (async, bytes)', async () => {
    const target = path.join(temp.dir, 'a.bin');
    await atomicWriteFile(target, new Uint8Array([1, 2, 3]));
    expect([...readFileSync(target)]).toEqual([1, 2, 3]);
    expect(readdirSync(temp.dir)).toEqual(['a.bin']);
  });

  it('leaves the old file intact and cleans up when the write fails', async () => {
    const target = path.join(temp.dir, 'missing-dir', 'x.json');
    expect(() => atomicWriteFileSync(target, 'x')).toThrow(/ENOENT/);
    await expect(atomicWriteFile(target, 'x')).rejects.toThrow(/ENOENT/);
    const existing = path.join(temp.dir, 'keep.json');
    writeFileSync(existing, 'keep');
    // Writing a directory path as the target fails at rename; the temp file must not linger.
    expect(() => atomicWriteFileSync(temp.dir, 'x')).toThrow();
    expect(readFileSync(existing, 'utf8')).toBe('keep');
    expect(readdirSync(temp.dir)).toEqual(['keep.json']);
  });
});
