import type { z } from 'zod';
import { DraftPatchSchema, DraftSchema, withinKeyLimit, type Draft } from '../../../shared/model/draft';
import { applyPatch } from './applyPatch';

export type PatchOutcome = { ok: true; draft: Draft } | { ok: false; error: z.ZodError };

/**
 * The draft a save stores: a stored draft, which DraftSchema accepted when it was written or read,
 * with a patch merged in. Validating the patch with DraftPatchSchema checks every value the save
 * brings (its records' values are DraftSchema's own, plus null to delete), so the merged draft needs
 * no second pass over the whole document (for a 43 KB draft about a sixth of a save's time). The one
 * thing only the merge can break is a record growing past LIMITS.keysPerRecord; then DraftSchema
 * words the error, as it would have for the whole draft.
 *
 * test/unit/drafts/patchedDraft.property.test.ts holds this equal, for any patch, to accepting a
 * patch DraftPatchSchema accepts only when DraftSchema accepts the merged draft.
 */
export function patchedDraft(stored: Draft, patch: unknown, updatedAt: string): PatchOutcome {
  const parsed = DraftPatchSchema.safeParse(patch);
  if (!parsed.success) return { ok: false, error: parsed.error };
  const draft: Draft = { ...applyPatch(stored, parsed.data), updatedAt };
  if (withinKeyLimits(draft)) return { ok: true, draft };
  const whole = DraftSchema.safeParse(draft);
  return whole.success ? { ok: true, draft: whole.data } : { ok: false, error: whole.error };
}

function withinKeyLimits(draft: Draft): boolean {
  return [draft.values, draft.tables, draft.attachments, draft.declarations].every(withinKeyLimit);
}
