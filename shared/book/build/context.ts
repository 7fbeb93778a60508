import type { Draft, DocumentType, FieldValue } from '../../model/draft';
import { DEFAULT_SECTIONS } from '../../pack/defaultTemplate';
import type { Field } from '../../pack/fields';
import type { AttachmentItem, Declaration, Direction, Pack, Program } from '../../pack/pack';
import { applyTemplatePatch, findProgram, resolveProgram, type ResolvedSection } from '../../pack/resolve';
import { ownValue } from '../../rules/access';
import { evalCondition } from '../../rules/condition';
import { derivedPiValue, fieldText } from './format';

/** What every part of the builder reads: the draft and the program's final shape. */
export interface BuildContext {
  draft: Draft;
  pack: Pack;
  program: Program | null;
  documentType: DocumentType;
  sections: ResolvedSection[];
  declarations: Declaration[];
  checklist: AttachmentItem[];
}

/**
 * The program's sections via resolveProgram; a draft without a (known) program still prints,
 * against the default template patched by the pack, so a preview never goes blank.
 */
export function contextFor(draft: Draft, pack: Pack): BuildContext {
  const documentType: DocumentType = draft.guideline?.documentType ?? 'application';
  const resolved = draft.guideline ? resolveProgram(pack, draft.guideline.programId, documentType) : null;
  if (resolved) {
    return {
      draft,
      pack,
      program: resolved.program,
      documentType,
      sections: resolved.sections,
      declarations: resolved.declarations,
      checklist: resolved.checklist,
    };
  }
  let sections: ResolvedSection[] = structuredClone(DEFAULT_SECTIONS);
  if (pack.template) sections = applyTemplatePatch(sections, pack.template);
  sections = sections.filter((s) => !s.documentTypes || s.documentTypes.includes(documentType));
  return { draft, pack, program: null, documentType, sections, declarations: pack.declarations ?? [], checklist: pack.attachments ?? [] };
}

export function isVisible(ctx: BuildContext, item: { visibleWhen?: Field['visibleWhen']; when?: Field['visibleWhen'] }): boolean {
  const condition = item.visibleWhen ?? item.when;
  return condition === undefined || evalCondition(condition, ctx.draft);
}

export function rawValue(ctx: BuildContext, id: string): FieldValue | undefined {
  const value = ownValue(ctx.draft.values, id);
  if (value !== undefined && value !== null && value !== '') return value;
  return derivedPiValue(id, ownValue(ctx.draft.values, 'pi.idNumber'));
}

/** The printed text of a value field, or '' when blank. */
export function valueText(ctx: BuildContext, field: Field): string {
  return fieldText(field, rawValue(ctx, field.id));
}

/** The printed text of a field id wherever it lives in the program, '' when absent or blank. */
export function textOfId(ctx: BuildContext, id: string): string {
  for (const section of ctx.sections) {
    const field = section.fields.find((f) => f.id === id);
    if (field) return valueText(ctx, field);
  }
  const raw = rawValue(ctx, id);
  return typeof raw === 'string' ? raw.trim() : '';
}

export function hasField(ctx: BuildContext, id: string): boolean {
  return ctx.sections.some((s) => s.fields.some((f) => f.id === id && isVisible(ctx, f)));
}

/** 「技术创新类／电子信息」: the chosen direction's names from the root down. */
export function directionText(ctx: BuildContext): string {
  const path = ctx.draft.guideline?.directionPath ?? [];
  const names: string[] = [];
  let level: Direction[] = ctx.program?.directions ?? [];
  for (const id of path) {
    const node = level.find((d) => d.id === id);
    if (!node) break;
    names.push(node.name);
    level = node.children ?? [];
  }
  return names.join('／');
}

export function programName(ctx: BuildContext): string {
  if (ctx.program) return ctx.program.name;
  const id = ctx.draft.guideline?.programId;
  return id ? (findProgram(ctx.pack, id)?.name ?? '') : '';
}
