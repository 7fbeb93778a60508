import { DRAFT_PART_IDS } from '../../../shared/history/changedFields';
import { DEFAULT_SECTIONS } from '../../../shared/pack/defaultTemplate';
import type { ResolvedProgram, ResolvedSection } from '../../../shared/pack/resolve';

const PART_LABELS: Record<string, string> = {
  [DRAFT_PART_IDS.guideline]: '申报指南和专项',
  [DRAFT_PART_IDS.planTasks]: '支撑的规划任务',
  [DRAFT_PART_IDS.declarations]: '承诺事项',
  [DRAFT_PART_IDS.status]: '定稿状态',
};

export interface FieldLabeler {
  label(id: string): string;
  /** Position in the form, so that a list of changed fields reads in the order of the form. */
  order(id: string): number;
}

/** Form labels for field, table and attachment-item ids: the open program's, else the default template's. */
export function fieldLabeler(resolved: ResolvedProgram | null): FieldLabeler {
  const sections: ResolvedSection[] = resolved?.sections ?? DEFAULT_SECTIONS;
  const labels = new Map<string, string>(Object.entries(PART_LABELS));
  const order = new Map<string, number>();
  const all: ResolvedSection[] = [...sections, ...DEFAULT_SECTIONS];
  for (const section of all) {
    for (const field of section.fields) {
      if (!labels.has(field.id)) labels.set(field.id, field.label);
      if (!order.has(field.id)) order.set(field.id, order.size);
    }
    for (const item of section.attachments ?? []) {
      if (!labels.has(item.id)) labels.set(item.id, item.name);
      if (!order.has(item.id)) order.set(item.id, order.size);
    }
  }
  return {
    label: (id) => labels.get(id) ?? id,
    order: (id) => order.get(id) ?? Number.MAX_SAFE_INTEGER,
  };
}

/** 「项目名称、项目摘要、关键词 等 5 项」: the first few changed fields by label, and how many in all. */
export function summarizeChanged(ids: readonly string[], labeler: FieldLabeler, shown = 3): string {
  if (ids.length === 0) return '内容没有变化';
  const sorted = [...ids].sort((a, b) => labeler.order(a) - labeler.order(b));
  const names = sorted.slice(0, shown).map((id) => labeler.label(id)).join('、');
  return ids.length > shown ? `${names} 等 ${ids.length} 项` : names;
}
