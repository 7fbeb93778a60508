import { useRef, useState } from 'react';
import type { DocumentKind } from '../../../shared/ipc/domains/export.contract';
import { call, errorMessage } from '../api/client';
import { useAppStore } from '../store';
import { exportDocument } from './documentExport';
import type { DocumentExportState } from './DocumentExportModal';

/** Runs one Word/PDF export at a time for a draft and keeps the state its modal shows. */
export function useDocumentExport() {
  const [state, setState] = useState<DocumentExportState | null>(null);
  const run = useRef(0);
  /** The services' job of the current run, once started: 取消 stops the print there too. */
  const job = useRef<string | null>(null);

  const start = (draftId: string, kind: DocumentKind): void => {
    const id = ++run.current;
    job.current = null;
    const current = (): boolean => run.current === id;
    setState({ phase: 'running', kind, startedAt: Date.now(), step: '正在保存修改', progress: 0 });
    // What the editor still holds goes to the store first: the document is printed from the stored draft.
    useAppStore
      .getState()
      .flushSave()
      .then(() => {
        if (useAppStore.getState().saveStatus === 'error') throw new Error('unsaved');
        return exportDocument(draftId, kind, {
          isCancelled: () => !current(),
          onJob: (jobId) => {
            if (current()) job.current = jobId;
            else void call('exportJobCancel', { jobId }).catch(() => undefined);
          },
          onStatus: (status) => {
            if (current()) setState((s) => (s?.phase === 'running' ? { ...s, step: status.step, progress: status.progress } : s));
          },
        });
      })
      .then((outcome) => {
        if (outcome && current()) setState({ phase: 'done', kind, outcome });
      })
      .catch((e: unknown) => {
        const message = e instanceof Error && e.message === 'unsaved' ? '有修改未能保存，请先重试保存再导出' : errorMessage(e);
        if (current()) setState({ phase: 'failed', kind, message });
      });
  };

  const cancel = (): void => {
    run.current++;
    const jobId = job.current;
    job.current = null;
    // The print stops in the services; its state is not waited for: the window already says 已取消.
    if (jobId) void call('exportJobCancel', { jobId }).catch(() => undefined);
    setState((s) => (s ? { phase: 'cancelled', kind: s.kind } : null));
  };

  const close = (): void => {
    run.current++;
    setState(null);
  };

  return { state, start, cancel, close, busy: state?.phase === 'running' };
}
