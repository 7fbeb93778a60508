import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openServices } from '../../../electron/services/index';
import { attachmentBytes, fixtureDraft } from '../package/packageFixture';

const ROOT = resolve(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'bin/shenbao.mjs');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function shenbao(dataDir: string, cwd: string, args: string[]): Run {
  const r = spawnSync(process.execPath, [BIN, '--data-dir', dataDir, ...args], { cwd, encoding: 'utf8', timeout: 120_000, env: { ...process.env, SHENBAO_DATA_DIR: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * A draft file whose attachments are really in `dataDir`'s store (the fixture's hashes are
 * placeholders): the files are added first, then the draft file is written with their hashes.
 */
export async function draftFileWithAttachments(dataDir: string, target: string, mutate?: (d: ReturnType<typeof fixtureDraft>) => void): Promise<string> {
  const draft = fixtureDraft();
  const services = openServices({ dataDir, mode: 'test' });
  try {
    for (const [slot, refs] of Object.entries(draft.attachments)) {
      for (const ref of refs) {
        const info = await services.attachments.putFile(attachmentBytes(`${slot}/${ref.name}`, 3000), { name: ref.name, mediaType: ref.mediaType });
        ref.sha256 = info.sha256;
        ref.size = info.size;
      }
    }
  } finally {
    services.close();
  }
  draft.status = 'final';
  mutate?.(draft);
  writeFileSync(target, JSON.stringify(draft, null, 2));
  return target;
}
