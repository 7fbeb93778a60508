import type { DocumentKind } from '../../../shared/ipc/domains/export.contract';
import { call } from '../api/client';
import { downloadBase64 } from './downloadBytes';

export const DOCUMENT_KIND_LABEL: Record<DocumentKind, string> = { docx: 'Word', pdf: 'PDF' };

/** The desktop app has a preload-provided `window.api`; browser mode talks HTTP and downloads. */
export const inDesktopApp = (): boolean => typeof window !== 'undefined' && window.api !== undefined;

export type DocumentOutcome =
  | { kind: 'downloaded'; fileName: string; again: () => void }
  | { kind: 'saved'; fileName: string; path: string }
  | { kind: 'notSaved' };

/**
 * Prints the book and hands it to the user: a native save dialog in the desktop app, a download
 * in browser mode. `isCancelled` is asked before anything reaches the user, so 取消 during the
 * print means no file appears.
 */
export async function exportDocument(draftId: string, kind: DocumentKind, isCancelled: () => boolean): Promise<DocumentOutcome | null> {
  if (inDesktopApp()) {
    const saved = await call('exportDocumentSave', { id: draftId, kind });
    if (isCancelled()) return null;
    return saved.saved && saved.path ? { kind: 'saved', fileName: saved.fileName ?? saved.path, path: saved.path } : { kind: 'notSaved' };
  }
  const doc = await call(kind === 'docx' ? 'exportDocx' : 'exportPdf', { id: draftId });
  if (isCancelled()) return null;
  const again = (): void => downloadBase64(doc.fileName, doc.base64, doc.mediaType);
  again();
  return { kind: 'downloaded', fileName: doc.fileName, again };
}

/** 打开所在文件夹 (desktop app only; the services accept only paths saved in this session). */
export async function showInFolder(path: string): Promise<void> {
  await call('exportShowInFolder', { path });
}
