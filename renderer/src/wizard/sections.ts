import { DEFAULT_SECTIONS } from '../../../shared/pack/defaultTemplate';
import type { ResolvedProgram, ResolvedSection } from '../../../shared/pack/resolve';

/** The 审阅与定稿 step after the last section. */
export const REVIEW_STEP = '__review';

/**
 * The sections the wizard walks through. A draft without a guideline gets the default template
 * without rules; its empty 承诺书 / 附件清单 sections (no pack, no items) are left out.
 */
export function wizardSections(resolved: ResolvedProgram | null): ResolvedSection[] {
  if (resolved) return resolved.sections;
  return DEFAULT_SECTIONS.filter((s) => s.fields.length > 0);
}

/** Every id a section shows: fields, declarations and attachment slots. */
export function idsOfSection(section: ResolvedSection): string[] {
  return [...section.fields.map((f) => f.id), ...(section.declarations ?? []).map((d) => d.id), ...(section.attachments ?? []).map((a) => a.id)];
}

/**
 * The shown id a rule's field path points at: itself, or the longest known id it starts with
 * (`members[2].name` and `members.2.name` belong to `members`).
 */
export function locateField(sections: readonly ResolvedSection[], fieldPath: string): { sectionId: string; fieldId: string } | null {
  let best: { sectionId: string; fieldId: string } | null = null;
  for (const section of sections) {
    for (const id of idsOfSection(section)) {
      const matches = fieldPath === id || fieldPath.startsWith(`${id}.`) || fieldPath.startsWith(`${id}[`);
      if (matches && (!best || id.length > best.fieldId.length)) best = { sectionId: section.id, fieldId: id };
    }
  }
  return best;
}
