import type { GuidelineSummary } from '../../../shared/ipc/contract';

/** What the rest of the services need from the installed guideline packs. */
export interface PackRegistry {
  list(): GuidelineSummary[];
  get(id: string): unknown | undefined;
  programLabel(packId: string, programId: string): { packTitle: string; programName: string } | null;
}

/** Placeholder until the pack loader lands: no packs installed. */
export function emptyRegistry(): PackRegistry {
  return { list: () => [], get: () => undefined, programLabel: () => null };
}
