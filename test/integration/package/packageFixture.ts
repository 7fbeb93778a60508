import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openServices, type Services } from '../../../electron/services/index';
import type { PdfPrinter } from '../../../electron/services/export/pdf/printer';
import type { DocumentPrinters } from '../../../electron/services/export/orchestrate/types';
import { DraftSchema, type Draft } from '../../../shared/model/draft';
import { attachmentBytesFor } from '../../support/attachmentBytes';

const ROOT = path.resolve(import.meta.dirname, '../../..');
export const XJ_DRAFT = path.join(ROOT, 'test/fixtures/packs/xinjiang-aid-2022/valid-enterprise.json');
/** The fixtures are valid on this day (the call's window); validation uses the services' clock. */
export const FIXTURE_DAY = new Date('2022-06-01T04:00:00.000Z');

export function fixtureDraft(file = XJ_DRAFT): Draft {
  return DraftSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** Bytes that look like what an applicant uploads, of the type the label's file name says; distinct per slot so hashes differ. */
export function attachmentBytes(label: string, size: number): Buffer {
  return attachmentBytesFor(label, label, size);
}

export interface OpenOptions {
  printer?: PdfPrinter;
  documentPrinters?: DocumentPrinters;
  now?: () => Date;
}

export function openAt(dataDir: string, options: OpenOptions = {}): Services {
  return openServices({ dataDir, mode: 'test', now: options.now ?? (() => FIXTURE_DAY), printer: options.printer, documentPrinters: options.documentPrinters });
}

/**
 * Puts real files for every attachment of the fixture into the store (the fixture's hashes are
 * placeholders), then imports the draft with the real hashes. Returns the stored draft id.
 */
export async function seedFixture(services: Services, draft: Draft = fixtureDraft(), mutate?: (d: Draft) => void): Promise<string> {
  const copy = structuredClone(draft);
  for (const [slot, refs] of Object.entries(copy.attachments)) {
    for (const ref of refs) {
      const info = await services.attachments.putFile(attachmentBytes(`${slot}/${ref.name}`, 4096 + ref.name.length), { name: ref.name, mediaType: ref.mediaType });
      ref.sha256 = info.sha256;
      ref.size = info.size;
    }
  }
  copy.status = 'final';
  mutate?.(copy);
  return services.drafts.import(JSON.stringify(copy)).draft.id;
}

/**
 * Fixed document bytes, for tests where printing is not what is under test (the real printers are
 * under test in package-verify): the package's documents are then known without a browser.
 */
export const FIXED_PRINTERS: DocumentPrinters = {
  docx: async () => ({ bytes: Buffer.from('PK docx'), watermark: false }),
  pdf: async () => ({ bytes: Buffer.from('%PDF-1.4 book'), watermark: false }),
  htmlToPdf: async () => Buffer.from('%PDF-1.4 sheet'),
};
