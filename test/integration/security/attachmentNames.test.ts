/**
 * Attachment names are metadata only. A hostile name put through attachmentsPut is kept exactly
 * as the applicant's label, the file on disk is named by its SHA-256 alone, and in the package the
 * entry is named from the checklist item (sanitized) while the manifest keeps the original name.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subjectOf } from '../../../electron/services/export/orchestrate/subject';
import type { DocumentPrinters } from '../../../electron/services/export/orchestrate/types';
import { buildPackage } from '../../../electron/services/export/package/buildPackage';
import { attachmentEntryName } from '../../../electron/services/export/package/safeName';
import type { Services } from '../../../electron/services/index';
import { openPackRegistry } from '../../../electron/services/packs/registry';
import { attachmentBytesFor } from '../../support/attachmentBytes';
import { MANIFEST_FILE, type PackageManifest } from '../../../shared/export/manifest';
import { dispatch } from '../../../shared/ipc/dispatch';
import type { AttachmentRef, Draft } from '../../../shared/model/draft';
import { fixtureDraft, openAt } from '../package/packageFixture';
import { unzip } from '../package/zipTools';
import { makeTempDir } from '../../support/tempStore';

const HOSTILE_NAMES = [
  '../../../../etc/passwd',
  '..\\..\\Windows\\System32\\evil.dll',
  '/etc/shadow',
  'C:\\boot.ini',
  'CON',
  'con.pdf',
  'NUL.txt',
  'COM1',
  'LPT9.pdf',
  'a\u0000b.pdf',
  '营业执照\u202Efdp.exe',
  `${'长'.repeat(300)}.pdf`,
  '.bashrc',
  '...',
  'a<b>c:d"e|f?g*h.pdf',
  'name. ',
  '\u0007bell\u001b[31m.pdf',
];

/** Characters no Windows, macOS or Linux file name may hold, plus controls and direction overrides. */
const unsafeChars = (name: string): string[] => [...name].filter((c) => c.codePointAt(0)! < 0x20 || '<>:"/\\|?*'.includes(c) || /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(c));
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;

function expectSafeEntryName(name: string): void {
  expect(unsafeChars(name), name).toEqual([]);
  expect(name, name).not.toMatch(WINDOWS_RESERVED);
  expect(name, name).not.toMatch(/^[.\s]|[.\s]$/);
  expect(Buffer.byteLength(name), name).toBeLessThanOrEqual(255);
  expect(name, name).toMatch(/^附件[1-9]\d*-.*\.[a-z0-9]{1,10}$/);
}

let temp: ReturnType<typeof makeTempDir>;
let services: Services;

/** Every file path under the data directory, relative to it. */
function allPaths(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

beforeAll(() => {
  temp = makeTempDir('shenbao-names-');
  services = openAt(temp.dir);
});
afterAll(() => {
  services.close();
  temp.cleanup();
});

describe('hostile attachment names through attachmentsPut', () => {
  it('keep the name as metadata and store the bytes under their hash only', async () => {
    const refs: AttachmentRef[] = [];
    for (const [i, name] of HOSTILE_NAMES.entries()) {
      const envelope = await dispatch(services.handlers, 'attachmentsPut', { name, mediaType: 'application/pdf', dataBase64: attachmentBytesFor(name, `文件 ${i}`, 64).toString('base64') });
      expect(envelope.ok, name).toBe(true);
      if (envelope.ok) refs.push(envelope.data as AttachmentRef);
    }
    expect(refs.map((r) => r.name)).toEqual(HOSTILE_NAMES.map((n) => n.trim()));
    const attachmentFiles = allPaths(temp.dir).filter((p) => p.startsWith('attachments/'));
    expect(attachmentFiles.sort()).toEqual(refs.map((r) => `attachments/${r.sha256.slice(0, 2)}/${r.sha256}`).sort());
    // Nothing anywhere in the data directory (nor outside it) took a name from the applicant.
    for (const p of allPaths(temp.dir)) expect(p, p).toMatch(/^[A-Za-z0-9._/-]+$/);
  });
});

describe('package entry names', { timeout: 60_000 }, () => {
  it('are safe for any checklist item name and original file name', () => {
    for (const original of HOSTILE_NAMES) for (const item of HOSTILE_NAMES) expectSafeEntryName(attachmentEntryName(3, item, original, 'application/pdf', 2));
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ maxLength: 60 }), fc.integer({ min: 1, max: 99 }), (item, original, mediaType, no) => {
        expectSafeEntryName(attachmentEntryName(no, item, original, mediaType));
      }),
      { numRuns: 300 },
    );
  });

  it('in a built package come from the checklist, while the manifest keeps each original name', async () => {
    const draft: Draft = fixtureDraft();
    const slots = Object.values(draft.attachments);
    let next = 0;
    for (const refs of slots) {
      for (const ref of refs) {
        const name = HOSTILE_NAMES[next++ % HOSTILE_NAMES.length]!.trim();
        const stored = await services.attachments.putFile(Buffer.from(`附件 ${next}`), { name, mediaType: ref.mediaType });
        Object.assign(ref, { name, sha256: stored.sha256, size: stored.size });
      }
    }
    const imported = services.drafts.import(JSON.stringify(draft));
    const subject = subjectOf(openPackRegistry({ dataDir: temp.dir }), imported.draft, imported.revision, { today: '2022-06-01' });
    // Printing is not what is under test here: small stand-in documents keep the test fast.
    const printers: DocumentPrinters = {
      docx: () => Promise.resolve({ bytes: Buffer.from('docx'), watermark: true }),
      pdf: () => Promise.resolve({ bytes: Buffer.from('%PDF-1.4'), watermark: true }),
      htmlToPdf: () => Promise.resolve(Buffer.from('%PDF-1.4')),
    };
    const target = path.join(temp.dir, 'out', '申报包.zip');
    await buildPackage({ subject, attachments: services.attachments, printers, toolVersion: 'test', target });
    const entries = await unzip(readFileSync(target));
    const manifest = JSON.parse(entries.get(MANIFEST_FILE)!.toString('utf8')) as PackageManifest;
    const attachments = manifest.files.filter((f) => f.role === 'attachment');
    expect(attachments.length).toBe(next);
    for (const f of attachments) {
      expectSafeEntryName(f.path);
      expect(entries.has(f.path)).toBe(true);
    }
    const originals = slots.flat().map((r) => r.name).sort();
    expect(attachments.map((f) => f.originalName).sort()).toEqual(originals);
  });
});
