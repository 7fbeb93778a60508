/**
 * The store records when a file was last read whole and matched its address (verified_at). A
 * plain `open` records it itself; the package opens with `recordVerified: false` and records every
 * packed attachment at once after the package is written, so what is recorded stays the same.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../../electron/services/index';
import { minimalPdf } from '../../support/minimalPdf';
import { makeTempDir } from '../../support/tempStore';
import { openAt, seedFixture } from '../package/packageFixture';

let temp: ReturnType<typeof makeTempDir>;
let services: Services;

const verifiedAt = (sha256: string): string | null =>
  (services.db.prepare('SELECT verified_at AS at FROM attachments WHERE sha256 = ?').get(sha256) as { at: string | null }).at;

async function drain(sha256: string, recordVerified?: boolean): Promise<void> {
  for await (const chunk of services.attachments.open(sha256, { recordVerified })) void chunk;
}

beforeEach(() => {
  temp = makeTempDir('shenbao-verified-');
  services = openAt(path.join(temp.dir, 'data'), { printer: { print: async () => minimalPdf() } });
});

afterEach(() => {
  services.close();
  temp.cleanup();
});

describe('verified_at', () => {
  it('is set by a whole read through open, and not when the caller records it itself', async () => {
    const a = await services.attachments.putFile(Buffer.from('营业执照扫描件 a'), { name: 'a.pdf' });
    const b = await services.attachments.putFile(Buffer.from('营业执照扫描件 b'), { name: 'b.pdf' });
    expect(verifiedAt(a.sha256)).toBeNull();
    await drain(a.sha256);
    expect(verifiedAt(a.sha256)).not.toBeNull();
    await drain(b.sha256, false);
    expect(verifiedAt(b.sha256)).toBeNull();
    services.attachments.recordVerified([b.sha256]);
    expect(verifiedAt(b.sha256)).not.toBeNull();
  });

  it('is set for every attachment a finished package carries, in one call', async () => {
    const draftId = await seedFixture(services);
    const shas = Object.values(services.drafts.get(draftId).draft.attachments)
      .flat()
      .map((r) => r.sha256);
    expect(shas.length).toBeGreaterThan(1);
    // The check before the package reads the files through open() too; only the package's own record is watched here.
    const recorded: string[][] = [];
    const record = services.attachments.recordVerified.bind(services.attachments);
    services.attachments.recordVerified = (list) => {
      recorded.push([...list]);
      record(list);
    };
    const { jobId } = services.handlers.exportPackageStart({ id: draftId }) as { jobId: string };
    services.db.prepare('UPDATE attachments SET verified_at = NULL').run();
    expect(await services.exports.settled(jobId)).toMatchObject({ state: 'done' });
    const batches = recorded.filter((list) => list.length > 1);
    expect(batches).toHaveLength(1);
    expect([...batches[0]!].sort()).toEqual([...shas].sort());
    for (const sha of shas) expect(verifiedAt(sha)).not.toBeNull();
  });
});
