import { call, errorMessage } from '../api/client';
import { useAppStore } from '../store';
import { isPatchEmpty } from '../store/pendingPatch';

/**
 * Restores a revision as a new revision. What was typed is saved first (so it stays in the history
 * and can be restored back); the wizard then reloads the draft. Resolves to null or the Chinese reason.
 */
export async function restoreRevision(draftId: string, revision: number): Promise<string | null> {
  await useAppStore.getState().flushSave();
  const state = useAppStore.getState();
  if (state.saveStatus === 'error' || state.inFlight !== null || !isPatchEmpty(state.pending)) return '还有修改没有保存成功，请先重试保存再恢复';
  const guidelineBefore = JSON.stringify(state.current?.draft.guideline ?? null);
  try {
    await call('draftsRevisionRestore', { id: draftId, revision });
  } catch (e) {
    return errorMessage(e);
  }
  // The undo history describes edits to the replaced content; replaying them onto the restored one would mix the two.
  useAppStore.setState({ undoStack: [], redoStack: [] });
  // A version on another guideline version or program (before an upgrade) needs that pack's form and rules, not a recheck against the current one.
  await useAppStore.getState().reloadDraft();
  const restored = useAppStore.getState().current?.draft;
  if (restored?.id === draftId && JSON.stringify(restored.guideline ?? null) !== guidelineBefore) await useAppStore.getState().startValidation(draftId);
  else useAppStore.getState().revalidate();
  return null;
}
