import { z } from 'zod';
import { FieldIdSchema, SafeKeySchema } from '../model/draft';
import type { Pack } from '../pack/pack';
import { SeveritySchema } from '../pack/rules';
import { buildDraftPack } from './draftPack';
import { AddedFieldSchema, AddedSectionSchema, applyFormEdits, FieldEditSchema, FormOrderSchema } from './formEdits';
import { editedClauseTree, OutlineEditSchema } from './outlineEdits';
import { ProgramEditSchema, applyProgramEdits } from './programEdits';
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
          /** The 提示文字 the rule shows, when the user rewrote it (an edited limit must not keep saying the old one). */
          message: z.string().trim().min(1, '请填写提示文字').max(500, '提示文字不能超过 500 个字').optional(),
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
    fields: z.record(FieldIdSchema, FieldEditSchema),
    /** Section titles renamed by section id (基本信息 → 项目基本情况). */
    sections: z.record(FieldIdSchema, z.string().trim().min(1, '栏目名称不能为空').max(200, '栏目名称不能超过 200 个字')).optional(),
    /** Sections the notice's form has and the default lacks. */
    addedSections: z.array(AddedSectionSchema).max(20, '新增栏目不能超过 20 个').optional(),
    removedSections: z.array(FieldIdSchema).max(100, '删除的栏目不能超过 100 个').optional(),
    /** New fields the notice asks for, added at the end of a section (or where `order` puts them). */
    addedFields: z.array(AddedFieldSchema).max(100, '新增字段不能超过 100 个').optional(),
    order: FormOrderSchema.optional(),
    /** The programs as the user wants them; absent means as proposed from the notice's outline. */
    programs: z.array(ProgramEditSchema).max(50, '专项不能超过 50 个').optional(),
    /** Merges and splits of the notice's clauses, in order; the proposals are those of the edited tree. */
    outline: z.array(OutlineEditSchema).max(1000, '合并、拆分不能超过 1000 处').optional(),
  })
  .strict();
export type StudioEdits = z.infer<typeof StudioEditsSchema>;
export { ADDED_FIELD_KINDS, formFieldsOf, type AddedField, type AddedSection, type FieldEdit } from './formEdits';

export interface StudioPackResult {
  pack: Pack;
  /** Problems of the edits themselves (Chinese, naming the place); the pack checks come on top. */
  problems: string[];
  undecidedProposals: number;
  undecidedRequirements: number;
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
    proposals.push({ ...p, params: decision.params ?? p.params, severity: decision.severity ?? p.severity, message: decision.message ?? p.message });
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

  applyProgramEdits(pack, edits.programs, problems);
  applyFormEdits(pack, edits, problems);
  const undecidedProposals = set.proposals.filter((p) => !edits.proposals[p.id]).length;
  const undecidedRequirements = set.unrecognized.filter((_, i) => !edits.unrecognized[`u${i}`]).length;
  return { pack, problems, undecidedProposals, undecidedRequirements };
}
