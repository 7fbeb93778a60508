import type { Draft, DocumentType, FieldValue } from '../model/draft';
import type { Field } from '../pack/fields';
import type { FieldLocation, ResolvedProgram } from '../pack/resolve';
import type { Rule, RuleKind, Severity } from '../pack/rules';

/**
 * `pending`: the rule cannot be evaluated because an input it needs is empty (「无法检查：请先填写 X」).
 * It blocks 定稿 and the package like a failure, and never passes silently.
 */
export type Outcome = 'pass' | 'fail' | 'met' | 'notApplicable' | 'pending';

/**
 * The severity of a result: 待填写 (`incomplete`: a required item is empty, or a rule waits for
 * one), 错误, 警告, 提示. A pack rule's own severity is error/warning/info; the engine reports the
 * failure of a completeness rule (required field, declaration, attachment, direction) as incomplete.
 */
export type ResultSeverity = 'incomplete' | Severity;

export const SEVERITY_LABELS: Record<ResultSeverity, string> = { incomplete: '待填写', error: '错误', warning: '警告', info: '提示' };

export interface Citation {
  document: string;
  /** The clause path as printed, e.g. 「二、申报要求（二）」. */
  clause: string;
  quote: string;
  /**
   * `guideline`: a clause of the guideline notice. `form`: the 申报书 template's own requirement
   * (its 填报说明 or form rule), for checks no guideline clause states, such as formats and 字数.
   */
  source: 'guideline' | 'form';
}

export interface RuleResult {
  ruleId: string;
  kind: RuleKind;
  severity: ResultSeverity;
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
  /**
   * What the caller knows about the stored bytes of attachments, by SHA-256 (services: the
   * attachment store; CLI: the files beside the draft). Absent: only names and sizes are checked.
   */
  attachmentFacts?: Readonly<Record<string, AttachmentFact>>;
}

/** The stored bytes of one attachment, as far as the caller could see them. */
export interface AttachmentFact {
  /**
   * `missing`: no file; `altered`: the bytes no longer match the recorded hash or size;
   * `notHere`: a draft checked as a file (`shenbao validate`), whose bytes were found in none of the
   * places this computer keeps them (beside the file, in the app's store): the file only names them.
   */
  state: 'ok' | 'missing' | 'altered' | 'notHere';
  /** The type the content shows by its first bytes (see shared/attachments/sniff), or null when unknown. */
  detected?: import('../attachments/sniff').SniffedType | null;
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
  /** A failure that means "not filled in yet" (reported as 待填写 rather than 错误). */
  incomplete?: boolean;
  /** Computed detail appended to the rule's message after 「：」. */
  detail?: string;
  /** Overrides the focus field (e.g. the row of a table). */
  field?: string;
}

export type RuleOf<K extends RuleKind> = Extract<Rule, { kind: K }>;

/**
 * One thing a rule refers to, with its place in the rule (`field`, `amount.column` …). The engine
 * indexes what a rule reads from these, and the pack's load-time checks derive from the same list,
 * so a new kind cannot skip either.
 */
type FieldKind = Field['kind'];

export type KindRef =
  /** A value field, table, declaration or attachment slot id; `kinds` narrows the field kinds it may be (`kindRule` says why). */
  | { at: string; field: string; kinds?: readonly FieldKind[]; kindRule?: string }
  /** A table, and optionally one of its columns (`key` is every row's own key). */
  | { at: string; table: string; column?: string }
  /** One of a select field's options. */
  | { at: string; option: string; ofField: string }
  /** The chosen program and direction. */
  | { guideline: true };

export interface KindSpec<R extends Rule> {
  /** Everything the rule refers to in the draft. */
  refs(rule: R): KindRef[];
  evaluate(rule: R, env: EvalEnv): Verdict;
}

export const GUIDELINE_KEY = 'guideline';

export const GUIDELINE_REF: KindRef = { guideline: true };

/** The ids a rule reads (field, table, declaration or slot; `guideline` for the chosen program/direction). */
export function readIdsOf(refs: readonly KindRef[]): string[] {
  return refs.map((ref) => ('guideline' in ref ? GUIDELINE_KEY : 'table' in ref ? ref.table : 'option' in ref ? ref.ofField : ref.field));
}

export const pass = (detail?: string): Verdict => ({ outcome: 'pass', detail });
export const fail = (detail: string, field?: string): Verdict => ({ outcome: 'fail', detail, field });
export const notApplicable = (detail?: string): Verdict => ({ outcome: 'notApplicable', detail });
/** A required item is empty: 待填写. */
export const missing = (detail: string, field?: string): Verdict => ({ outcome: 'fail', detail, field, incomplete: true });
/** The rule cannot be checked until the named items are filled in (their labels). */
export const pending = (labels: string[], field?: string): Verdict => ({ outcome: 'pending', detail: pendingDetail(labels), field });

export function pendingDetail(labels: readonly string[]): string {
  return `无法检查：请先填写${[...new Set(labels)].map((l) => `「${l}」`).join('、')}`;
}
