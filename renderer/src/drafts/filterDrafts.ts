import type { DraftSummary } from '../../../shared/ipc/contract';

export interface DraftFilter {
  query: string;
  packId: string | null;
  status: DraftSummary['status'] | null;
  onlyWithErrors: boolean;
}

export const NO_FILTER: DraftFilter = { query: '', packId: null, status: null, onlyWithErrors: false };

/** Search matches the project name, the unit and the guideline/program, case-insensitively. */
export function filterDrafts(drafts: DraftSummary[], f: DraftFilter): DraftSummary[] {
  const q = f.query.trim().toLowerCase();
  return drafts.filter((d) => {
    if (f.packId && d.packId !== f.packId) return false;
    if (f.status && d.status !== f.status) return false;
    if (f.onlyWithErrors && !(d.errorCount && d.errorCount > 0)) return false;
    if (q === '') return true;
    return [d.title, d.unitName, d.programName, d.packTitle].some((s) => typeof s === 'string' && s.toLowerCase().includes(q));
  });
}
