import type { Route } from '../store/types';
import { EXPORT_ROUTE, exportHash, VERIFY_HASH } from '../export/exportRoutes';
import { STUDIO_HASH } from '../studio/studioRoute';

const EDITOR = /^#\/drafts\/([0-9a-fA-F-]{36})$/;
const REVIEW = /^#\/drafts\/([0-9a-fA-F-]{36})\/review$/;
const NEW_DRAFT = '#/new';
const SETTINGS = '#/settings';
const PROFILES = '#/profiles';

/** `#/new` is 新建申报书, `#/` the list, `#/drafts/<id>` the editor, `#/drafts/<id>/review` the review page; anything else falls back to the list. */
export function routeFromHash(hash: string): Route {
  if (hash === NEW_DRAFT) return { name: 'newDraft' };
  if (hash === VERIFY_HASH) return { name: 'verify' };
  if (hash === SETTINGS) return { name: 'settings' };
  if (hash === PROFILES) return { name: 'profiles' };
  if (hash === STUDIO_HASH) return { name: 'studio' };
  const exportPage = EXPORT_ROUTE.exec(hash);
  if (exportPage?.[1]) return { name: 'export', draftId: exportPage[1] };
  const review = REVIEW.exec(hash);
  if (review?.[1]) return { name: 'review', draftId: review[1] };
  const match = EDITOR.exec(hash);
  return match?.[1] ? { name: 'editor', draftId: match[1] } : { name: 'list' };
}

export function hashOfRoute(route: Route): string {
  if (route.name === 'newDraft') return NEW_DRAFT;
  if (route.name === 'verify') return VERIFY_HASH;
  if (route.name === 'settings') return SETTINGS;
  if (route.name === 'profiles') return PROFILES;
  if (route.name === 'studio') return STUDIO_HASH;
  if (route.name === 'export') return exportHash(route.draftId);
  if (route.name === 'review') return `#/drafts/${route.draftId}/review`;
  return route.name === 'editor' ? `#/drafts/${route.draftId}` : '#/';
}

/** Changes the hash; the hashchange listener updates the store, so back/forward and reload behave the same. */
export function navigate(route: Route): void {
  const hash = hashOfRoute(route);
  if (window.location.hash !== hash) window.location.hash = hash;
}
