import { useEffect } from 'react';
import { useAppStore } from '../store';
import { selectHasUnsavedWork } from '../store/selectors';

/** Asks before closing or reloading the window while edits are unsaved or a save is in flight. */
export function useUnsavedGuard(): void {
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent): void => {
      const state = useAppStore.getState();
      if (!selectHasUnsavedWork(state)) return;
      void state.flushSave();
      event.preventDefault();
      // Older Chromium (and Electron) only prompt when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
}
