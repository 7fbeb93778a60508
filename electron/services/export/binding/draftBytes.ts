import { createHash } from 'node:crypto';
import type { Draft } from '../../../../shared/model/draft';

/** draft.json exactly as the package stores it: the bytes the manifest and every document's metadata hash. */
export function draftFileBytes(draft: Draft): Buffer {
  return Buffer.from(JSON.stringify(draft, null, 2) + '\n', 'utf8');
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The draft's hash as recorded in manifest.json, the DOCX custom properties and the PDF Info dictionary. */
export function draftSha256(draft: Draft): string {
  return sha256Hex(draftFileBytes(draft));
}
