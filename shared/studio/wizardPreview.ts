import type { DocumentType } from '../model/draft';
import { PackSchema, type Pack, type Program } from '../pack/pack';
import { resolveProgram, type ResolvedProgram } from '../pack/resolve';

export type WizardPreview =
  | { ok: true; program: Program; documentTypes: DocumentType[]; documentType: DocumentType; resolved: ResolvedProgram; directionRule: { leaf: boolean } | null }
  | { ok: false; problem: string };

/**
 * What a draft on the pack being edited would show, resolved exactly as the wizard resolves it
 * (default template, the pack's and the program's patches, declarations, checklist, rules): the
 * chosen program (default the first) and document type (default the program's first).
 */
export function wizardPreview(draftPack: Pack, programId?: string, documentType?: DocumentType): WizardPreview {
  const parsed = PackSchema.safeParse(draftPack);
  if (!parsed.success) return { ok: false, problem: '指南包还有格式问题（见「检查与保存」），暂时无法预览' };
  const pack = parsed.data;
  const program = pack.programs.find((p) => p.id === programId) ?? pack.programs[0];
  if (!program) return { ok: false, problem: '指南包中没有专项，无法预览' };
  const type = documentType && program.documentTypes.includes(documentType) ? documentType : program.documentTypes[0]!;
  const resolved = resolveProgram(pack, program.id, type);
  if (!resolved) return { ok: false, problem: '无法按本指南包生成申报书，暂时无法预览' };
  const rule = resolved.rules.find((r) => r.kind === 'directionChosen');
  return { ok: true, program, documentTypes: program.documentTypes, documentType: type, resolved, directionRule: rule && rule.kind === 'directionChosen' ? { leaf: rule.leaf === true } : null };
}
