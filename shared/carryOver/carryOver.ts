import type { Draft, DraftPatch, FieldValue, TableRow } from '../model/draft';
import type { Field } from '../pack/fields';
import { fieldIndex, type ResolvedProgram } from '../pack/resolve';
import { isFilled, isRowFilled } from '../rules/access';

/** What carries over between packs, by common field id (DEFAULT_SECTIONS keeps these ids in every pack). */
export const CARRY_OVER_GROUPS = [
  { id: 'unit', label: '申报单位', matches: (id: string) => id.startsWith('applicant.') },
  { id: 'pi', label: '项目负责人', matches: (id: string) => id.startsWith('pi.') },
  { id: 'team', label: '项目组成员', matches: (id: string) => id === 'members' },
  { id: 'partners', label: '合作单位', matches: (id: string) => id === 'partners' },
  {
    id: 'narrative',
    label: '项目内容',
    matches: (id: string) => id.startsWith('narrative.') || id === 'project.summary' || id === 'project.keywords',
  },
] as const;
export type CarryOverGroup = (typeof CARRY_OVER_GROUPS)[number]['id'];

export interface DroppedField {
  /** The source id; a table column is `table.column`. */
  id: string;
  /** The source pack's label (「项目负责人 · 所属人才计划」), or the id when the source pack is not installed. */
  label: string;
  group: CarryOverGroup;
}

export interface CarryOverResult {
  patch: Required<Pick<DraftPatch, 'values' | 'tables'>>;
  /** Filled source fields (and table columns) the target program has no place for: shown, never silently dropped. */
  dropped: DroppedField[];
  copied: number;
}

function groupOf(id: string): CarryOverGroup | null {
  return CARRY_OVER_GROUPS.find((g) => g.matches(id))?.id ?? null;
}

/**
 * Copies the unit, PI, team, partners and narrative of `source` into a draft of `target`.
 * `sourceProgram` (the source draft's resolved program, when its pack is installed) only supplies labels.
 */
export function carryOver(
  source: Pick<Draft, 'values' | 'tables'>,
  target: ResolvedProgram,
  sourceProgram: ResolvedProgram | null,
  groups: readonly CarryOverGroup[] = CARRY_OVER_GROUPS.map((g) => g.id),
): CarryOverResult {
  const wanted = new Set(groups);
  const targetFields = fieldIndex(target);
  const sourceFields = sourceProgram ? fieldIndex(sourceProgram) : null;
  const sectionTitle = (program: ResolvedProgram | null, sectionId: string) => program?.sections.find((s) => s.id === sectionId)?.title ?? '';
  const labelOf = (id: string): string => {
    const at = sourceFields?.get(id);
    if (!at?.field) return id;
    const title = sectionTitle(sourceProgram, at.section);
    return title && title !== at.field.label ? `${title} · ${at.field.label}` : at.field.label;
  };

  const values: Record<string, FieldValue> = {};
  const tables: Record<string, TableRow[]> = {};
  const dropped: DroppedField[] = [];
  let copied = 0;

  for (const [id, value] of Object.entries(source.values)) {
    const group = groupOf(id);
    if (!group || !wanted.has(group) || !isFilled(value)) continue;
    const at = targetFields.get(id);
    if (at?.kind === 'field' && at.field && at.field.kind !== 'table') {
      values[id] = value;
      copied++;
    } else {
      dropped.push({ id, label: labelOf(id), group });
    }
  }

  for (const [id, rows] of Object.entries(source.tables)) {
    const group = groupOf(id);
    const filled = (rows ?? []).filter(isRowFilled);
    if (!group || !wanted.has(group) || filled.length === 0) continue;
    const targetTable = tableField(targetFields.get(id)?.field ?? null);
    if (!targetTable) {
      dropped.push({ id, label: labelOf(id), group });
      continue;
    }
    const keep = new Set(targetTable.columns.map((c) => c.id));
    const lost = new Set<string>();
    tables[id] = filled.map((row) => {
      const copy: TableRow = {};
      for (const [column, cell] of Object.entries(row)) {
        if (keep.has(column)) copy[column] = cell;
        else if (isFilled(cell)) lost.add(column);
      }
      return copy;
    });
    copied++;
    const sourceTable = tableField(sourceFields?.get(id)?.field ?? null);
    for (const column of lost) {
      const columnLabel = sourceTable?.columns.find((c) => c.id === column)?.label ?? column;
      dropped.push({ id: `${id}.${column}`, label: `${sourceTable?.label ?? id} · ${columnLabel}`, group });
    }
  }
  return { patch: { values, tables }, dropped, copied };
}

function tableField(field: Field | null): Extract<Field, { kind: 'table' }> | null {
  return field?.kind === 'table' ? field : null;
}
