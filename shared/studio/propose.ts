import { directionsHit } from './directions';
import { buildClauseTree, type ClauseTree, type NoticeClause } from './outline';
import { APPLICANT_RECOGNIZERS } from './recognizers/applicant';
import { ELIGIBILITY_RECOGNIZERS } from './recognizers/eligibility';
import { LIMIT_RECOGNIZERS } from './recognizers/limits';
import { MONEY_RECOGNIZERS } from './recognizers/money';
import { PAPERWORK_RECOGNIZERS } from './recognizers/paperwork';
import { TIME_RECOGNIZERS } from './recognizers/time';
import { isRequirement, modalOf, type Modal } from './severity';
import { commaPhraseAt, flatten, sourceSpan } from './text';
import type { ListContext, NoticeContext, Proposal, Recognizer, Sentence, Unrecognized } from './types';
import { homeProvinces } from './vocabulary';

export const RECOGNIZERS: Recognizer[] = [...APPLICANT_RECOGNIZERS, ...MONEY_RECOGNIZERS, ...TIME_RECOGNIZERS, ...ELIGIBILITY_RECOGNIZERS, ...LIMIT_RECOGNIZERS, ...PAPERWORK_RECOGNIZERS];

export interface ProposalSet {
  tree: ClauseTree;
  context: NoticeContext;
  proposals: Proposal[];
  unrecognized: Unrecognized[];
}

const EXCLUSION_LEAD = /不属于[^，。；]{0,6}范围|不予(?:受理|支持|立项)|不得申报|不能申报|不接受|不支持|有下列情形|以下情形|下列情况/;
const PRIORITY_LEAD = /优先/;
const REQUIREMENT_LEAD = /(?:符合|满足|具备)[^，。；]{0,6}(?:以下|下列|如下)[^，。；]{0,4}(?:条件|要求)|(?:申报|申请|申领)(?:条件|要求)[:：]?$/;

/** A heading that is itself the list's title, with no 「以下」 or colon: 「二、申报条件」「三、申报材料」. */
const REQUIREMENT_HEADING = /^(?:(?:申报|申请|基本|资格|申报单位|申请单位|申报主体|申报对象|支持对象|项目负责人|承担单位)(?:和|及|与|、)?)+(?:条件|要求|资格)(?:(?:和|及|与)(?:条件|要求))?$|^(?:条件|资格)要求$/;
const DOCUMENTS_HEADING = /^(?:申报|申请|提交|报送|所需|需提交的?|应提交的?)?(?:材料|资料)(?:清单|目录|要求)?$|^附件清单$/;

function listContextOf(parent: NoticeClause | undefined): ListContext {
  if (!parent) return 'normal';
  const flat = flatten(parent.text).flat;
  const title = parent.title.replace(/^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十\d]+）|\d+[.、．]|第[一二三四五六七八九十]+[章节部分])\s*/, '').replace(/[:：。\s]+$/, '');
  if (DOCUMENTS_HEADING.test(title)) return 'documents';
  if (REQUIREMENT_HEADING.test(title)) return 'requirement';
  const lead = /(以下|下列|如下)/.test(flat) || /[:：]$/.test(flat);
  if (!lead) return 'normal';
  if (EXCLUSION_LEAD.test(flat)) return 'exclusion';
  if (PRIORITY_LEAD.test(flat)) return 'priority';
  if (REQUIREMENT_LEAD.test(flat)) return 'requirement';
  return 'normal';
}

const TABLE_REASON = '这是一张表格（各行分别规定，例如各类项目的资助额度、实施期限），没有逐行识别：可按表格在「专项」中分出专项并设定资助额度';

/** Two or more lines of two or more tab-separated cells: a table pasted as text. */
function isTable(source: string): boolean {
  return source.split('\n').filter((line) => line.split('\t').filter((cell) => cell.trim() !== '').length >= 2).length >= 2;
}

/** Sentences of a clause's own text, each with its flat view and source span. */
export function sentencesOf(tree: ClauseTree, clause: NoticeClause, byId: Map<string, NoticeClause>): Sentence[] {
  const parent = clause.parentId ? byId.get(clause.parentId) : undefined;
  const list = listContextOf(parent);
  const headings: string[] = [];
  for (let p = parent; p; p = p.parentId ? byId.get(p.parentId) : undefined) headings.unshift(p.title);
  const heading = headings.join('/');
  const view = flatten(tree.text, clause.start, clause.end);
  const out: Sentence[] = [];
  let from = 0;
  const flat = view.flat;
  for (let i = 0; i <= flat.length; i++) {
    const end = i === flat.length || /[。；;！!？?]/.test(flat[i]!);
    if (!end) continue;
    const to = i === flat.length ? i : i + 1;
    if (to > from && flat.slice(from, to).replace(/[。；;！!？?]/g, '') !== '') {
      const span = sourceSpan(view, from, to);
      const sub = { flat: flat.slice(from, to), map: view.map.slice(from, to + 1) };
      out.push({ clause, flat: sub.flat, view: sub, start: span.start, end: span.end, list, heading });
    }
    from = to;
  }
  return out;
}

/** The notice's year: the first 20xx in its opening lines (title, 文号), else the most frequent one. */
export function noticeYear(text: string): number {
  const head = /(20\d{2})\s*年/.exec(text.slice(0, 300));
  if (head) return Number(head[1]);
  const counts = new Map<number, number>();
  for (const m of text.matchAll(/(20\d{2})\s*年/g)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  return best ? best[0] : 2000;
}

/**
 * The modal word governing a match: the one in its own comma phrase, else one earlier in the
 * sentence (「原则上…，…不超过」); 鼓励/建议 govern only their own phrase.
 */
export function modalAt(flat: string, at: number): Modal | null {
  const { from, text: phrase } = commaPhraseAt(flat, at);
  const own = modalOf(phrase);
  if (own) return own;
  // 「一般为2年，最长不超过3年」: an outer bound of its own does not take the softer word before it.
  const outer = /最长|最多|最高|至多|上限|一律/.exec(phrase);
  if (outer) return { severity: 'error', word: outer[0] };
  const earlier = modalOf(flat.slice(0, from).replace(/鼓励|建议/g, ''));
  return earlier;
}

const SEVERITY_WORD: Record<string, string> = { error: '错误', warning: '警告', info: '提示' };

/** Runs every recognizer over every sentence of the notice. Pure and deterministic. */
export function proposeRules(text: string, tree: ClauseTree = buildClauseTree(text)): ProposalSet {
  const byId = new Map(tree.clauses.map((c) => [c.id, c]));
  const sentences = tree.clauses.flatMap((c) => sentencesOf(tree, c, byId));
  const context: NoticeContext = { year: noticeYear(text), referenceDate: null, home: homeProvinces(text) };
  // The window close is the reference date of ages and 成立年限: find it first.
  const windowRecognizer = RECOGNIZERS.find((r) => r.name === '申报时间')!;
  for (const s of sentences) {
    const close = windowRecognizer.recognize(s, context).find((h) => h.kind === 'applicationWindow');
    const closes = (close?.params.window as { closes?: string } | undefined)?.closes;
    if (closes) {
      context.referenceDate = closes.slice(0, 10);
      break;
    }
  }

  const proposals: Proposal[] = [];
  const unrecognized: Unrecognized[] = [];
  const parents = new Set(tree.clauses.map((c) => c.parentId));
  // Direction sections: one proposal each, quoting the section's first sentence.
  const seen = new Set<string>();
  const sections = new Set<string>();
  const insideSection = (c: NoticeClause): boolean => {
    for (let p = c.parentId; p; p = byId.get(p)?.parentId ?? null) if (sections.has(p)) return true;
    return false;
  };
  for (const s of sentences) {
    if (seen.has(s.clause.id)) continue;
    seen.add(s.clause.id);
    // A section inside another (「（一）科技惠民重点领域」 under 「一、计划类别」) is part of that tree.
    if (insideSection(s.clause)) continue;
    const hit = directionsHit(tree, s.clause, seen.size);
    if (!hit) continue;
    sections.add(s.clause.id);
    proposals.push({ id: '', clauseId: s.clause.id, kind: hit.kind, params: hit.params, severity: 'error', message: hit.message, quote: text.slice(s.start, s.end), start: s.start, end: s.end, why: hit.why, recognizer: '支持方向' });
  }
  for (const s of sentences) {
    // A table copied out of Word (「项目类别	资助额度	实施期限」, one row per kind of project) reads as
    // one run-on sentence: its first amount would be taken for every kind. It is left to the user whole.
    if (isTable(text.slice(s.start, s.end))) {
      unrecognized.push({ clauseId: s.clause.id, path: s.clause.path, quote: text.slice(s.start, s.end), start: s.start, end: s.end, reason: TABLE_REASON });
      continue;
    }
    const found: Proposal[] = [];
    for (const r of RECOGNIZERS) {
      for (const hit of r.recognize(s, context)) {
        const modal = hit.at === undefined ? modalOf(s.flat) : modalAt(s.flat, hit.at);
        const severity = hit.severity ?? modal?.severity ?? 'error';
        const basis = hit.severity ? '' : modal ? `；措辞「${modal.word}」→ ${SEVERITY_WORD[severity]}` : '；句中没有「原则上」「一般」等措辞，按必须满足（错误）处理';
        const span = hit.from !== undefined && hit.to !== undefined ? sourceSpan(s.view, hit.from, hit.to) : { start: s.start, end: s.end };
        found.push({
          id: '',
          clauseId: s.clause.id,
          kind: hit.kind,
          params: hit.params,
          ...(hit.when ? { when: hit.when } : {}),
          severity,
          message: hit.message,
          quote: text.slice(span.start, span.end),
          start: span.start,
          end: span.end,
          why: `${hit.why}${basis}`,
          recognizer: r.name,
        });
      }
    }
    // A 承诺 is kept beside the rules of the same sentence: the rules check its numbers, the 承诺
    // covers what they cannot (「须为在职人员，年龄不超过60周岁」); the user rejects what repeats.
    proposals.push(...found);
    // A lead-in 「以下项目不属于申报范围：」 is read through its items.
    const leadIn = /[:：]$/.test(s.flat) && parents.has(s.clause.id);
    if (found.length === 0 && !leadIn && (s.list === 'exclusion' || s.list === 'requirement' || isRequirement(s.flat))) {
      unrecognized.push({
        clauseId: s.clause.id,
        path: s.clause.path,
        quote: text.slice(s.start, s.end),
        start: s.start,
        end: s.end,
        reason: s.list === 'exclusion' ? '列在不予申报的情形中，但没有识别出可检查的规则' : s.list === 'requirement' ? '列在申报条件中，但没有识别出可检查的规则' : `含有要求的措辞（${modalOf(s.flat)?.word ?? '数量界限'}），但没有识别出可检查的规则`,
      });
    }
  }
  proposals.sort((a, b) => a.start - b.start);
  proposals.forEach((p, i) => (p.id = `p${i + 1}`));
  return { tree, context, proposals, unrecognized };
}
