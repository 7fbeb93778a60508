import { useEffect } from 'react';
import { useAppStore } from '../store';

/**
 * Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) undo and redo field edits of this session, also while typing:
 * the inputs are controlled by the store, so the store's history is the one that matters.
 * The rich editor keeps its own history inside its document.
 */
export function useUndoShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      if (e.target instanceof HTMLElement && e.target.closest('[contenteditable=true]')) return;
      const key = e.key.toLowerCase();
      const store = useAppStore.getState();
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        store.undo();
      } else if ((key === 'z' && e.shiftKey) || key === 'y') {
        e.preventDefault();
        store.redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
