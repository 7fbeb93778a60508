import { isPatchEmpty } from './pendingPatch';
import type { AppState } from './types';

export type SaveIndicator =
  | { kind: 'saving' }
  | { kind: 'error'; message: string; conflict: boolean }
  | { kind: 'dirty' }
  | { kind: 'saved'; savedAt: string }
  | { kind: 'opened'; lastSavedAt: string }
  | { kind: 'none' };

/** What the status bar shows. 已保存 only when nothing is pending or in flight. */
export function selectSaveIndicator(s: AppState): SaveIndicator {
  if (s.saveStatus === 'saving' || s.inFlight) return { kind: 'saving' };
  if (s.saveStatus === 'error') return { kind: 'error', message: s.saveError ?? '未知错误', conflict: s.saveErrorCode === 'conflict' };
  if (!isPatchEmpty(s.pending)) return { kind: 'dirty' };
  if (s.savedAt) return { kind: 'saved', savedAt: s.savedAt };
  if (s.current) return { kind: 'opened', lastSavedAt: s.current.draft.updatedAt };
  return { kind: 'none' };
}

/** True while leaving the page would lose edits (including edits of drafts left before they were saved). */
export function selectHasUnsavedWork(s: AppState): boolean {
  return s.inFlight !== null || !isPatchEmpty(s.pending) || Object.keys(s.unsentByDraft).length > 0;
}
