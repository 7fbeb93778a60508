import { call } from '../api/client';

/** Figures show attachments as data: URLs (the CSP allows img data:); each hash is fetched once per session. */
const cache = new Map<string, Promise<string>>();

export function attachmentDataUrl(sha256: string): Promise<string> {
  let url = cache.get(sha256);
  if (!url) {
    url = call('attachmentsGet', { sha256 }).then((a) => `data:${a.mediaType};base64,${a.dataBase64}`);
    // A failed fetch (file missing from the library) may succeed later, so it is not kept.
    url.catch(() => cache.delete(sha256));
    cache.set(sha256, url);
  }
  return url;
}

