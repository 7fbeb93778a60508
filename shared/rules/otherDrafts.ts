import type { StoredDraft } from '../ipc/contract';
import type { Draft } from '../model/draft';
import { allRules } from '../pack/coverage';
import type { Pack } from '../pack/pack';
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

/** The fields a pack's cross-draft rules compare: all they read of another draft's values. */
export function crossDraftKeysOf(pack: Pack): string[] {
  const keys = new Set<string>();
  for (const rule of allRules(pack)) if (rule.kind === 'crossDraftLimit') keys.add(rule.key);
  return [...keys];
}

/**
 * The other drafts with only the values those fields hold: what the wizard needs of 2,000 drafts
 * is a few identity numbers each, not every narrative.
 */
export function withOnlyValues(others: readonly OtherDraft[], keys: readonly string[]): OtherDraft[] {
  return others.map((o) => ({ ...o, values: Object.fromEntries(keys.filter((k) => Object.hasOwn(o.values, k)).map((k) => [k, o.values[k]!])) }));
}
