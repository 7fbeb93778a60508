import { routeFromHash } from '../app/hashRoute';
import { call } from '../api/client';
import { prefetchEngine, prefetchPack, prefetchValidationInputs } from './validationSlice';

const fetchDraft = (id: string) => call('draftsGet', { id });
type StoredDraft = Awaited<ReturnType<typeof fetchDraft>>;

/**
 * When the page opens on a draft's wizard (a reload, a link), the draft is asked for as the store
 * is created, while the wizard's own code is still loading, and its pack and the rule engine as
 * soon as the draft names them (with the other drafts and the attachment facts that checking
 * needs): the requests overlap that loading instead of following it.
 */
let first: { id: string; stored: Promise<StoredDraft> } | null = (() => {
  const route = routeFromHash(window.location.hash);
  if (route.name !== 'editor') return null;
  const stored = fetchDraft(route.draftId);
  prefetchEngine();
  stored.then(
    ({ draft }) => {
      if (!draft.guideline) return;
      prefetchPack(draft.guideline.packId, draft.guideline.packVersion);
      prefetchValidationInputs(draft.id);
    },
    // Reported by the wizard's own load, which takes this request.
    () => undefined,
  );
  return { id: route.draftId, stored };
})();

/** The draft: the early request when it was for this id (used once), otherwise a new one. */
export function fetchDraftOnce(id: string): Promise<StoredDraft> {
  const early = first?.id === id ? first.stored : null;
  first = null;
  return early ?? fetchDraft(id);
}
