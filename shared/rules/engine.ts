import type { DocumentType, Draft, DraftPatch } from '../model/draft';
import type { Pack } from '../pack/pack';
import { fieldIndex, resolveProgram, type FieldLocation, type ResolvedProgram } from '../pack/resolve';
import type { Rule } from '../pack/rules';
import { FORM_CLAUSES, FORM_DOCUMENT } from '../pack/formRules';
import { labelOf } from './access';
import { conditionReads, evalCondition, unknownConditionInputs } from './condition';
import { specOf } from './kinds';
import { itemConditionReads } from './kinds/program';
import { GUIDELINE_KEY, pendingDetail, readIdsOf, type Citation, type EvalEnv, type ResultSeverity, type RuleContext, type RuleResult, type Verdict } from './types';

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
    const ids = [...readIdsOf(specOf(rule).refs(rule)), ...conditionReads(rule.when)];
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
    const form = Object.hasOwn(FORM_CLAUSES, rule.clause) ? FORM_CLAUSES[rule.clause] : undefined;
    if (form) return { document: FORM_DOCUMENT, clause: form.path, quote: form.quote, source: 'form' };
    const clause = clauses.get(rule.clause);
    return { document: pack.source.document, clause: clause?.path ?? rule.clause, quote: clause?.quote ?? '', source: 'guideline' };
  };
  const citations = new Map(rules.map((rule) => [rule, citationOf(rule)]));

  const evaluateOne = (rule: Rule, env: EvalEnv): RuleResult => {
    const ruleReads = reads.get(rule) ?? [];
    const focus = ruleReads.find((id) => id !== GUIDELINE_KEY) ?? null;
    const base = {
      ruleId: rule.id,
      kind: rule.kind,
      section: rule.section ?? sectionOf(fields, focus),
      citation: citations.get(rule) ?? citationOf(rule),
    };
    let verdict: Verdict;
    if (rule.when && !evalCondition(rule.when, env.draft)) {
      // Whether the rule applies depends on something not filled in yet (单位性质, 支持方向): it waits for it.
      const unknown = unknownConditionInputs(rule.when, env.draft);
      verdict = unknown.length > 0 ? { outcome: 'pending', detail: pendingDetail(unknown.map((id) => labelOf(env, id))), field: unknown.find((id) => id !== GUIDELINE_KEY) } : { outcome: 'notApplicable' };
    } else {
      verdict = specOf(rule).evaluate(rule, env);
    }
    // A priority that cannot be checked yet is simply not claimed: it never blocks.
    if (verdict.outcome === 'pending' && rule.severity === 'info') verdict = { outcome: 'notApplicable' };
    return {
      ...base,
      severity: severityOf(rule, verdict),
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

/**
 * 待填写 for what is not filled in (an empty required item, a requirement waiting for one), else the
 * rule's own severity: a 原则上 rule that cannot be checked yet stays a warning and does not block.
 */
function severityOf(rule: Rule, verdict: Verdict): ResultSeverity {
  if (verdict.outcome === 'pending') return rule.severity === 'error' ? 'incomplete' : rule.severity;
  if (verdict.outcome === 'fail' && verdict.incomplete && rule.severity === 'error') return 'incomplete';
  return rule.severity;
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
  /** Required items not filled in (待填写). */
  incomplete: number;
  /** Requirements that cannot be checked until something is filled in (无法检查); a 原则上 rule waiting counts as a warning. */
  pending: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** Issues are failed and pending rules and met priorities; passes and not-applicable rules are not issues. */
export function issuesOf(results: readonly RuleResult[]): RuleResult[] {
  return results.filter((r) => r.outcome === 'fail' || r.outcome === 'met' || r.outcome === 'pending');
}

/** Kinds whose result is a required item: present (pass) or 待填写 (fail). */
const REQUIRED_ITEM_KINDS = new Set<string>(['required', 'declarationTrue', 'attachmentPresent', 'directionChosen']);

/**
 * A required item of the draft (完成度 counts these): a field, table, declaration, attachment or the
 * direction that must be filled in. A `required` rule worded as a wish (鼓励, 一般应…: a warning) is not one.
 */
export function isRequiredItem(r: Pick<RuleResult, 'kind' | 'ruleId' | 'severity'>): boolean {
  if (r.severity === 'warning' || r.severity === 'info') return false;
  return REQUIRED_ITEM_KINDS.has(r.kind) || (r.kind === 'tableRowCount' && r.ruleId.startsWith('form.rows.'));
}

/** What stops 定稿 and the package: 待填写, 无法检查 and 错误. Warnings and priorities never do. */
export function isBlocking(r: RuleResult): boolean {
  if (r.outcome === 'pending') return r.severity === 'incomplete';
  return r.outcome === 'fail' && (r.severity === 'error' || r.severity === 'incomplete');
}

export function blockingCount(summary: ValidationSummary): number {
  return summary.incomplete + summary.pending + summary.errors;
}

export function summarize(results: readonly RuleResult[]): ValidationSummary {
  const summary = { incomplete: 0, pending: 0, errors: 0, warnings: 0, infos: 0 };
  for (const r of issuesOf(results)) {
    if (r.outcome === 'pending' && r.severity === 'incomplete') summary.pending++;
    else if (r.severity === 'incomplete') summary.incomplete++;
    else if (r.severity === 'error') summary.errors++;
    else if (r.severity === 'warning') summary.warnings++;
    else summary.infos++;
  }
  return summary;
}

/** 「3 项待填写、1 项无法检查、2 个错误」: what blocks, in one phrase (empty when nothing does). */
export function describeBlocking(summary: ValidationSummary): string {
  const parts = [
    summary.incomplete > 0 ? `${summary.incomplete} 项待填写` : '',
    summary.pending > 0 ? `${summary.pending} 项无法检查（缺少所需内容）` : '',
    summary.errors > 0 ? `${summary.errors} 个错误` : '',
  ].filter((p) => p !== '');
  return parts.join('、');
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
