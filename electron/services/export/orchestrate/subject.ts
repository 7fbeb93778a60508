import type { Draft } from '../../../../shared/model/draft';
import type { PackRegistry } from '../../packs/registry';
import { validateAgainstPack, type ValidateOptions } from '../../packs/validation';
import type { ExportSubject } from './types';

/**
 * Validates the draft against its pack (the version it names when installed) and gathers what the
 * printers and the package need: the book prints what the rules checked, derived values recomputed
 * from their source. Throws not_found when the draft has no guideline or the pack is missing.
 */
export function subjectOf(registry: PackRegistry, stored: Draft, revision: number, options: ValidateOptions): ExportSubject {
  const { draft, installed, engine, validation } = validateAgainstPack(registry, stored, options);
  return { draft, revision, pack: installed.pack, packHash: installed.contentHash, validation, resolved: engine.resolved, validatedAt: options.today };
}
