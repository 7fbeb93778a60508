import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../electron/services/index';
import { subjectOf } from '../../../electron/services/export/orchestrate/subject';
import { buildPackage } from '../../../electron/services/export/package/buildPackage';
import { openPackRegistry } from '../../../electron/services/packs/registry';
import type { Draft } from '../../../shared/model/draft';
import { AppError } from '../../../shared/ipc/errors';
import { makeTempDir } from '../../support/tempStore';
import { FIXED_PRINTERS, FIXTURE_DAY, fixtureDraft, openAt } from './packageFixture';
import { hasUnzip, unzip } from './zipTools';

/**
 * An attachment that changed in the store after it was recorded (disk damage, another program)
 * must never reach a package: buildPackage fails naming it in Chinese and leaves no file behind,
 * however far into the attachment the difference is. The documents are fixed bytes here; the
 * real printers are under test in package-verify.
 */
const printed = FIXED_PRINTERS;

let temp: ReturnType<typeof makeTempDir>;
let services: Services;
beforeAll(() => {
  temp = makeTempDir('shenbao-corrupt-');
  services = openAt(temp.dir);
});
afterAll(() => {
  services.close();
  temp.cleanup();
});

/** The fixture with real stored attachments of `size` bytes each (several read chunks). */
async function seeded(size: number): Promise<{ draft: Draft; contents: Map<string, Buffer> }> {
  const draft = fixtureDraft();
  const contents = new Map<string, Buffer>();
  for (const refs of Object.values(draft.attachments)) {
    for (const ref of refs) {
      const bytes = randomBytes(size);
      const info = await services.attachments.putFile(bytes, { name: ref.name, mediaType: ref.mediaType });
      ref.sha256 = info.sha256;
      ref.size = info.size;
      contents.set(ref.name, bytes);
    }
  }
  return { draft, contents };
}

async function build(draft: Draft, dir: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const target = path.join(dir, '申报包.zip');
  const subject = subjectOf(openPackRegistry({ dataDir: temp.dir }), draft, 1, { today: '2022-06-01' });
  await buildPackage({ subject, attachments: services.attachments, printers: printed, toolVersion: 'test', target, now: () => FIXTURE_DAY });
  return target;
}

describe('a package whose attachment changed in the store', () => {
  it('packs intact attachments byte for byte (unzip -t agrees)', async () => {
    const { draft, contents } = await seeded(2.5 * 1024 * 1024);
    const target = await build(draft, path.join(temp.dir, 'ok'));
    const files = await unzip(readFileSync(target));
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as { files: { path: string; role: string; originalName?: string }[] };
    const attachments = manifest.files.filter((f) => f.role === 'attachment');
    expect(attachments).toHaveLength(contents.size);
    for (const f of attachments) expect(files.get(f.path)!.equals(contents.get(f.originalName!)!)).toBe(true);
    if (!hasUnzip()) {
      console.log('跳过 unzip -t 校验：本机没有 unzip');
      return;
    }
    expect(execFileSync('unzip', ['-t', target], { encoding: 'utf8' })).toContain('No errors detected');
  });

  it.each([
    ['one byte in its last chunk changed', (file: string) => {
      const bytes = readFileSync(file);
      bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
      writeFileSync(file, bytes);
    }, /^附件文件已被改动或损坏：「.+」/],
    ['its tail cut off', (file: string) => writeFileSync(file, readFileSync(file).subarray(0, 1_500_000)), /「.+」/],
    ['bytes appended', (file: string) => writeFileSync(file, Buffer.concat([readFileSync(file), Buffer.from('多出的内容')])), /「.+」/],
  ])('fails naming it when %s, and leaves nothing in the target directory', async (_label, damage, message) => {
    const { draft } = await seeded(2.5 * 1024 * 1024);
    const victim = Object.values(draft.attachments).flat()[1]!;
    damage(services.attachments.path(victim.sha256));
    const dir = path.join(temp.dir, `bad-${Math.random().toString(36).slice(2)}`);
    const error = await build(draft, dir).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('corrupt_file');
    expect((error as AppError).message).toMatch(message);
    expect((error as AppError).message).toContain(victim.name);
    expect(readdirSync(dir)).toEqual([]);
  });
});
