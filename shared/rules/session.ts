import type { Draft } from '../model/draft';
import type { Pack } from '../pack/pack';
import { engineFor, type RuleEngine } from './engine';
import type { RuleContext, RuleResult } from './types';

/**
 * Keeps the last results of one draft so that each edit re-checks only the rules that read what
 * changed (the renderer calls it on every keystroke). It falls back to a full evaluation when the
 * program or document type changes, when the context (date, other drafts) changes, or when the
 * caller does not say what changed.
 */
export interface ValidationSession {
  check(draft: Draft, ctx: RuleContext, changed?: Iterable<string>): RuleResult[];
  /** The engine in use (null before the first check or without a valid guideline). */
  engine(): RuleEngine | null;
}

export function createValidationSession(pack: Pack): ValidationSession {
  let current: RuleEngine | null = null;
  let last: RuleResult[] | null = null;
  let lastCtx: RuleContext | null = null;
  return {
    engine: () => current,
    check(draft, ctx, changed) {
      const g = draft.guideline;
      const engine = g && g.packId === pack.id ? engineFor(pack, g.programId, g.documentType) : null;
      if (!engine) {
        current = null;
        last = null;
        return [];
      }
      const sameContext = lastCtx !== null && lastCtx.today === ctx.today && lastCtx.now === ctx.now && lastCtx.otherDrafts === ctx.otherDrafts;
      const results =
        engine === current && last !== null && sameContext && changed !== undefined
          ? engine.evaluateChanged(draft, ctx, changed, last)
          : engine.evaluate(draft, ctx);
      current = engine;
      last = results;
      lastCtx = ctx;
      return results;
    },
  };
}
