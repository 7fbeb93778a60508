import type { Column, Field, Option } from '../pack/fields';
import { fieldIndex, type ResolvedProgram } from '../pack/resolve';
import type { Rule } from '../pack/rules';
import { conditionReads } from '../rules/condition';

/** One question of the eligibility pre-check, built from the program's hard rules. */
export type PrecheckQuestion =
  /** `region`: answered with a GB/T 2260 code (省/市/区县), like the 注册地 field. */
  | { kind: 'value'; id: string; label: string; help?: string; options?: Option[]; region?: true }
  | { kind: 'birthDate'; id: typeof BIRTH_QUESTION; label: string }
  | { kind: 'partners'; id: string; label: string; columns: Column[] };

export const BIRTH_QUESTION = 'pi.birthDate';

export interface Precheck {
  questions: PrecheckQuestion[];
  /** The hard rules the questions answer. */
  rules: Rule[];
}

/** Block fields a pre-check may ask about: the applicant unit (type, region, affiliation…) and the PI. */
const ASKABLE = /^(applicant|pi)\./;

/**
 * The hard (error) rules of the resolved program that decide whether someone may apply at all:
 * unit and PI values, the PI's age or birth date, and the partner requirements.
 */
export function hardEligibilityRules(resolved: ResolvedProgram): Rule[] {
  const fields = fieldIndex(resolved);
  return resolved.rules.filter((rule) => {
    if (rule.severity !== 'error') return false;
    switch (rule.kind) {
      case 'valueIn':
      case 'valueNotIn':
        return ASKABLE.test(rule.field) && askableField(fields.get(rule.field)?.field ?? null) !== null;
      case 'regionWithin':
        return rule.regions !== undefined && ASKABLE.test(rule.field) && askableField(fields.get(rule.field)?.field ?? null) !== null;
      case 'ageAtDate':
      case 'bornOnOrAfter':
        return true;
      case 'partnerOutsideRegion':
        return true;
      case 'tableRowCount':
        return rule.table === 'partners' && (rule.min ?? 0) > 0;
      default:
        return false;
    }
  });
}

function askableField(field: Field | null): Field | null {
  return field && (field.kind === 'select' || field.kind === 'text' || field.kind === 'region') ? field : null;
}

/** The questions, in a stable order: unit values, PI values, birth date, partners. */
export function buildPrecheck(resolved: ResolvedProgram): Precheck {
  const rules = hardEligibilityRules(resolved);
  const fields = fieldIndex(resolved);
  const valueIds: string[] = [];
  const addValue = (id: string) => {
    if (!ASKABLE.test(id) || valueIds.includes(id)) return;
    if (askableField(fields.get(id)?.field ?? null)) valueIds.push(id);
  };
  let askBirth = false;
  const partnerColumns = new Map<string, Set<string>>();
  for (const rule of rules) {
    for (const id of conditionReads(rule.when)) addValue(id);
    if (rule.kind === 'valueIn' || rule.kind === 'valueNotIn' || rule.kind === 'regionWithin') addValue(rule.field);
    else if (rule.kind === 'ageAtDate' || rule.kind === 'bornOnOrAfter') askBirth = true;
    else if (rule.kind === 'partnerOutsideRegion') columnsOf(partnerColumns, rule.table).add(rule.column);
    else if (rule.kind === 'tableRowCount') {
      const set = columnsOf(partnerColumns, rule.table);
      for (const w of rule.where ?? []) set.add(w.column);
    }
  }
  valueIds.sort((a, b) => (a.startsWith('applicant.') === b.startsWith('applicant.') ? 0 : a.startsWith('applicant.') ? -1 : 1));

  const questions: PrecheckQuestion[] = valueIds.map((id) => {
    const field = fields.get(id)?.field as Field;
    return {
      kind: 'value',
      id,
      label: field.label,
      ...(field.help ? { help: field.help } : {}),
      ...(field.kind === 'select' ? { options: field.options } : {}),
      ...(field.kind === 'region' ? { region: true as const } : {}),
    };
  });
  if (askBirth) questions.push({ kind: 'birthDate', id: BIRTH_QUESTION, label: '项目负责人出生日期' });
  for (const [table, wanted] of partnerColumns) {
    const field = fields.get(table)?.field;
    if (field?.kind !== 'table') continue;
    // The name lets the applicant tell the rows apart; the rule columns are what is checked.
    const columns = field.columns.filter((c) => c.id === 'name' || wanted.has(c.id));
    questions.push({ kind: 'partners', id: table, label: field.label, columns });
  }
  return { questions, rules };
}

function columnsOf(map: Map<string, Set<string>>, table: string): Set<string> {
  let set = map.get(table);
  if (!set) {
    set = new Set();
    map.set(table, set);
  }
  return set;
}
