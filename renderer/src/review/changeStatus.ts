import type { DraftStatus } from '../../../shared/model/draft';
import { call, errorMessage } from '../api/client';
import { reloadAndRecheck } from '../guidance/useWizardContext';
import { useAppStore } from '../store';
import { isPatchEmpty } from '../store/pendingPatch';

/**
 * 定稿 or 解锁 the open draft. What was typed is saved first, so the check the services run is
 * over exactly what the user sees; the draft is then reloaded with its new status.
 * Resolves to null on success, else the Chinese reason.
 */
export async function changeStatus(draftId: string, status: DraftStatus): Promise<string | null> {
  await useAppStore.getState().flushSave();
  const state = useAppStore.getState();
  if (state.saveStatus === 'error' || state.inFlight !== null || !isPatchEmpty(state.pending)) return '还有修改没有保存成功，请先重试保存';
  try {
    await call('draftsSetStatus', { id: draftId, status });
  } catch (e) {
    return errorMessage(e);
  }
  await reloadAndRecheck();
  return null;
}
