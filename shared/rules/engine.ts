import type { DocumentType, Draft, DraftPatch } from '../model/draft';
import type { Pack } from '../pack/pack';
import { fieldIndex, resolveProgram, type FieldLocation, type ResolvedProgram } from '../pack/resolve';
import type { Rule } from '../pack/rules';
import { conditionReads, evalCondition } from './condition';
import { specOf } from './kinds';
import { itemConditionReads } from './kinds/program';
import { GUIDELINE_KEY, type Citation, type EvalEnv, type RuleContext, type RuleResult } from './types';

export interface RuleEngine {
  resolved: ResolvedProgram;
  rules: Rule[];
  /** The ids each rule reads (its own fields, its condition's fields, `guideline`). */
  readsOf(rule: Rule): readonly string[];
  evaluate(draft: Draft, ctx: RuleContext): RuleResult[];
  /**
   * Re-evaluates only the rules that read a changed id, reusing `previous` for the others.
   * A change of `ctx` (date, other drafts) needs a full `evaluate`.
   */
  evaluateChanged(draft: Draft, ctx: RuleContext, changed: Iterable<string>, previous: readonly RuleResult[]): RuleResult[];
}

/** Builds the engine for one resolved program: rules, their citations and the field → rules index. */
export function createRuleEngine(resolved: ResolvedProgram): RuleEngine {
  const { pack, rules } = resolved;
  const fields = fieldIndex(resolved);
  const clauses = new Map(pack.clauses.map((c) => [c.id, c]));
  const reads = new Map<Rule, string[]>();
  const byField = new Map<string, number[]>();
  rules.forEach((rule, i) => {
    const ids = [...specOf(rule).reads(rule), ...conditionReads(rule.when)];
    if (rule.kind === 'attachmentPresent') ids.push(...itemConditionReads(rule, resolved.checklist));
    const unique = [...new Set(ids)];
    reads.set(rule, unique);
    for (const id of unique) {
      const list = byField.get(id);
      if (list) list.push(i);
      else byField.set(id, [i]);
    }
  });

  const citationOf = (rule: Rule): Citation => {
    const clause = clauses.get(rule.clause);
    return { document: pack.source.document, clause: clause?.path ?? rule.clause, quote: clause?.quote ?? '' };
  };

  const evaluateOne = (rule: Rule, env: EvalEnv): RuleResult => {
    const ruleReads = reads.get(rule) ?? [];
    const focus = ruleReads.find((id) => id !== GUIDELINE_KEY) ?? null;
    const base = {
      ruleId: rule.id,
      kind: rule.kind,
      severity: rule.severity,
      section: rule.section ?? sectionOf(fields, focus),
      citation: citationOf(rule),
    };
    if (rule.when && !evalCondition(rule.when, env.draft)) {
      return { ...base, outcome: 'notApplicable', field: focus, message: rule.message };
    }
    const verdict = specOf(rule).evaluate(rule, env);
    return {
      ...base,
      outcome: verdict.outcome,
      field: verdict.field ?? focus,
      message: verdict.detail ? `${rule.message}：${verdict.detail}` : rule.message,
    };
  };

  const envOf = (draft: Draft, ctx: RuleContext): EvalEnv => ({ draft, ctx, resolved, fields });

  return {
    resolved,
    rules,
    readsOf: (rule) => reads.get(rule) ?? [],
    evaluate(draft, ctx) {
      const env = envOf(draft, ctx);
      return rules.map((rule) => evaluateOne(rule, env));
    },
    evaluateChanged(draft, ctx, changed, previous) {
      const env = envOf(draft, ctx);
      const dirty = new Set<number>();
      for (const id of changed) for (const i of byField.get(id) ?? []) dirty.add(i);
      const previousById = new Map(previous.map((r) => [r.ruleId, r]));
      return rules.map((rule, i) => {
        const kept = dirty.has(i) ? undefined : previousById.get(rule.id);
        return kept ?? evaluateOne(rule, env);
      });
    },
  };
}

function sectionOf(fields: Map<string, FieldLocation>, id: string | null): string | null {
  return id === null ? null : (fields.get(id)?.section ?? null);
}

/** The ids a patch touches, for `evaluateChanged`. */
export function changedIdsOfPatch(patch: DraftPatch): string[] {
  const ids = [
    ...Object.keys(patch.values ?? {}),
    ...Object.keys(patch.tables ?? {}),
    ...Object.keys(patch.attachments ?? {}),
    ...Object.keys(patch.declarations ?? {}),
  ];
  if (patch.guideline !== undefined) ids.push(GUIDELINE_KEY);
  return ids;
}

export interface ValidationSummary {
  errors: number;
  warnings: number;
  infos: number;
}

/** Issues are failed rules and met priorities; passes and not-applicable rules are not issues. */
export function issuesOf(results: readonly RuleResult[]): RuleResult[] {
  return results.filter((r) => r.outcome === 'fail' || r.outcome === 'met');
}

export function summarize(results: readonly RuleResult[]): ValidationSummary {
  const summary = { errors: 0, warnings: 0, infos: 0 };
  for (const r of issuesOf(results)) {
    if (r.severity === 'error') summary.errors++;
    else if (r.severity === 'warning') summary.warnings++;
    else summary.infos++;
  }
  return summary;
}

/** Engines are cached per pack object, program and document type: resolving is the costly part. */
const engines = new WeakMap<Pack, Map<string, RuleEngine>>();

export function engineFor(pack: Pack, programId: string, documentType: DocumentType): RuleEngine | null {
  let perPack = engines.get(pack);
  if (!perPack) {
    perPack = new Map();
    engines.set(pack, perPack);
  }
  const key = `${programId}\u0000${documentType}`;
  const cached = perPack.get(key);
  if (cached) return cached;
  const resolved = resolveProgram(pack, programId, documentType);
  if (!resolved) return null;
  const engine = createRuleEngine(resolved);
  perPack.set(key, engine);
  return engine;
}

/** Validates a draft against the pack it names; null when the draft has no guideline or the program is unknown. */
export function validateDraft(pack: Pack, draft: Draft, ctx: RuleContext): RuleResult[] | null {
  if (!draft.guideline) return null;
  const engine = engineFor(pack, draft.guideline.programId, draft.guideline.documentType);
  return engine ? engine.evaluate(draft, ctx) : null;
}
