import { idCheckChar } from '../checks/idNumber';
import type { Draft, DraftPatch, FieldValue, TableRow } from '../model/draft';
import { fieldIndex } from '../pack/resolve';
import type { Rule } from '../pack/rules';
import { isFilled, isRowFilled } from '../rules/access';
import type { RuleEngine } from '../rules/engine';
import { GUIDELINE_KEY, type RuleResult } from '../rules/types';
import { deadlineState } from '../progress/deadline';
import { chinaDateTimeLabel } from '../dates';
import { BIRTH_QUESTION, buildPrecheck, type PrecheckQuestion } from './questions';

export interface PrecheckAnswers {
  /** Value questions by field id; the birth date under `pi.birthDate` (YYYY-MM-DD). */
  values: Record<string, FieldValue>;
  /** Partner questions: the rows given (an empty list means 「无合作单位」). */
  tables: Record<string, TableRow[]>;
}

export type PrecheckVerdictKind = 'eligible' | 'ineligible' | 'caution';

export const VERDICT_LABELS: Record<PrecheckVerdictKind, string> = {
  eligible: '可以申报',
  ineligible: '不符合申报条件',
  caution: '需注意',
};

export interface PrecheckResult {
  verdict: PrecheckVerdictKind;
  label: string;
  /** Failing hard rules: message with the computed values, and citation (clause path + verbatim quote). */
  failures: RuleResult[];
  /** Hard rules that passed or do not apply, so the applicant sees what was checked. */
  passed: RuleResult[];
  cautions: string[];
  /** Questions not answered yet (their rules are not judged). */
  unanswered: PrecheckQuestion[];
  /** What the answers pre-fill in the new draft. */
  prefill: Required<Pick<DraftPatch, 'values' | 'tables'>>;
}

export interface PrecheckTarget {
  engine: RuleEngine;
  packId: string;
  packVersion: string;
  directionPath: string[];
  /** China date `YYYY-MM-DD`. */
  today: string;
}

const SYNTHETIC_ID = '00000000-0000-4000-8000-000000000000';

/** A syntactically valid ID number with the given birth date, for rules that read the birth date from the ID. */
function idNumberFor(birthDate: string): string | null {
  const digits = birthDate.replaceAll('-', '');
  if (!/^\d{8}$/.test(digits)) return null;
  const body = `110101${digits}001`;
  const check = idCheckChar(body);
  return check ? body + check : null;
}

/** Runs the real engine on a draft built from the answers and keeps the verdicts of the hard rules. */
export function evaluatePrecheck(target: PrecheckTarget, answers: PrecheckAnswers): PrecheckResult {
  const { engine } = target;
  const resolved = engine.resolved;
  const { questions, rules } = buildPrecheck(resolved);
  const birth = answers.values[BIRTH_QUESTION];
  const birthDate = typeof birth === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(birth) ? birth : null;

  const values: Record<string, FieldValue> = {};
  for (const q of questions) if (q.kind === 'value' && isFilled(answers.values[q.id])) values[q.id] = answers.values[q.id] ?? null;
  const personFields = new Set<string>();
  for (const rule of rules) {
    if (rule.kind !== 'ageAtDate' && rule.kind !== 'bornOnOrAfter') continue;
    const source = rule.person;
    const id = 'idNumberField' in source ? source.idNumberField : source.birthDateField;
    personFields.add(id);
    if (!birthDate) continue;
    values[id] = 'idNumberField' in source ? idNumberFor(birthDate) : birthDate;
  }
  const tables: Record<string, TableRow[]> = {};
  for (const q of questions) if (q.kind === 'partners' && answers.tables[q.id]) tables[q.id] = (answers.tables[q.id] ?? []).filter(isRowFilled);

  const draft: Draft = {
    format: 'shenbao-draft',
    formatVersion: 1,
    id: SYNTHETIC_ID,
    guideline: {
      packId: target.packId,
      packVersion: target.packVersion,
      programId: resolved.program.id,
      directionPath: target.directionPath,
      documentType: resolved.documentType,
    },
    values,
    tables,
    attachments: {},
    declarations: {},
    planTasks: [],
    status: 'editing',
    createdAt: '2000-01-01T00:00:00.000Z',
    updatedAt: '2000-01-01T00:00:00.000Z',
  };

  const answered = (id: string): boolean => {
    if (id === GUIDELINE_KEY) return true;
    if (personFields.has(id)) return birthDate !== null;
    if (Object.hasOwn(tables, id)) return true;
    return isFilled(values[id]);
  };
  const unanswered = questions.filter((q) =>
    q.kind === 'birthDate' ? birthDate === null : q.kind === 'partners' ? !Object.hasOwn(tables, q.id) : !isFilled(values[q.id]),
  );

  const hard = new Set<Rule>(rules);
  const all = engine.evaluate(draft, { today: target.today });
  const failures: RuleResult[] = [];
  const passed: RuleResult[] = [];
  engine.rules.forEach((rule, i) => {
    const result = all[i];
    if (!result || !hard.has(rule)) return;
    if (!engine.readsOf(rule).every(answered)) return;
    if (result.outcome === 'fail') failures.push(result);
    // Every input was answered, so a rule still waiting for one was answered 「没有」 (no partner at all).
    else if (result.outcome === 'pending') failures.push({ ...result, outcome: 'fail', severity: rule.severity, message: `${rule.message}：预审中回答为没有` });
    else passed.push(result);
  });

  const cautions: string[] = [];
  const { program } = resolved;
  if (!program.accepting) {
    cautions.push(`「${program.name}」本次暂不受理${program.notAcceptingReason ? `（${program.notAcceptingReason}）` : ''}：可以阅读和起草，但不能生成最终申报材料`);
  }
  const deadline = deadlineState(resolved.window, target.today);
  if (deadline.state === 'closed' && deadline.closes) {
    cautions.push(`申报已于 ${chinaDateTimeLabel(deadline.closes) ?? deadline.closes} 截止：仍可起草（例如为下一年度做准备），检查结果会提示已截止`);
  }
  if (unanswered.length > 0) cautions.push(`尚有 ${unanswered.length} 个问题未回答：${unanswered.map((q) => q.label).join('、')}`);

  const verdict: PrecheckVerdictKind = failures.length > 0 ? 'ineligible' : cautions.length > 0 ? 'caution' : 'eligible';
  const targetFields = fieldIndex(resolved);
  const prefillValues: Record<string, FieldValue> = {};
  for (const q of questions) {
    if (q.kind === 'value' && isFilled(values[q.id])) prefillValues[q.id] = values[q.id] ?? null;
    if (q.kind === 'birthDate' && birthDate && targetFields.get(BIRTH_QUESTION)?.kind === 'field') prefillValues[BIRTH_QUESTION] = birthDate;
  }
  return { verdict, label: VERDICT_LABELS[verdict], failures, passed, cautions, unanswered, prefill: { values: prefillValues, tables } };
}
