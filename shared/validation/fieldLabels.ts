import { DEFAULT_SECTIONS } from '../pack/defaultTemplate';

/**
 * The form's Chinese labels for the common field ids every pack keeps (DEFAULT_SECTIONS), and for
 * table columns as `<table id>/<column id>`. Error messages name a field the way the form does.
 */
let labels: Map<string, string> | null = null;

function build(): Map<string, string> {
  const map = new Map<string, string>();
  const uses = new Map<string, number>();
  for (const section of DEFAULT_SECTIONS) for (const field of section.fields) uses.set(field.label, (uses.get(field.label) ?? 0) + 1);
  for (const section of DEFAULT_SECTIONS) {
    map.set(section.id, section.title);
    for (const field of section.fields) {
      // 「姓名」 or 「手机」 alone do not say whose; the section title does.
      const ambiguous = field.label.length <= 2 || (uses.get(field.label) ?? 0) > 1;
      const label = ambiguous && field.label !== section.title ? `${section.title}·${field.label}` : field.label;
      map.set(field.id, label);
      if (field.kind === 'table') for (const column of field.columns) map.set(`${field.id}/${column.id}`, column.label);
    }
  }
  return map;
}

export function fieldLabel(fieldId: string): string | undefined {
  labels ??= build();
  return labels.get(fieldId);
}

export function columnLabel(tableId: string, columnId: string): string | undefined {
  labels ??= build();
  return labels.get(`${tableId}/${columnId}`);
}
