import type { DocumentKind, ExportJobStatus } from '../../../shared/ipc/domains/export.contract';
import { AppError } from '../../../shared/ipc/errors';
import { call } from '../api/client';
import { downloadPackageLink } from './downloadBytes';

export const DOCUMENT_KIND_LABEL: Record<DocumentKind, string> = { docx: 'Word', pdf: 'PDF' };

/** The desktop app has a preload-provided `window.api`; browser mode talks HTTP and downloads. */
export const inDesktopApp = (): boolean => typeof window !== 'undefined' && window.api !== undefined;

export type DocumentOutcome =
  | { kind: 'downloaded'; fileName: string; again: () => void }
  | { kind: 'saved'; fileName: string; path: string }
  | { kind: 'notSaved' };

/** How often a running export's status is asked for: its steps last seconds, not milliseconds. */
export const JOB_POLL_MS = 300;

export interface DocumentJobHooks {
  /** Asked between polls and before anything reaches the user, so 取消 means no file appears. */
  isCancelled(): boolean;
  /** The job's id as soon as the services started it (取消 needs it). */
  onJob(jobId: string): void;
  /** Each status while the job runs: its step (「正在打印 PDF」…) and share done. */
  onStatus(status: ExportJobStatus): void;
}

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Prints the book as a job in the services (its real steps are shown while it runs), then hands
 * it to the user: a native save dialog in the desktop app, a download in browser mode.
 * Resolves null when cancelled.
 */
export async function exportDocument(draftId: string, kind: DocumentKind, hooks: DocumentJobHooks): Promise<DocumentOutcome | null> {
  const { jobId } = await call('exportDocumentStart', { id: draftId, kind });
  hooks.onJob(jobId);
  let status = await call('exportJobStatus', { jobId });
  while (status.state === 'running') {
    if (hooks.isCancelled()) return null;
    hooks.onStatus(status);
    await wait(JOB_POLL_MS);
    status = await call('exportJobStatus', { jobId });
  }
  if (hooks.isCancelled() || status.state === 'cancelled') return null;
  if (status.state === 'failed') throw new AppError('io_error', status.error ?? `导出 ${DOCUMENT_KIND_LABEL[kind]} 失败`);
  const fileName = status.fileName ?? `申报书.${kind}`;
  if (inDesktopApp()) {
    const saved = await call('exportJobSave', { jobId });
    if (hooks.isCancelled()) return null;
    return saved.saved && saved.path ? { kind: 'saved', fileName: saved.fileName ?? saved.path, path: saved.path } : { kind: 'notSaved' };
  }
  // Browser mode: the host streams the finished file from /download/<jobId>, as it does the package.
  const again = (): void => downloadPackageLink(jobId, fileName);
  again();
  return { kind: 'downloaded', fileName, again };
}

/** 打开所在文件夹 (desktop app only; the services accept only paths saved in this session). */
export async function showInFolder(path: string): Promise<void> {
  await call('exportShowInFolder', { path });
}
