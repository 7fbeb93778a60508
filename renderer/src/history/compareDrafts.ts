import { changedFieldIds } from '../../../shared/history/changedFields';
import type { Draft } from '../../../shared/model/draft';
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

function textsById(draft: Draft, resolved: ResolvedProgram | null): Map<string, string> {
  const map = new Map<string, string>();
  for (const section of readableRevision(draft, resolved)) for (const entry of section.entries) map.set(entry.id, entry.text);
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
