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

/** Reads a picked file as Base64 for `attachmentsPut`. */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const result = String(reader.result);
      resolve(result.slice(result.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('读取文件失败'));
    reader.readAsDataURL(file);
  });
}
