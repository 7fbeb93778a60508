import type { ParsedInput } from '../../../shared/ipc/contract';
import type { PackRegistry } from '../packs/registry';
import { createStudioService } from './studioService';
import { createStudioSessions } from './studioSessions';

/** The studio methods of the contract: a notice into proposals, checking or saving the pack made from them, and the work in progress. */
export function createStudioHandlers(packs: PackRegistry, dataDir: string) {
  const studio = createStudioService(packs);
  const sessions = createStudioSessions(dataDir);
  return {
    studioDraft: (input: ParsedInput<'studioDraft'>) => studio.draft(input),
    studioCheck: (input: ParsedInput<'studioCheck'>) => studio.check(input.notice, input.edits),
    studioSave: (input: ParsedInput<'studioSave'>) => studio.save(input.notice, input.edits),
    studioSessionGet: (input: ParsedInput<'studioSessionGet'>) => sessions.get(input.notice),
    studioSessionSave: (input: ParsedInput<'studioSessionSave'>) => sessions.save(input.notice, input.edits),
    studioSessionDiscard: (input: ParsedInput<'studioSessionDiscard'>) => {
      sessions.discard(input.notice);
      return { ok: true as const };
    },
  };
}
