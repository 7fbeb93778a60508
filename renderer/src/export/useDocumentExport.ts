import { useRef, useState } from 'react';
import type { DocumentKind } from '../../../shared/ipc/domains/export.contract';
import { errorMessage } from '../api/client';
import { useAppStore } from '../store';
import { exportDocument } from './documentExport';
import type { DocumentExportState } from './DocumentExportModal';

/** Runs one Word/PDF export at a time for a draft and keeps the state its modal shows. */
export function useDocumentExport() {
  const [state, setState] = useState<DocumentExportState | null>(null);
  const run = useRef(0);

  const start = (draftId: string, kind: DocumentKind): void => {
    const id = ++run.current;
    const current = (): boolean => run.current === id;
    setState({ phase: 'running', kind, startedAt: Date.now() });
    // What the editor still holds goes to the store first: the document is printed from the stored draft.
    useAppStore
      .getState()
      .flushSave()
      .then(() => {
        if (useAppStore.getState().saveStatus === 'error') throw new Error('unsaved');
        return exportDocument(draftId, kind, () => !current());
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
    setState((s) => (s ? { phase: 'cancelled', kind: s.kind } : null));
  };

  const close = (): void => {
    run.current++;
    setState(null);
  };

  return { state, start, cancel, close, busy: state?.phase === 'running' };
}
