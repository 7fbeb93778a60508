import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inlineHasher, sharedBuffer, workerHasher } from '../../../electron/services/attachments/chunkHasher';

const sha = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

describe('chunk hashers', () => {
  it('the worker hasher gives the SHA-256 of the chunks in order, for several files hashed at once', async () => {
    const files = [randomBytes(3 * 65_536 + 17), randomBytes(10), randomBytes(0)];
    const results = await Promise.all(
      files.map(async (content) => {
        const hasher = workerHasher();
        const buffer = sharedBuffer(65_536);
        for (let at = 0; at < content.length; at += buffer.length) {
          const n = content.copy(buffer, 0, at, at + buffer.length);
          // The buffer is refilled only after update answers, as the package's reads do.
          await hasher.update(buffer.subarray(0, n));
        }
        return hasher.digest();
      }),
    );
    expect(results).toEqual(files.map(sha));
  });

  it('agrees with the in-thread hasher, and refuses a chunk outside shared memory', async () => {
    const content = randomBytes(100_000);
    const inline = inlineHasher();
    await inline.update(content);
    const worker = workerHasher();
    const shared = sharedBuffer(content.length);
    content.copy(shared);
    await worker.update(shared);
    expect(await worker.digest()).toBe(await inline.digest());
    await expect(workerHasher().update(content)).rejects.toThrow(/共享内存/);
  });

  it('does not keep a finished process alive (the CLI exits when its work is done)', () => {
    // A separate Node process hashes through the worker and must exit on its own, promptly.
    const script = `
      const { workerHasher, sharedBuffer } = await import(${JSON.stringify(path.resolve(import.meta.dirname, '../../../electron/services/attachments/chunkHasher.ts'))});
      const h = workerHasher(); const b = sharedBuffer(4); b.write('申');
      await h.update(b.subarray(0, 3)); console.log(await h.digest());
    `;
    const dir = mkdtempSync(path.join(os.tmpdir(), 'shenbao-hasher-'));
    try {
      writeFileSync(path.join(dir, 'child.mts'), script);
      const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(dir, 'child.mts')], { encoding: 'utf8', timeout: 20_000 });
      expect(out.trim()).toBe(sha(Buffer.from('申')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
