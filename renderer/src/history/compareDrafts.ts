import { changedFieldIds, DRAFT_PART_IDS } from '../../../shared/history/changedFields';
import type { Draft } from '../../../shared/model/draft';
import type { Direction } from '../../../shared/pack/pack';
import { DEFAULT_SECTIONS } from '../../../shared/pack/defaultTemplate';
import type { ResolvedProgram } from '../../../shared/pack/resolve';
import { fieldLabeler } from './fieldLabels';
import { readableRevision } from './revisionValues';

export interface FieldChange {
  id: string;
  label: string;
  before: string;
  after: string;
  /** Long text: shown as a text diff rather than old → new. */
  narrative: boolean;
}

const DOCUMENT_TYPE_NAMES: Record<string, string> = { application: '项目申报书', proposal: '项目建议书' };

/**
 * The guideline a version was written on, as the user reads it (「1.0.0 版指南 · 高原特色产业专项 · 项目申报书 ·
 * 盐湖资源综合利用」): an upgrade or a change of program is then visible in the comparison, not 「（空） → （空）」.
 * Names come from the open program; another program's are not at hand, so it is only said to be another.
 */
function guidelineText(draft: Draft, resolved: ResolvedProgram | null): string {
  const g = draft.guideline;
  if (!g) return '';
  const same = resolved?.program.id === g.programId;
  const parts = [`${g.packVersion} 版指南`, same ? resolved.program.name : '另一个专项', DOCUMENT_TYPE_NAMES[g.documentType] ?? ''];
  let level: Direction[] = same ? resolved.program.directions : [];
  const names: string[] = [];
  for (const id of g.directionPath) {
    const found = level.find((d) => d.id === id);
    if (!found) break;
    names.push(found.name);
    level = found.children ?? [];
  }
  if (names.length > 0) parts.push(names.join(' › '));
  return parts.filter((p) => p !== '').join(' · ');
}

function textsById(draft: Draft, resolved: ResolvedProgram | null): Map<string, string> {
  const map = new Map<string, string>();
  for (const section of readableRevision(draft, resolved)) for (const entry of section.entries) map.set(entry.id, entry.text);
  map.set(DRAFT_PART_IDS.guideline, guidelineText(draft, resolved));
  return map;
}

/** A stored version against the current content, field by field, in form order: only what differs. */
export function compareDrafts(older: Draft, current: Draft, resolved: ResolvedProgram | null): FieldChange[] {
  const labeler = fieldLabeler(resolved);
  const narratives = new Set((resolved?.sections ?? DEFAULT_SECTIONS).flatMap((s) => s.fields).filter((f) => f.kind === 'longText').map((f) => f.id));
  const before = textsById(older, resolved);
  const after = textsById(current, resolved);
  return changedFieldIds(older, current)
    .sort((a, b) => labeler.order(a) - labeler.order(b))
    .map((id) => {
      const b = before.get(id) ?? '';
      const a = after.get(id) ?? '';
      return { id, label: labeler.label(id), before: b, after: a, narrative: narratives.has(id) || b.length > 80 || a.length > 80 };
    });
}
