import { useAppStore } from '../store';

/**
 * Records which plan tasks the project supports. It is an ordinary edit of the open draft: it
 * joins the undo history, is re-checked and is saved by the normal autosave as `patch.planTasks`.
 */
export function setPlanTasks(next: string[]): void {
  useAppStore.getState().edit([{ target: 'planTasks', id: 'planTasks', value: [...new Set(next)] }]);
}
