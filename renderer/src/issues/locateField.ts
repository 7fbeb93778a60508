import { navigate } from '../app/hashRoute';
import { goToField } from '../guidance/useWizardContext';
import { useAppStore } from '../store';

/**
 * 定位 from outside the wizard (the review page): the wizard resets its section and re-checks the
 * draft when it mounts, so the jump waits until that check has produced a fresh program.
 */
export function locateField(field: string): void {
  const state = useAppStore.getState();
  const route = state.route;
  if (route.name !== 'review') {
    goToField(field);
    return;
  }
  const stale = state.resolved;
  const unsubscribe = useAppStore.subscribe((s) => {
    if (s.route.name !== 'editor' || s.route.draftId !== route.draftId) return;
    if (s.resolved === null || s.resolved === stale || s.validationDraftId !== route.draftId) return;
    unsubscribe();
    goToField(field);
  });
  navigate({ name: 'editor', draftId: route.draftId });
}
