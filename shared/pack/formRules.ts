import { FORMAT_LABELS } from '../checks/formats';
import { SHAPE_NOUNS } from '../checks/valueShape';
import type { Condition } from './condition';
import type { Column, Field } from './fields';
import type { AttachmentItem } from './pack';
import type { Rule } from './rules';

/**
 * The 申报书 template's own requirements (its 填报说明 and form), for checks no guideline clause
 * states: required items, formats, 字数, non-negative money, table cells, the schedule inside the
 * period, attachment files, derived values, and that each value has its field's shape. A form rule
 * cites one of these clauses and says it is the form's requirement, so no result is ever uncited.
 */
export const FORM_DOCUMENT = '申报书填报说明（表单要求，非指南原文）';

export const FORM_CLAUSES: Record<string, { path: string; quote: string }> = {
  'form.required': { path: '必填项', quote: '标注为必填的栏目须如实填写，不得空缺。' },
  'form.format': { path: '填写格式', quote: '统一社会信用代码、居民身份证号码、电话、手机、邮政编码、电子邮箱等栏目须按规定格式填写，注册地须按行政区划（GB/T 2260）选择省、市、区（县）。' },
  'form.length': { path: '字数要求', quote: '各栏目字数不得超过表中规定的字数上限（按 Word「字数统计」的方法计数）。' },
  'form.values': { path: '填写内容', quote: '选择栏目须从所列选项中选择，金额、数量须填写数字，日期、年月须为有效的日期和年月。' },
  'form.money': { path: '经费填写', quote: '经费以万元为单位填写，金额不得为负数。' },
  'form.table': { path: '表格填写', quote: '表格中填写的每一行须填全必填列，证件号码、代码、电话须符合格式，金额和数量不得为负数。' },
  'form.period': { path: '进度安排', quote: '进度安排各阶段须在项目起止年月之内，开始年月不得晚于结束年月。' },
  'form.attachment': { path: '附件要求', quote: '附件须为清单要求的文件类型和大小，文件内容须与文件名相符，且上传后未被改动。' },
  'form.derived': { path: '项目负责人信息', quote: '性别、出生日期须与居民身份证号码一致。' },
  'form.consistency': { path: '数据一致', quote: '申报书各处填写的金额和实施期须与经费预算表、起止年月一致。' },
};

export const isFormClause = (clause: string): boolean => Object.hasOwn(FORM_CLAUSES, clause);

/** Phrases after which an amount in 万元 is the fiscal funds requested (「申请财政资金50万元」). */
const FISCAL_PHRASES = ['申请财政资金', '申请资金', '申请经费', '申请市财政资金', '申请区财政资金', '申请财政补助'];

/** Phrases after which a length of time is the project period (「实施期2年」). */
const PERIOD_PHRASES = ['实施期', '实施周期', '执行期', '项目周期', '建设期', '研究期限'];

const CELL_FORMATS: Partial<Record<Column['kind'], 'idNumber' | 'uscc' | 'phone'>> = { idNumber: 'idNumber', uscc: 'uscc', phone: 'phone' };

interface Section {
  id: string;
  fields: Field[];
}

/**
 * A length rule says what is asked (「「项目名称」不超过 60 字」), not that it failed: the guidance panel
 * shows the message beside 通过 too, and the engine adds 「现有 N 字，超过 60 字」 when it does fail.
 */
function lengthMessage(label: string, min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `「${label}」字数须在 ${min} 至 ${max} 字之间`;
  if (max !== undefined) return `「${label}」不超过 ${max} 字`;
  return `「${label}」不少于 ${min ?? 0} 字`;
}

/**
 * Rules the form implies for a resolved program. A pack rule of the same kind on the same field
 * (its own 「须填写」 with a clause) replaces the form's, so nothing is reported twice.
 */
export function formRules(sections: readonly Section[], checklist: readonly AttachmentItem[], packRules: readonly Rule[]): Rule[] {
  // Per key: 'always' when a pack rule without a condition checks it, else the conditions under which pack rules do.
  const covered = new Map<string, 'always' | Condition[]>();
  for (const r of packRules) {
    const key = coverKey(r);
    if (key === null) continue;
    const prior = covered.get(key);
    if (prior === 'always') continue;
    covered.set(key, r.when ? [...(prior ?? []), r.when] : 'always');
  }
  const rules: Rule[] = [];
  const add = (rule: Rule): void => {
    const key = coverKey(rule);
    const by = key === null ? undefined : covered.get(key);
    if (by === 'always') return;
    if (key !== null) covered.set(key, 'always');
    if (!by || by.length === 0) {
      rules.push(rule);
      return;
    }
    // The form's check applies where none of the pack's conditional rules does.
    const unless: Condition[] = by.map((c) => ({ not: c }));
    const when: Condition = rule.when ? { all: [rule.when, ...unless] } : unless.length === 1 ? (unless[0] as Condition) : { all: unless };
    rules.push({ ...rule, when });
  };
  const allFields = sections.flatMap((s) => s.fields);
  const period = allFields.find((f) => f.kind === 'monthRange' && f.id === 'project.period');
  const budget = allFields.find((f): f is Extract<Field, { kind: 'table' }> => f.kind === 'table' && f.columns.some((c) => c.id === 'fiscal' && c.kind === 'money'));

  for (const section of sections) {
    for (const field of section.fields) {
      const when = field.visibleWhen ? { when: field.visibleWhen as Condition } : {};
      const base = (suffix: string, clause: string) => ({ id: `form.${suffix}.${field.id}`, clause, section: section.id, ...when });
      if (field.derived) {
        const person = field.id.endsWith('.sex') ? field.id.slice(0, -4) : field.id.endsWith('.birthDate') ? field.id.slice(0, -10) : null;
        const idField = person === null ? undefined : allFields.find((f) => f.id === `${person}.idNumber`);
        if (idField) {
          add({ ...base('derived', 'form.derived'), kind: 'derivedFromId', idField: idField.id, field: field.id, part: field.id.endsWith('.sex') ? 'sex' : 'birthDate', severity: 'error', message: `「${field.label}」与${idField.label}不一致` });
        }
        continue;
      }
      if (field.kind !== 'region') {
        add({ ...base('value', 'form.values'), kind: 'valueShape', field: field.id, severity: 'error', message: `「${field.label}」须填写有效的${SHAPE_NOUNS[field.kind]}` });
      }
      if (field.required) {
        if (field.kind === 'table' && (field.minRows ?? 0) > 1) {
          add({ ...base('rows', 'form.required'), kind: 'tableRowCount', table: field.id, min: field.minRows, severity: 'error', message: `「${field.label}」至少填写 ${field.minRows} 行` });
        } else {
          add({ ...base('required', 'form.required'), kind: 'required', field: field.id, severity: 'error', message: `「${field.label}」为必填项` });
        }
      }
      if (field.kind === 'text' && field.format) {
        add({ ...base('format', 'form.format'), kind: 'format', field: field.id, format: field.format, severity: 'error', message: `「${field.label}」须符合${FORMAT_LABELS[field.format]}的格式` });
      }
      if (field.kind === 'region') {
        add({ ...base('region', 'form.format'), kind: 'regionWithin', field: field.id, severity: 'error', message: `「${field.label}」须按行政区划（GB/T 2260）选择` });
      }
      if ((field.kind === 'text' || field.kind === 'longText') && (field.maxChars !== undefined || (field.kind === 'longText' && field.minChars !== undefined))) {
        const min = field.kind === 'longText' ? field.minChars : undefined;
        add({ ...base('length', 'form.length'), kind: 'textLength', field: field.id, ...(field.maxChars !== undefined ? { max: field.maxChars } : {}), ...(min ? { min } : {}), severity: 'error', message: lengthMessage(field.label, min, field.maxChars) });
      }
      if (field.kind === 'money') {
        add({ ...base('money', 'form.money'), kind: 'moneyRange', amount: { field: field.id }, min: field.min ?? 0, ...(field.max !== undefined ? { max: field.max } : {}), ifFilled: true, severity: 'error', message: `「${field.label}」金额须在允许的范围内` });
      }
      if (field.kind === 'integer' && (field.min !== undefined || field.max !== undefined)) {
        add({ ...base('number', 'form.format'), kind: 'numberRange', field: field.id, ...(field.min !== undefined ? { min: field.min } : {}), ...(field.max !== undefined ? { max: field.max } : {}), severity: 'error', message: `「${field.label}」须在允许的范围内` });
      }
      if (field.kind === 'table') {
        for (const column of field.columns) {
          const cell = (suffix: string) => ({ ...base(suffix, 'form.table'), id: `form.${suffix}.${field.id}.${column.id}`, kind: 'columnConstraint' as const, table: field.id, column: column.id, severity: 'error' as const });
          if (column.required) add({ ...cell('cellRequired'), constraint: { filled: true }, message: `「${field.label}」的「${column.label}」为必填项` });
          const format = CELL_FORMATS[column.kind];
          if (format) add({ ...cell('cellFormat'), constraint: { format }, message: `「${field.label}」的「${column.label}」须符合${FORMAT_LABELS[format]}的格式` });
          if (column.kind === 'money' || column.kind === 'integer') add({ ...cell('cellNonNegative'), constraint: { nonNegative: true }, message: `「${field.label}」的「${column.label}」不得为负数` });
        }
        const start = field.columns.find((c) => c.id === 'start' && (c.kind === 'month' || c.kind === 'date'));
        const end = field.columns.find((c) => c.id === 'end' && (c.kind === 'month' || c.kind === 'date'));
        if (period && start && end) {
          add({ ...base('period', 'form.period'), kind: 'rowsWithinPeriod', table: field.id, start: start.id, end: end.id, period: period.id, severity: 'error', message: `「${field.label}」须在项目起止年月之内` });
        }
      }
    }
  }
  // 经费概算: each stated amount against the budget table's totals (values shown by sumEquals).
  const stated = (id: string) => allFields.find((f) => f.id === id && f.kind === 'money');
  if (budget) {
    const column = (id: string) => (budget.columns.some((c) => c.id === id && c.kind === 'money') ? [{ table: budget.id, column: id }] : []);
    const checks: [string, string, { table: string; column: string }[], string][] = [
      ['funding.fiscal', 'funding-fiscal', column('fiscal'), '经费预算表财政资金合计'],
      ['funding.selfRaised', 'funding-self-raised', column('selfRaised'), '经费预算表自筹资金合计'],
      ['funding.total', 'funding-total', [...column('fiscal'), ...column('selfRaised')], '经费预算表合计（财政资金＋自筹资金）'],
    ];
    for (const [id, suffix, amounts, what] of checks) {
      const field = stated(id);
      if (!field || amounts.length === 0) continue;
      const section = sections.find((s) => s.fields.includes(field))?.id;
      add({ id: `form.consistency.${suffix}`, clause: 'form.consistency', kind: 'sumEquals', amounts, equals: { field: id }, ifFilled: true, severity: 'error', message: `「${field.label}」须与${what}一致`, ...(section ? { section } : {}) });
    }
  }
  const summary = allFields.find((f) => f.id === 'project.summary');
  if (summary && budget) {
    add({ id: 'form.consistency.summary-fiscal', clause: 'form.consistency', kind: 'narrativeAmount', field: summary.id, phrases: FISCAL_PHRASES, amount: { table: budget.id, column: 'fiscal' }, severity: 'warning', message: `「${summary.label}」中所写申请资金与经费预算表不一致` });
  }
  if (summary && period) {
    add({ id: 'form.consistency.summary-period', clause: 'form.consistency', kind: 'narrativePeriod', field: summary.id, phrases: PERIOD_PHRASES, period: period.id, severity: 'warning', message: `「${summary.label}」中所写实施期与起止年月不一致` });
  }
  for (const item of checklist) {
    add({ id: `form.files.${item.id}`, clause: 'form.attachment', kind: 'attachmentFiles', slot: item.id, severity: 'error', message: `附件「${item.name}」的文件不符合要求`, section: 'attachments' });
  }
  return rules;
}

/** What a rule checks, as a key: a pack rule with the same key makes the form's rule redundant. */
function coverKey(rule: Rule): string | null {
  switch (rule.kind) {
    case 'required':
      return `required:${rule.field}`;
    case 'tableRowCount':
      return rule.min !== undefined && !rule.where ? `required:${rule.table}` : null;
    case 'format':
      return `format:${rule.field}`;
    case 'textLength':
      return `length:${rule.field}`;
    case 'columnConstraint':
      return `cell:${rule.table}.${rule.column}:${Object.keys(rule.constraint)[0] ?? ''}`;
    default:
      return null;
  }
}
