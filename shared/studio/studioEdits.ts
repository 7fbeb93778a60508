import { z } from 'zod';
import { FieldIdSchema, SafeKeySchema } from '../model/draft';
import { DEFAULT_SECTIONS } from '../pack/defaultTemplate';
import type { Field, TemplatePatch } from '../pack/fields';
import type { Pack } from '../pack/pack';
import { SeveritySchema } from '../pack/rules';
import { buildDraftPack } from './draftPack';
import { editedClauseTree, OutlineEditSchema } from './outlineEdits';
import { proposeRules, type ProposalSet } from './propose';
import type { Proposal } from './types';

/**
 * What the user decided in the 指南工作台, on top of the proposals of a notice: each proposal
 * accepted (possibly with edited parameters or severity) or rejected, each unrecognized requirement
 * turned into a 承诺 or marked 无法离线检查 with a reason, the pack's identity, and form changes.
 * The notice text plus these edits rebuild the same pack (the proposals are deterministic).
 */
export const StudioEditsSchema = z
  .object({
    meta: z
      .object({
        id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, '指南包编号只能由小写字母、数字和连字符组成').min(1, '请填写指南包编号').max(100, '指南包编号不能超过 100 个字符'),
        title: z.string().trim().min(1, '请填写指南名称').max(300, '指南名称不能超过 300 个字符'),
        version: z.string().regex(/^\d{1,4}\.\d{1,4}\.\d{1,4}$/, '版本号应写成「1.0.0」这样的三段数字'),
        year: z.number().int('年度应为整数').min(2000, '年度应在 2000 至 2100 之间').max(2100, '年度应在 2000 至 2100 之间'),
      })
      .strict(),
    /** By proposal id (p1…); a proposal absent here is still undecided. */
    proposals: z.record(
      z.string().regex(/^p\d{1,6}$/, '建议编号不正确'),
      z
        .object({
          status: z.enum(['accepted', 'rejected']),
          params: z.record(SafeKeySchema, z.unknown()).optional(),
          severity: SeveritySchema.optional(),
        })
        .strict(),
    ),
    /** By position in the unrecognized list (u0, u1…); absent means still undecided (the pack says 尚未处理). */
    unrecognized: z.record(
      z.string().regex(/^u\d{1,6}$/, '未识别要求的编号不正确'),
      z.discriminatedUnion('action', [
        z.object({ action: z.literal('declaration'), text: z.string().trim().min(1, '请填写承诺内容').max(1000, '承诺内容不能超过 1000 个字') }).strict(),
        z.object({ action: z.literal('notCheckable'), reason: z.string().trim().min(1, '请写明无法离线检查的原因').max(400, '原因不能超过 400 个字') }).strict(),
      ]),
    ),
    /** Form changes by field id: a new label, required on/off, a 字数 limit (text fields), or removal. */
    fields: z.record(
      FieldIdSchema,
      z
        .object({
          label: z.string().trim().min(1, '字段名称不能为空').max(200, '字段名称不能超过 200 个字').optional(),
          required: z.boolean().optional(),
          maxChars: z.number().int('字数上限应为整数').positive('字数上限应大于 0').max(200_000, '字数上限不能超过 200000').nullable().optional(),
          removed: z.boolean().optional(),
        })
        .strict(),
    ),
    /** Section titles renamed by section id (基本信息 → 项目基本情况). */
    sections: z.record(FieldIdSchema, z.string().trim().min(1, '栏目名称不能为空').max(200, '栏目名称不能超过 200 个字')).optional(),
    /** New fields the notice asks for, added at the end of a section. */
    addedFields: z
      .array(
        z
          .object({
            id: z.string().regex(/^custom\.f\d{1,4}$/, '新字段编号不正确'),
            section: FieldIdSchema,
            label: z.string().trim().min(1, '请填写新字段的名称').max(200, '字段名称不能超过 200 个字'),
            kind: z.enum(['text', 'longText', 'money', 'integer', 'date']),
            required: z.boolean(),
            maxChars: z.number().int('字数上限应为整数').positive('字数上限应大于 0').max(200_000, '字数上限不能超过 200000').optional(),
          })
          .strict(),
      )
      .max(100, '新增字段不能超过 100 个')
      .optional(),
    /** Merges and splits of the notice's clauses, in order; the proposals are those of the edited tree. */
    outline: z.array(OutlineEditSchema).max(1000, '合并、拆分不能超过 1000 处').optional(),
  })
  .strict();
export type StudioEdits = z.infer<typeof StudioEditsSchema>;
export type AddedField = NonNullable<StudioEdits['addedFields']>[number];

/** The kinds a field added in the studio may have, with their names. */
export const ADDED_FIELD_KINDS: Record<AddedField['kind'], string> = { text: '短文字', longText: '长文字（正文）', money: '金额（万元）', integer: '整数', date: '日期' };
export type FieldEdit = StudioEdits['fields'][string];

export interface StudioPackResult {
  pack: Pack;
  /** Problems of the edits themselves (Chinese, naming the place); the pack checks come on top. */
  problems: string[];
  undecidedProposals: number;
  undecidedRequirements: number;
}

/** The form fields of a pack before the studio's own changes: the default template plus the fields the draft pack adds. */
export function formFieldsOf(pack: Pack): { section: string; sectionTitle: string; field: Field }[] {
  const out = DEFAULT_SECTIONS.flatMap((s) => s.fields.map((field) => ({ section: s.id, sectionTitle: s.title, field })));
  for (const add of pack.template?.addFields ?? []) {
    const title = DEFAULT_SECTIONS.find((s) => s.id === add.section)?.title ?? add.section;
    out.push({ section: add.section, sectionTitle: title, field: add.field });
  }
  return out;
}

const oneLine = (quote: string): string => quote.replace(/\s*\n\s*/g, '').trim();

/** The proposals of the notice on the clause tree as the user merged and split it, then the decisions on them. */
export function studioPackFromNotice(text: string, edits: StudioEdits): StudioPackResult {
  const { tree, problems } = editedClauseTree(text, edits.outline);
  const result = studioPack(proposeRules(text, tree), edits);
  return { ...result, problems: [...problems, ...result.problems] };
}

/** Applies the user's decisions to the proposals of a notice and builds the pack to be saved. */
export function studioPack(set: ProposalSet, edits: StudioEdits): StudioPackResult {
  const problems: string[] = [];
  const byId = new Map(set.proposals.map((p) => [p.id, p]));
  for (const id of Object.keys(edits.proposals)) if (!byId.has(id)) problems.push(`建议 ${id}：通知中没有这条建议（通知原文可能已改变）`);

  const proposals: Proposal[] = [];
  for (const p of set.proposals) {
    const decision = edits.proposals[p.id];
    if (decision?.status !== 'accepted') continue;
    proposals.push({ ...p, params: decision.params ?? p.params, severity: decision.severity ?? p.severity });
  }
  const unrecognized = set.unrecognized.filter((_, i) => edits.unrecognized[`u${i}`]?.action !== 'declaration');
  set.unrecognized.forEach((u, i) => {
    const decision = edits.unrecognized[`u${i}`];
    if (decision?.action !== 'declaration') return;
    proposals.push({ id: `pu${i}`, clauseId: u.clauseId, kind: 'declaration', params: { text: decision.text }, severity: 'error', message: decision.text, quote: u.quote, start: u.start, end: u.end, why: '由用户从未识别的要求改为承诺', recognizer: '用户' });
  });
  proposals.sort((a, b) => a.start - b.start);

  const pack = buildDraftPack({ ...set, proposals, unrecognized }, { id: edits.meta.id, title: edits.meta.title });
  pack.version = edits.meta.version;
  pack.year = edits.meta.year;

  // 无法离线检查 with the user's reason replaces the draft's 「尚未处理」 on that requirement's clause.
  set.unrecognized.forEach((u, i) => {
    const decision = edits.unrecognized[`u${i}`];
    if (decision?.action !== 'notCheckable') return;
    const clause = pack.clauses.find((c) => c.quote === oneLine(u.quote).slice(0, 4000) && c.coverage.kind === 'notCheckable');
    if (clause) clause.coverage = { kind: 'notCheckable', reason: decision.reason };
  });

  applyFormAdditions(pack, edits, problems);
  applyFieldEdits(pack, edits.fields, problems);
  const undecidedProposals = set.proposals.filter((p) => !edits.proposals[p.id]).length;
  const undecidedRequirements = set.unrecognized.filter((_, i) => !edits.unrecognized[`u${i}`]).length;
  return { pack, problems, undecidedProposals, undecidedRequirements };
}

const TEXT_KINDS = new Set<Field['kind']>(['text', 'longText']);

/** New fields (at the end of their section) and renamed sections; a field added twice or to no section is named as a problem. */
function applyFormAdditions(pack: Pack, edits: StudioEdits, problems: string[]): void {
  const sections = new Map(DEFAULT_SECTIONS.map((sec) => [sec.id, sec.title]));
  const template: TemplatePatch = pack.template ?? {};
  for (const [id, title] of Object.entries(edits.sections ?? {})) {
    if (!sections.has(id)) problems.push(`申报书表单 › 栏目 ${id}：没有这个栏目`);
    else if (title !== sections.get(id)) template.renameSections = { ...template.renameSections, [id]: title };
  }
  const seen = new Set<string>();
  for (const added of edits.addedFields ?? []) {
    const sectionTitle = sections.get(added.section);
    if (!sectionTitle || added.section === 'declarations' || added.section === 'attachments') {
      problems.push(`申报书表单 › 新字段「${added.label}」：不能加在栏目 ${added.section} 中`);
      continue;
    }
    if (seen.has(added.id)) {
      problems.push(`申报书表单 › 新字段「${added.label}」：编号 ${added.id} 重复`);
      continue;
    }
    seen.add(added.id);
    const field = { id: added.id, kind: added.kind, label: added.label, ...(added.required ? { required: true } : {}), ...(added.maxChars !== undefined && TEXT_KINDS.has(added.kind) ? { maxChars: added.maxChars } : {}) } as Field;
    template.addFields = [...(template.addFields ?? []), { section: added.section, field }];
  }
  if (Object.keys(template).length > 0) pack.template = template;
}

function applyFieldEdits(pack: Pack, fields: StudioEdits['fields'], problems: string[]): void {
  const known = new Map(formFieldsOf(pack).map((f) => [f.field.id, f.field]));
  const template: TemplatePatch = pack.template ?? {};
  for (const [id, edit] of Object.entries(fields)) {
    const field = known.get(id);
    if (!field) {
      problems.push(`申报书表单 › ${id}：没有这个字段`);
      continue;
    }
    if (edit.removed) {
      const added = template.addFields?.findIndex((a) => a.field.id === id) ?? -1;
      if (added >= 0) template.addFields!.splice(added, 1);
      else template.dropFields = [...(template.dropFields ?? []), id];
      continue;
    }
    if (edit.maxChars !== undefined && !TEXT_KINDS.has(field.kind)) {
      problems.push(`申报书表单 › ${field.label}：不是文字字段，不能设字数上限`);
      continue;
    }
    const props: Record<string, unknown> = {};
    if (edit.label !== undefined) props.label = edit.label;
    if (edit.required !== undefined) props.required = edit.required;
    if (edit.maxChars !== undefined && edit.maxChars !== null) props.maxChars = edit.maxChars;
    const added = template.addFields?.find((a) => a.field.id === id);
    if (added) {
      const next = { ...added.field, ...props } as Record<string, unknown>;
      if (edit.maxChars === null) delete next.maxChars;
      added.field = next as Field;
      continue;
    }
    // A default-template field cannot lose its 字数 limit through an override (overrides merge); null keeps it.
    if (Object.keys(props).length > 0) template.overrideFields = { ...template.overrideFields, [id]: props };
  }
  if (template.addFields?.length === 0) delete template.addFields;
  if (Object.keys(template).length > 0) pack.template = template;
}
