import { z } from 'zod';
import type { Pack } from '../pack/pack';
import { buildDraftPack, type DraftPackOptions } from './draftPack';
import { proposeRules, type ProposalSet } from './propose';

export const STUDIO_FORMAT = 'shenbao-studio-draft';

/**
 * The file `shenbao guidelines draft` writes and the studio opens: the notice text, its clause
 * tree, every proposal, every unrecognized requirement, and the draft pack built from them.
 */
export interface StudioDraftFile {
  format: typeof STUDIO_FORMAT;
  formatVersion: 1;
  notice: { name: string; text: string };
  clauses: ProposalSet['tree']['clauses'];
  proposals: ProposalSet['proposals'];
  unrecognized: ProposalSet['unrecognized'];
  pack: Pack;
}

export function draftFromNotice(name: string, text: string, options: DraftPackOptions = {}): StudioDraftFile {
  const set = proposeRules(text);
  return {
    format: STUDIO_FORMAT,
    formatVersion: 1,
    notice: { name, text },
    clauses: set.tree.clauses,
    proposals: set.proposals,
    unrecognized: set.unrecognized,
    pack: buildDraftPack(set, options),
  };
}

/** The envelope only: the pack inside is checked by the pack loader, the rest is the studio's working state. */
export const StudioDraftEnvelopeSchema = z.object({
  format: z.literal(STUDIO_FORMAT),
  formatVersion: z.literal(1),
  notice: z.object({ name: z.string().max(300), text: z.string().max(4 * 1024 * 1024) }),
  clauses: z.array(z.unknown()).max(20_000),
  proposals: z.array(z.unknown()).max(20_000),
  unrecognized: z.array(z.unknown()).max(20_000),
  pack: z.unknown(),
});
