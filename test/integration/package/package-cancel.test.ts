import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../electron/services/index';
import { subjectOf } from '../../../electron/services/export/orchestrate/subject';
import { ExportCancelled } from '../../../electron/services/export/orchestrate/types';
import { buildPackage } from '../../../electron/services/export/package/buildPackage';
import { openPackRegistry } from '../../../electron/services/packs/registry';
import { makeTempDir } from '../../support/tempStore';
import { FIXED_PRINTERS, FIXTURE_DAY, fixtureDraft, openAt } from './packageFixture';

/**
 * Cancelling while attachments stream. Printing is not what is under test here (the package test
 * uses the real printers), so the documents are fixed bytes and the abort lands mid-attachments.
 */
const printed = FIXED_PRINTERS;

let temp: ReturnType<typeof makeTempDir>;
let services: Services;
beforeAll(() => {
  temp = makeTempDir('shenbao-cancel-');
  services = openAt(temp.dir);
});
afterAll(() => {
  services.close();
  temp.cleanup();
});

describe('a cancelled package', () => {
  it('stops mid-attachment and leaves nothing in the target directory', async () => {
    const draft = fixtureDraft();
    // Three 8 MB attachments: enough chunks that the abort lands while they stream.
    for (const refs of Object.values(draft.attachments)) {
      for (const ref of refs) {
        const info = await services.attachments.putFile(Buffer.alloc(8 * 1024 * 1024, ref.name.length), { name: ref.name, mediaType: ref.mediaType });
        ref.sha256 = info.sha256;
        ref.size = info.size;
      }
    }
    const subject = subjectOf(openPackRegistry({ dataDir: temp.dir }), draft, 1, { today: '2022-06-01' });
    const target = path.join(temp.dir, 'out', '申报包.zip');
    mkdirSync(path.dirname(target));
    const controller = new AbortController();
    const steps: string[] = [];
    const error = await buildPackage({
      subject,
      attachments: services.attachments,
      printers: printed,
      toolVersion: 'test',
      target,
      signal: controller.signal,
      now: () => FIXTURE_DAY,
      onProgress: (step, fraction) => {
        steps.push(step);
        if (step.startsWith('正在打包附件') && fraction > 0.4) controller.abort();
      },
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ExportCancelled);
    expect(steps.some((s) => s.startsWith('正在打包附件'))).toBe(true);
    // The attachment step says which file and how many bytes of all are packed: 「正在打包附件 2/5：35.0 KB / 120.0 KB」.
    for (const step of steps.filter((s) => s.startsWith('正在打包附件'))) expect(step).toMatch(/^正在打包附件 \d+\/\d+：[\d.]+ (字节|KB|MB) \/ [\d.]+ (KB|MB)$/);
    expect(steps).not.toContain('完成');
    expect(readdirSync(path.dirname(target))).toEqual([]);
  });
});
