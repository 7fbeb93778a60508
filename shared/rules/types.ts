import type { Draft, DocumentType, FieldValue } from '../model/draft';
import type { FieldLocation, ResolvedProgram } from '../pack/resolve';
import type { Rule, RuleKind, Severity } from '../pack/rules';

export type Outcome = 'pass' | 'fail' | 'met' | 'notApplicable';

export interface Citation {
  document: string;
  /** The clause path as printed, e.g. 「二、申报要求（二）」. */
  clause: string;
  quote: string;
}

export interface RuleResult {
  ruleId: string;
  kind: RuleKind;
  severity: Severity;
  outcome: Outcome;
  /** The field to focus, e.g. `pi.idNumber` or `budget`. */
  field: string | null;
  section: string | null;
  /** The rule's message plus the computed detail, e.g. 「…：出生于1960-03-12，截至2020-03-30年满60周岁，超过58周岁」. */
  message: string;
  citation: Citation;
}

/** Another draft of the local store, as far as cross-draft rules need it. */
export interface OtherDraft {
  id: string;
  packId: string;
  packVersion: string;
  /** The year of the draft's pack, when that pack is installed. */
  year: number | null;
  programId: string;
  directionPath: string[];
  documentType: DocumentType;
  values: Record<string, FieldValue>;
}

export interface RuleContext {
  /** The validation date, `YYYY-MM-DD`, China time. */
  today: string;
  /**
   * The validation instant (ISO 8601), where the caller has a clock: a deadline with a time of
   * day (克拉玛依: 18:00) is compared to it. Without it, the whole deadline day still counts.
   */
  now?: string;
  /** The other non-deleted drafts of this computer's store (for crossDraftLimit). */
  otherDrafts?: OtherDraft[];
}

/** What an evaluator sees. */
export interface EvalEnv {
  draft: Draft;
  ctx: RuleContext;
  resolved: ResolvedProgram;
  fields: Map<string, FieldLocation>;
}

/** An evaluator's answer; the engine adds id, severity, citation and the message headline. */
export interface Verdict {
  outcome: Outcome;
  /** Computed detail appended to the rule's message after 「：」. */
  detail?: string;
  /** Overrides the focus field (e.g. the row of a table). */
  field?: string;
}

export type RuleOf<K extends RuleKind> = Extract<Rule, { kind: K }>;

export interface KindSpec<R extends Rule> {
  /** Field ids (value, table, declaration or attachment slot) the rule reads; `guideline` for the chosen program/direction. */
  reads(rule: R): string[];
  evaluate(rule: R, env: EvalEnv): Verdict;
}

export const GUIDELINE_KEY = 'guideline';

export const pass = (detail?: string): Verdict => ({ outcome: 'pass', detail });
export const fail = (detail: string, field?: string): Verdict => ({ outcome: 'fail', detail, field });
export const notApplicable = (detail?: string): Verdict => ({ outcome: 'notApplicable', detail });
