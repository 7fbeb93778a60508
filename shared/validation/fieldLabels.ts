import { DEFAULT_SECTIONS } from '../pack/defaultTemplate';
import type { Section } from '../pack/fields';

/**
 * The form's Chinese labels by field id, and for table columns as `<table id>/<column id>`, so an
 * error message names a field the way the form does. The default template's are always known; the
 * pack registry adds each installed pack's own fields (setFieldLabelSource), computed only when a
 * message first needs them. A label already known is kept: common ids mean the same everywhere.
 */

export type LabelEntries = Iterable<readonly [string, string]>;

let labels: Map<string, string> | null = null;
const sources = new Map<string, () => LabelEntries>();

/** Entries for a list of sections: fields (with the section's title where the label alone is ambiguous), columns, checklist items. */
export function sectionLabels(sections: readonly (Section & { attachments?: readonly { id: string; name: string }[] })[]): [string, string][] {
  const entries: [string, string][] = [];
  const uses = new Map<string, number>();
  for (const section of sections) for (const field of section.fields) uses.set(field.label, (uses.get(field.label) ?? 0) + 1);
  for (const section of sections) {
    entries.push([section.id, section.title]);
    for (const field of section.fields) {
      // 「姓名」 or 「手机」 alone do not say whose; the section title does.
      const ambiguous = field.label.length <= 2 || (uses.get(field.label) ?? 0) > 1;
      entries.push([field.id, ambiguous && field.label !== section.title ? `${section.title}·${field.label}` : field.label]);
      if (field.kind === 'table') for (const column of field.columns) entries.push([`${field.id}/${column.id}`, column.label]);
    }
    for (const item of section.attachments ?? []) entries.push([item.id, item.name]);
  }
  return entries;
}

function build(): Map<string, string> {
  const map = new Map<string, string>(sectionLabels(DEFAULT_SECTIONS));
  for (const source of sources.values()) {
    let entries: LabelEntries;
    try {
      entries = source();
    } catch {
      // A label source must never turn an error message into a crash; its ids are then echoed.
      continue;
    }
    for (const [id, label] of entries) if (!map.has(id)) map.set(id, label);
  }
  return map;
}

/** Registers (or replaces, by key) a lazy source of labels, e.g. one installed pack version. */
export function setFieldLabelSource(key: string, source: () => LabelEntries): void {
  sources.set(key, source);
  labels = null;
}

export function fieldLabel(fieldId: string): string | undefined {
  labels ??= build();
  return labels.get(fieldId);
}

export function columnLabel(tableId: string, columnId: string): string | undefined {
  labels ??= build();
  return labels.get(`${tableId}/${columnId}`);
}
