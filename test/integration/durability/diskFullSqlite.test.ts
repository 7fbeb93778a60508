/**
 * Issue 6 §Durability 2, everywhere (no mount needed): SQLite itself reports the store full.
 * `PRAGMA max_page_count` caps the database at its current size, so the next save that needs a
 * page fails inside SQLite with SQLITE_FULL exactly as on a full disk. The user gets storage_full
 * in Chinese, the draft stays exactly the previous revision, and once space returns the same save
 * succeeds.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../../electron/services/index';
import { dispatch } from '../../../shared/ipc/dispatch';
import { makeTempDir } from '../../support/tempStore';
import { attachmentBytesFor } from '../../support/attachmentBytes';

let temp: ReturnType<typeof makeTempDir>;
let services: Services;

beforeEach(() => {
  temp = makeTempDir('shenbao-full-sqlite-');
  services = openServices({ dataDir: path.join(temp.dir, 'data'), mode: 'test' });
});
afterEach(() => {
  services.close();
  temp.cleanup();
});

/** Long enough to need fresh pages for both the draft row and its revision row. */
const bigText = (seed: string) => Array.from({ length: 4000 }, (_, i) => `${seed}第${i}段。`).join('');

function fillStore(): void {
  const pages = services.db.pragma('page_count', { simple: true }) as number;
  services.db.pragma(`max_page_count = ${pages}`);
}

function spaceReturns(): void {
  services.db.pragma('max_page_count = 1073741823');
}

describe('the store is full (SQLITE_FULL)', () => {
  it('a save fails with storage_full in Chinese, the draft stays the previous revision, and the next save succeeds', async () => {
    const created = await services.handlers.draftsCreate({ title: '磁盘已满测试' });
    const id = created.draft.id;
    await services.handlers.draftsSave({ id, baseRevision: created.revision, patch: { values: { summary: '第一版' } } });
    const before = services.drafts.get(id);
    const revisionsBefore = services.db.prepare('SELECT count(*) AS n FROM revisions WHERE draft_id = ?').get(id);

    fillStore();
    const patch = { values: { summary: bigText('未能保存的修改') } };
    const failed = await dispatch(services.handlers, 'draftsSave', { id, baseRevision: before.revision, patch });
    expect(failed).toEqual({ ok: false, error: { code: 'storage_full', message: '磁盘空间不足，保存失败；您的修改仍保留在编辑器中' } });

    // Nothing half-written: the row, its revision history and the file's integrity are as before.
    expect(services.drafts.get(id)).toEqual(before);
    expect(services.db.prepare('SELECT count(*) AS n FROM revisions WHERE draft_id = ?').get(id)).toEqual(revisionsBefore);
    expect(services.db.pragma('integrity_check', { simple: true })).toBe('ok');

    spaceReturns();
    const retried = await services.handlers.draftsSave({ id, baseRevision: before.revision, patch });
    expect(retried.revision).toBe(before.revision + 1);
    expect(services.drafts.get(id).draft.values['summary']).toBe(patch.values.summary);
    expect(services.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('an attachment whose record cannot be written fails with storage_full and is stored once space returns', async () => {
    fillStore();
    // Enough distinct rows to need a new page in the attachments table.
    let failure: unknown;
    for (let i = 0; i < 400 && failure === undefined; i++) {
      const answer = await dispatch(services.handlers, 'attachmentsPut', { name: `附件${i}.pdf`, mediaType: 'application/pdf', dataBase64: attachmentBytesFor(`附件${i}.pdf`, `附件内容 ${i}`, 64).toString('base64') });
      if (!answer.ok) failure = answer.error;
    }
    expect(failure).toEqual({ code: 'storage_full', message: '磁盘空间不足，保存失败；您的修改仍保留在编辑器中' });
    spaceReturns();
    const stored = await dispatch(services.handlers, 'attachmentsPut', { name: '之后.pdf', mediaType: 'application/pdf', dataBase64: attachmentBytesFor('之后.pdf', '空间恢复后', 64).toString('base64') });
    expect(stored.ok).toBe(true);
    expect(services.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
