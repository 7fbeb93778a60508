import { useEffect, useState } from 'react';
import { carryOver, type CarryOverGroup, type CarryOverResult } from '../../../shared/carryOver';
import { PackSchema } from '../../../shared/pack/pack';
import { resolveProgram, type ResolvedProgram } from '../../../shared/pack/resolve';
import { call, errorMessage } from '../api/client';

/** Loads the earlier draft (and its pack, for labels) and computes what carries over into the target program. */
export function useCarryOver(target: ResolvedProgram | null, draftId: string | null, groups: CarryOverGroup[]) {
  const [result, setResult] = useState<CarryOverResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const groupKey = groups.join(',');
  useEffect(() => {
    setResult(null);
    setError(null);
    if (!target || !draftId) return;
    let cancelled = false;
    void (async () => {
      try {
        const { draft } = await call('draftsGet', { id: draftId });
        let source: ResolvedProgram | null = null;
        const g = draft.guideline;
        if (g) {
          try {
            const pack = PackSchema.parse(await call('guidelinesGet', { id: g.packId, version: g.packVersion }));
            source = resolveProgram(pack, g.programId, g.documentType);
          } catch {
            // Without the source pack the fields still carry over; dropped ones are listed by id.
          }
        }
        if (!cancelled) setResult(carryOver(draft, target, source, groupKey.split(',').filter(Boolean) as CarryOverGroup[]));
      } catch (e) {
        if (!cancelled) setError(errorMessage(e));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [target, draftId, groupKey]);
  return { result, error };
}
