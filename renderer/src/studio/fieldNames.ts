import type { Field, Option } from '../../../shared/pack/fields';
import { formFieldsOf } from '../../../shared/studio/studioEdits';
import type { StudioDraftFile } from '../../../shared/studio/studioFile';

/** Names for what proposals refer to: form fields by their labels, choices by their option labels. */
export interface FieldNames {
  label(id: string): string;
  /** A table column's label (经费预算表 › 财政资金), or the id when the table or column is not in the form. */
  columnLabel(tableId: unknown, columnId: string): string;
  /** The options of the field a `values` list chooses from (valueIn / valueNotIn), if it has options. */
  optionsOf(params: Record<string, unknown>): Option[] | null;
}

export function fieldNamesOf(draft: StudioDraftFile): FieldNames {
  const fields = new Map<string, Field>(formFieldsOf(draft.pack).map((f) => [f.field.id, f.field]));
  return {
    label: (id) => fields.get(id)?.label ?? id,
    columnLabel(tableId, columnId) {
      const table = typeof tableId === 'string' ? fields.get(tableId) : undefined;
      return (table?.kind === 'table' ? table.columns.find((c) => c.id === columnId)?.label : undefined) ?? columnId;
    },
    optionsOf(params) {
      const field = typeof params.field === 'string' ? fields.get(params.field) : undefined;
      return field && (field.kind === 'select' || field.kind === 'multiSelect') ? field.options : null;
    },
  };
}

/** The choices of crossDraftLimit's scope and groupBy (shared/pack/rules.ts), as the user reads them. */
const CHOICE_NAMES: Record<string, Record<string, string>> = {
  scope: { sameYear: '同一年度的草稿', samePack: '同一指南的草稿' },
  groupBy: { none: '不分组', program: '按专项分别计数', directionRoot: '按一级支持方向分别计数' },
};

const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2})?(?:\.\d+)?\+08:00$/;

/** 「2027年4月15日 17:30」 for the window's ISO times, only when written in 北京时间 (+08:00, as the recognizers write them); any other offset is shown as it is. */
function dateTimeText(value: string): string | null {
  const m = ISO_DATETIME.exec(value);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日 ${m[4]}:${m[5]}` : null;
}

/** The object holding the value at `path` (for a column: the amount whose table it belongs to). */
function parentOf(params: Record<string, unknown>, path: readonly (string | number)[]): Record<string, unknown> | null {
  let node: unknown = params;
  for (const step of path.slice(0, -1)) node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[step] : undefined;
  return node !== null && typeof node === 'object' ? (node as Record<string, unknown>) : null;
}

/** A parameter value as the user reads it: field labels for field references, option labels for choices. */
export function paramText(names: FieldNames, params: Record<string, unknown>, path: readonly (string | number)[], value: unknown, editable: boolean): string {
  const key = path[path.length - 1];
  if (typeof key === 'string' && typeof value === 'string' && CHOICE_NAMES[key]?.[value]) return CHOICE_NAMES[key][value];
  if (key === 'column' && typeof value === 'string') return names.columnLabel(parentOf(params, path)?.table, value);
  if ((key === 'opens' || key === 'closes') && typeof value === 'string') return dateTimeText(value) ?? value;
  if (key === 'values' && Array.isArray(value)) {
    const options = names.optionsOf(params);
    return value.map((v) => options?.find((o) => o.value === v)?.label ?? String(v)).join('、');
  }
  if (!editable && typeof value === 'string' && (key === 'field' || key === 'idNumberField' || key === 'birthDateField' || key === 'table' || key === 'key')) return names.label(value);
  if (Array.isArray(value)) return value.join('、');
  if (typeof value === 'boolean') return value ? '是' : '否';
  return String(value);
}
