import type { StoredDraft } from '../ipc/contract';
import type { Draft } from '../model/draft';
import type { OtherDraft } from './types';

/** The year of a pack version, when it is installed. */
export type PackYearLookup = (packId: string, packVersion: string) => number | null;

/**
 * The local store's drafts as cross-draft rules see them: non-deleted, with a guideline. One
 * function for the services, the CLI and the wizard, so all three count the same drafts.
 * The draft being validated may be in the list; the rule skips it by id.
 */
export function otherDraftsFrom(drafts: readonly (StoredDraft | Draft)[], yearOf: PackYearLookup): OtherDraft[] {
  const result: OtherDraft[] = [];
  for (const entry of drafts) {
    const draft = 'draft' in entry ? entry.draft : entry;
    if ('deletedAt' in entry && entry.deletedAt !== null) continue;
    const g = draft.guideline;
    if (!g) continue;
    result.push({
      id: draft.id,
      packId: g.packId,
      packVersion: g.packVersion,
      year: yearOf(g.packId, g.packVersion),
      programId: g.programId,
      directionPath: g.directionPath,
      documentType: g.documentType,
      values: draft.values,
    });
  }
  return result;
}
