import type { Field, Option } from '../../../shared/pack/fields';
import { formFieldsOf } from '../../../shared/studio/studioEdits';
import type { StudioDraftFile } from '../../../shared/studio/studioFile';

/** Names for what proposals refer to: form fields by their labels, choices by their option labels. */
export interface FieldNames {
  label(id: string): string;
  /** The options of the field a `values` list chooses from (valueIn / valueNotIn), if it has options. */
  optionsOf(params: Record<string, unknown>): Option[] | null;
}

export function fieldNamesOf(draft: StudioDraftFile): FieldNames {
  const fields = new Map<string, Field>(formFieldsOf(draft.pack).map((f) => [f.field.id, f.field]));
  return {
    label: (id) => fields.get(id)?.label ?? id,
    optionsOf(params) {
      const field = typeof params.field === 'string' ? fields.get(params.field) : undefined;
      return field && (field.kind === 'select' || field.kind === 'multiSelect') ? field.options : null;
    },
  };
}

/** A parameter value as the user reads it: field labels for field references, option labels for choices. */
export function paramText(names: FieldNames, params: Record<string, unknown>, path: readonly (string | number)[], value: unknown, editable: boolean): string {
  const key = path[path.length - 1];
  if (key === 'values' && Array.isArray(value)) {
    const options = names.optionsOf(params);
    return value.map((v) => options?.find((o) => o.value === v)?.label ?? String(v)).join('、');
  }
  if (!editable && typeof value === 'string' && (key === 'field' || key === 'idNumberField' || key === 'birthDateField' || key === 'table' || key === 'key')) return names.label(value);
  if (Array.isArray(value)) return value.join('、');
  if (typeof value === 'boolean') return value ? '是' : '否';
  return String(value);
}
