import { z } from 'zod';
import type { Direction, Pack, Program } from '../pack/pack';
import type { Rule } from '../pack/rules';
import { depthOf } from './directions';

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, '编号只能由小写字母、数字和连字符组成').max(100, '编号不能超过 100 个字符');

export interface DirectionEdit {
  id: string;
  code?: string | undefined;
  name: string;
  description?: string | undefined;
  children?: DirectionEdit[] | undefined;
}

export const DirectionEditSchema: z.ZodType<DirectionEdit> = z.lazy(() =>
  z
    .object({
      id: Id,
      code: z.string().max(20, '方向编号不能超过 20 个字').optional(),
      name: z.string().trim().min(1, '支持方向名称不能为空').max(200, '支持方向名称不能超过 200 个字'),
      description: z.string().max(4000, '支持方向说明不能超过 4000 个字').optional(),
      children: z.array(DirectionEditSchema).max(100, '一级下的支持方向不能超过 100 个').optional(),
    })
    .strict(),
);

const Short = (max: number, what: string) => z.string().trim().max(max, `${what}不能超过 ${max} 个字`);

export const ContactEditSchema = z
  .object({
    department: z.string().trim().min(1, '请填写联系部门').max(200, '联系部门不能超过 200 个字'),
    scope: Short(500, '负责范围').optional(),
    people: z.array(Short(50, '联系人姓名')).max(20, '联系人不能超过 20 位'),
    phones: z.array(Short(50, '联系电话')).max(20, '联系电话不能超过 20 个'),
    address: Short(300, '地址').optional(),
  })
  .strict();

/** 万元 as typed: up to two decimals, so every amount is a whole number of yuan. */
const Wan = z.number().nonnegative('资助额度不能为负数').max(1_000_000, '资助额度不能超过 1000000 万元').nullable().optional();

/**
 * A program as the user wants it. `from` names the proposed program it continues (its rules,
 * 承诺, attachments and contacts come along); absent for a program the user added. Funding and
 * directions absent mean 「as proposed」.
 */
export const ProgramEditSchema = z
  .object({
    id: Id,
    from: z.string().max(100).optional(),
    name: z.string().trim().min(1, '请填写专项名称').max(200, '专项名称不能超过 200 个字'),
    fundingMinWan: Wan,
    fundingMaxWan: Wan,
    fundingForms: z.array(Short(50, '资助方式').min(1, '资助方式不能为空')).max(10, '资助方式不能超过 10 种').optional(),
    documentTypes: z.array(z.enum(['proposal', 'application'])).min(1, '至少选择一种申报材料（项目建议书或项目申报书）').optional(),
    contacts: z.array(ContactEditSchema).max(20, '联系人不能超过 20 组').optional(),
    directions: z.array(DirectionEditSchema).max(200, '支持方向不能超过 200 个').optional(),
  })
  .strict();
export type ProgramEdit = z.infer<typeof ProgramEditSchema>;

const yuan = (wan: number): number => Math.round(wan * 10_000);

const isFiscalRange = (r: Rule): r is Extract<Rule, { kind: 'moneyRange' }> => r.kind === 'moneyRange' && 'table' in r.amount && r.amount.table === 'budget' && r.amount.column === 'fiscal';

/** 须选到最末一级 only when the tree has more than one level. */
function withLeaf(rule: Extract<Rule, { kind: 'directionChosen' }>, leaf: boolean): Rule {
  const { leaf: _old, ...rest } = rule;
  return leaf ? { ...rest, leaf: true } : rest;
}

const cleanDirections = (ds: DirectionEdit[]): Direction[] =>
  ds.map((d) => ({ id: d.id, ...(d.code ? { code: d.code } : {}), name: d.name.trim(), ...(d.description ? { description: d.description } : {}), ...(d.children && d.children.length > 0 ? { children: cleanDirections(d.children) } : {}) }));

/** The programs the pack proposes, as the list the user starts editing from. */
export function programEditsOf(pack: Pack): ProgramEdit[] {
  return pack.programs.map((p) => ({ id: p.id, from: p.id, name: p.name }));
}

/**
 * Replaces the proposed programs by the user's list: renamed, removed, added, funding in 万元
 * (which also sets the 财政资金 range the program's rule checks), directions edited. Requirements
 * only a removed program checked are marked as no longer checked, never left claiming a rule.
 */
export function applyProgramEdits(pack: Pack, edits: readonly ProgramEdit[] | undefined, problems: string[]): void {
  if (!edits) return;
  if (edits.length === 0) {
    problems.push('专项：至少要保留一个专项');
    return;
  }
  const proposed = new Map(pack.programs.map((p) => [p.id, p]));
  const before = coverageOf(pack);
  const ids = new Set<string>();
  const programs: Program[] = [];
  for (const edit of edits) {
    const where = `专项「${edit.name}」`;
    if (ids.has(edit.id)) {
      problems.push(`${where}：编号 ${edit.id} 重复`);
      continue;
    }
    ids.add(edit.id);
    const base = edit.from ? proposed.get(edit.from) : undefined;
    if (edit.from && !base) problems.push(`${where}：通知中已没有原来的专项 ${edit.from}（条款结构可能已改变），按新增专项处理`);
    const program: Program = base
      ? structuredClone(base)
      : { id: edit.id, name: edit.name, accepting: true, documentTypes: ['application'], funding: null, directions: [], rules: [] };
    program.id = edit.id;
    program.name = edit.name.trim();
    if (edit.documentTypes) program.documentTypes = [...new Set(edit.documentTypes)];
    if (edit.directions) {
      program.directions = cleanDirections(edit.directions);
      const leaf = depthOf(program.directions) > 1;
      program.rules = program.directions.length === 0 ? program.rules.filter((r) => r.kind !== 'directionChosen') : program.rules.map((r) => (r.kind === 'directionChosen' ? withLeaf(r, leaf) : r));
    }
    if (edit.fundingMinWan !== undefined || edit.fundingMaxWan !== undefined) setFunding(program, edit, where, problems);
    if (edit.fundingForms) program.funding = edit.fundingForms.length > 0 || program.funding?.min !== undefined || program.funding?.max !== undefined ? { ...(program.funding ?? {}), forms: edit.fundingForms } : null;
    if (edit.contacts) {
      const contacts = edit.contacts.map((c) => ({ ...c, department: c.department.trim(), people: c.people.filter((x) => x !== ''), phones: c.phones.filter((x) => x !== '') }));
      if (contacts.length > 0) program.contacts = contacts;
      else delete program.contacts;
    }
    programs.push(program);
  }
  pack.programs = programs;
  releaseUncited(pack, before);
}

function setFunding(program: Program, edit: ProgramEdit, where: string, problems: string[]): void {
  const min = edit.fundingMinWan ?? null;
  const max = edit.fundingMaxWan ?? null;
  if (min !== null && max !== null && min > max) {
    problems.push(`${where}：资助额度下限（${min} 万元）高于上限（${max} 万元）`);
    return;
  }
  if (max === 0) {
    problems.push(`${where}：资助额度上限应大于 0`);
    return;
  }
  const forms = program.funding?.forms ?? [];
  program.funding = min === null && max === null && forms.length === 0 ? null : { forms, ...(program.funding?.note ? { note: program.funding.note } : {}), ...(min !== null ? { min: yuan(min) } : {}), ...(max !== null ? { max: yuan(max) } : {}) };
  // The rule checks what the program says: the same range, or no rule when no range is stated.
  program.rules = program.rules.flatMap((r) => {
    if (!isFiscalRange(r)) return [r];
    if (min === null && max === null) return [];
    const { min: _min, max: _max, ...rest } = r;
    return [{ ...rest, ...(min !== null ? { min: yuan(min) } : {}), ...(max !== null ? { max: yuan(max) } : {}) } as Rule];
  });
}

interface Cover {
  clauses: Set<string>;
  declarations: Set<string>;
}

function coverageOf(pack: Pack): Cover {
  const all = [pack, ...pack.programs];
  return {
    clauses: new Set(all.flatMap((x) => [...(x.rules ?? []).map((r) => r.clause), ...(x.attachments ?? []).flatMap((a) => (a.clause ? [a.clause] : []))])),
    declarations: new Set(all.flatMap((x) => (x.declarations ?? []).map((d) => d.id))),
  };
}

/** A clause whose rules or 承诺 went with a removed program (or range) says so instead of claiming them. */
function releaseUncited(pack: Pack, before: Cover): void {
  const now = coverageOf(pack);
  for (const c of pack.clauses) {
    const lost = c.coverage.kind === 'rules' ? before.clauses.has(c.id) && !now.clauses.has(c.id) : c.coverage.kind === 'declaration' && before.declarations.has(c.coverage.declaration) && !now.declarations.has(c.coverage.declaration);
    if (lost) c.coverage = { kind: 'notCheckable', reason: '检查这条要求的专项或规则已在指南工作台中删除，不再检查' };
  }
}
