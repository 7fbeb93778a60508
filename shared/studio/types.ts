import type { Condition } from '../pack/condition';
import type { RuleKind, Severity } from '../pack/rules';
import type { NoticeClause } from './outline';
import type { FlatText } from './text';

/** What a proposal becomes in the draft pack: a rule of the engine, a checklist item or a 承诺. */
export type ProposalKind = RuleKind | 'attachment' | 'declaration';

/** One proposed rule, with the verbatim quote it rests on and why it was proposed. */
export interface Proposal {
  id: string;
  clauseId: string;
  kind: ProposalKind;
  /** The rule's parameters (as in pack.json, without id/kind/severity/message/clause/when). */
  params: Record<string, unknown>;
  when?: Condition;
  severity: Severity;
  message: string;
  /** Verbatim substring of the notice: `noticeText.slice(start, end)`. */
  quote: string;
  start: number;
  end: number;
  why: string;
  recognizer: string;
}

/** A requirement sentence no recognizer understood: the user turns it into a 承诺 or marks it 无法离线检查. */
export interface Unrecognized {
  clauseId: string;
  path: string;
  quote: string;
  start: number;
  end: number;
  reason: string;
}

/** How the enclosing list reads its items: 「以下项目不属于申报范围：」, 「符合以下条件的优先支持：」, 「应同时符合以下条件：」. */
/** What the heading above a list makes of its items: 「申报条件」 items are requirements, 「申报材料」 items documents. */
export type ListContext = 'normal' | 'exclusion' | 'priority' | 'requirement' | 'documents';

export interface Sentence {
  clause: NoticeClause;
  /** Flat (folded, whitespace-free) text of the sentence. */
  flat: string;
  /** Offsets of `flat` into the notice text. */
  view: FlatText;
  start: number;
  end: number;
  list: ListContext;
  /** Flat text of the heading chain above the clause (「三、申报要求」「人才条件」), for topic words. */
  heading: string;
}

export interface NoticeContext {
  /** The notice's year, for dates written without one (「6月15日18:00截止」). */
  year: number;
  /** Window close (China date) or null: the reference date for ages and 成立年限. */
  referenceDate: string | null;
  /** GB/T 2260 province codes of the issuing region (新疆 includes 兵团 66). */
  home: string[];
}

/** What a recognizer found in one sentence. `from`/`to` (flat offsets) narrow the quote; default the sentence. */
export interface Hit {
  kind: ProposalKind;
  params: Record<string, unknown>;
  when?: Condition;
  /** Overrides the severity read from the modal words (priorities are always info). */
  severity?: Severity;
  message: string;
  why: string;
  /** Flat offset of the match: the severity is read from the phrase around it. */
  at?: number;
  /**
   * Flat span of the part of the sentence the hit rests on, when the sentence says several things
   * (「A项目每项不超过30万元，B项目每项5-20万元」): the proposal quotes only that part, so what it
   * names (a program) is read from its own words.
   */
  from?: number;
  to?: number;
}

export interface Recognizer {
  name: string;
  recognize(s: Sentence, ctx: NoticeContext): Hit[];
}
