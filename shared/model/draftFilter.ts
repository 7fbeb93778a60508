import type { DraftSort, DraftSummary } from '../ipc/domains/schemas';

export interface DraftFilter {
  query: string;
  packId: string | null;
  status: DraftSummary['status'] | null;
  onlyWithErrors: boolean;
}

export const NO_FILTER: DraftFilter = { query: '', packId: null, status: null, onlyWithErrors: false };

/** The texts the home page's search looks in: project name, unit, guideline and program. */
export function searchedTexts(d: DraftSummary): string[] {
  return [d.title, d.unitName, d.programName, d.packTitle].filter((s): s is string => typeof s === 'string');
}

/** The filters other than the search word. */
export function passesFilters(d: DraftSummary, f: Omit<DraftFilter, 'query'>): boolean {
  if (f.packId && d.packId !== f.packId) return false;
  if (f.status && d.status !== f.status) return false;
  if (f.onlyWithErrors && !(d.errorCount && d.errorCount > 0)) return false;
  return true;
}

/** Search matches the project name, the unit and the guideline/program, case-insensitively. */
export function filterDrafts(drafts: DraftSummary[], f: DraftFilter): DraftSummary[] {
  const q = f.query.trim().toLowerCase();
  return drafts.filter((d) => passesFilters(d, f) && (q === '' || searchedTexts(d).some((s) => s.toLowerCase().includes(q))));
}

/**
 * The list (given last change first) in the asked order. Sorts are stable: drafts that tie keep
 * last change first, as the home page's table sorted them when it sorted in the page.
 */
export function sortDrafts(drafts: readonly DraftSummary[], sort: DraftSort = 'updatedDesc'): DraftSummary[] {
  if (sort === 'updatedDesc') return [...drafts];
  if (sort === 'updatedAsc') return [...drafts].reverse();
  const sign = sort === 'completionAsc' ? 1 : -1;
  return [...drafts].sort((a, b) => sign * ((a.completion ?? 0) - (b.completion ?? 0)));
}
