import { openPackRegistry, type PackRegistry } from '../../services/packs/registry';
import type { CommandContext } from '../registry';

/**
 * The guideline commands read packs straight from disk (built-in plus those imported into the
 * data directory): they need no database, so they also work on a machine with no drafts yet.
 */
export function packsFor(ctx: CommandContext): PackRegistry {
  return openPackRegistry({ dataDir: ctx.dataDir });
}
