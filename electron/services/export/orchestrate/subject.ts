import { AppError } from '../../../../shared/ipc/errors';
import { withDerivedValues } from '../../../../shared/derive/person';
import type { Draft } from '../../../../shared/model/draft';
import { engineFor } from '../../../../shared/rules/engine';
import type { PackRegistry } from '../../packs/registry';
import { validateWithRegistry, type ValidateOptions } from '../../packs/validation';
import type { ExportSubject } from './types';

/**
 * Validates the draft against its pack (the version it names when installed) and gathers what the
 * printers and the package need. Throws not_found when the draft has no guideline or the pack is missing.
 */
export function subjectOf(registry: PackRegistry, stored: Draft, revision: number, options: ValidateOptions): ExportSubject {
  // The book prints what the rules checked: derived values recomputed from their source.
  const draft = withDerivedValues(stored);
  const validation = validateWithRegistry(registry, draft, options);
  const g = draft.guideline;
  const found = g ? registry.packForDraft?.(g) : undefined;
  if (!g || !found) throw new AppError('not_found', '草稿的申报指南未安装，无法导出');
  const pack = found.installed.pack;
  const engine = engineFor(pack, g.programId, g.documentType);
  if (!engine) throw new AppError('not_found', `申报指南「${pack.title}」中没有专项「${g.programId}」`);
  return { draft, revision, pack, packHash: found.installed.contentHash, validation, resolved: engine.resolved, validatedAt: options.today };
}
