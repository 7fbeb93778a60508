import type { DocumentType } from '../model/draft';
import type { Condition } from './condition';
import { DEFAULT_SECTIONS } from './defaultTemplate';
import { formRules } from './formRules';
import type { Field, Section, TemplatePatch } from './fields';
import type { ApplicationWindow, AttachmentItem, Contact, Declaration, Funding, Pack, Program } from './pack';
import type { Rule } from './rules';

/** A section after all patches, with the declarations / checklist items it shows. */
export interface ResolvedSection extends Section {
  declarations?: Declaration[];
  attachments?: AttachmentItem[];
}

export interface ResolvedProgram {
  pack: Pack;
  program: Program;
  documentType: DocumentType;
  sections: ResolvedSection[];
  window: ApplicationWindow | undefined;
  contacts: Contact[];
  funding: Funding | null;
  /** Pack rules, program rules, the rules synthesized from declarations and required checklist items, then the form's rules (formRules.ts). */
  rules: Rule[];
  declarations: Declaration[];
  checklist: AttachmentItem[];
}

export const DECLARATIONS_SECTION = 'declarations';
export const ATTACHMENTS_SECTION = 'attachments';

export function findProgram(pack: Pack, programId: string): Program | undefined {
  return pack.programs.find((p) => p.id === programId);
}

/**
 * The program's final shape: DEFAULT_SECTIONS, then the pack's template patch, then the
 * program's; sections not meant for this document type are dropped.
 */
export function resolveProgram(pack: Pack, programId: string, documentType: DocumentType): ResolvedProgram | null {
  const program = findProgram(pack, programId);
  if (!program) return null;
  let sections: ResolvedSection[] = structuredClone(DEFAULT_SECTIONS);
  if (pack.template) sections = applyTemplatePatch(sections, pack.template);
  if (program.template) sections = applyTemplatePatch(sections, program.template);
  sections = sections.filter((s) => !s.documentTypes || s.documentTypes.includes(documentType));

  const declarations = [...(pack.declarations ?? []), ...(program.declarations ?? [])];
  const checklist = [...(pack.attachments ?? []), ...(program.attachments ?? [])];
  for (const section of sections) {
    if (section.id === DECLARATIONS_SECTION) section.declarations = declarations;
    if (section.id === ATTACHMENTS_SECTION) section.attachments = checklist;
  }
  return {
    pack,
    program,
    documentType,
    sections,
    window: program.window ?? pack.window,
    contacts: program.contacts ?? pack.contacts ?? [],
    funding: program.funding,
    rules: withFormRules(sections, checklist, [...(pack.rules ?? []), ...program.rules, ...synthesizedRules(declarations, checklist)]),
    declarations,
    checklist,
  };
}

/** The guideline's rules, then the form's own (required items, formats, 字数, cells, files) that no pack rule already checks. */
function withFormRules(sections: ResolvedSection[], checklist: AttachmentItem[], rules: Rule[]): Rule[] {
  return [...rules, ...formRules(sections, checklist, rules)];
}

/** Declarations become `declarationTrue` rules and required checklist items `attachmentPresent` rules. */
export function synthesizedRules(declarations: Declaration[], checklist: AttachmentItem[]): Rule[] {
  const rules: Rule[] = [];
  for (const d of declarations) {
    rules.push({
      id: `${d.id}.ticked`,
      kind: 'declarationTrue',
      declaration: d.id,
      severity: 'error',
      message: `须勾选承诺「${shorten(d.text, 80)}」`,
      clause: d.clause,
      section: DECLARATIONS_SECTION,
      ...(d.when ? { when: d.when } : {}),
    });
  }
  for (const item of checklist) {
    if (!item.required) continue;
    rules.push({
      id: `${item.id}.present`,
      kind: 'attachmentPresent',
      slot: item.id,
      severity: 'error',
      message: `须上传附件「${item.name}」`,
      clause: item.clause ?? '',
      section: ATTACHMENTS_SECTION,
      ...(item.when ? { when: item.when as Condition } : {}),
    });
  }
  return rules;
}

function shorten(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…`;
}

type AddedSection = NonNullable<TemplatePatch['addSections']>[number];

/** Applies one patch: drop, rename, add, then override (so overrides may target fields added by the same patch). */
export function applyTemplatePatch(input: ResolvedSection[], patch: TemplatePatch): ResolvedSection[] {
  const dropSections = new Set(patch.dropSections ?? []);
  const dropFields = new Set(patch.dropFields ?? []);
  let sections: ResolvedSection[] = input
    .filter((s) => !dropSections.has(s.id))
    .map((s) => ({ ...s, fields: s.fields.filter((f) => !dropFields.has(f.id)) }));

  for (const [id, title] of Object.entries(patch.renameSections ?? {})) {
    sections = sections.map((s) => (s.id === id ? { ...s, title } : s));
  }
  for (const added of patch.addSections ?? []) sections = insertSection(sections, added);
  for (const { section, after, field } of patch.addFields ?? []) {
    sections = sections.map((s) => (s.id === section ? { ...s, fields: insertAfter(s.fields, structuredClone(field), after) } : s));
  }
  const overrides = patch.overrideFields ?? {};
  if (Object.keys(overrides).length > 0) {
    sections = sections.map((s) => ({
      ...s,
      fields: s.fields.map((f) => {
        const props = overrides[f.id];
        // The id is what everything else refers to: an override never renames a field.
        return props ? ({ ...f, ...structuredClone(props), id: f.id } as Field) : f;
      }),
    }));
  }
  return sections;
}

function insertSection(sections: ResolvedSection[], added: AddedSection): ResolvedSection[] {
  const { after, ...rest } = added;
  const section: ResolvedSection = structuredClone(rest);
  const without = sections.filter((s) => s.id !== section.id);
  return insertAfter(without, section, after);
}

/** Inserts after the item with id `after`; at the end when `after` is absent or unknown. */
function insertAfter<T extends { id: string }>(items: T[], item: T, after: string | undefined): T[] {
  const index = after === undefined ? -1 : items.findIndex((i) => i.id === after);
  if (index < 0) return [...items, item];
  return [...items.slice(0, index + 1), item, ...items.slice(index + 1)];
}

/** Where a field id lives in the resolved program. */
export interface FieldLocation {
  section: string;
  field: Field | null;
  kind: 'field' | 'declaration' | 'attachment';
}

export function fieldIndex(resolved: ResolvedProgram): Map<string, FieldLocation> {
  const index = new Map<string, FieldLocation>();
  for (const s of resolved.sections) {
    for (const f of s.fields) if (!index.has(f.id)) index.set(f.id, { section: s.id, field: f, kind: 'field' });
  }
  for (const d of resolved.declarations) index.set(d.id, { section: DECLARATIONS_SECTION, field: null, kind: 'declaration' });
  for (const a of resolved.checklist) index.set(a.id, { section: ATTACHMENTS_SECTION, field: null, kind: 'attachment' });
  return index;
}
