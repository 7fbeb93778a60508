import type { ParsedInput } from '../../../shared/ipc/contract';
import type { PackRegistry } from '../packs/registry';
import { createStudioService } from './studioService';

/** The studio methods of the contract: a notice into proposals, and checking or saving the pack made from them. */
export function createStudioHandlers(packs: PackRegistry) {
  const studio = createStudioService(packs);
  return {
    studioDraft: (input: ParsedInput<'studioDraft'>) => studio.draft(input),
    studioCheck: (input: ParsedInput<'studioCheck'>) => studio.check(input.notice, input.edits),
    studioSave: (input: ParsedInput<'studioSave'>) => studio.save(input.notice, input.edits),
  };
}
