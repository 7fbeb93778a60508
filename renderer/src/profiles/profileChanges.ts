import type { FieldValue } from '../../../shared/model/draft';
import type { Section } from '../../../shared/pack/fields';

export interface ProfileChange {
  id: string;
  label: string;
  from: FieldValue | undefined;
  to: FieldValue;
}

const isEmpty = (v: FieldValue | undefined): boolean => v === undefined || v === '';

/**
 * What applying a profile to a draft would change: only the profile's values whose field the
 * draft's form has (a pack may drop some), and only where they differ from what is there now.
 * `overwrites` are the ones that replace something the applicant already wrote.
 */
export function profileChanges(
  profileValues: Record<string, FieldValue>,
  current: Record<string, FieldValue>,
  sections: readonly Section[],
): { changes: ProfileChange[]; overwrites: number; skipped: string[] } {
  const fields = new Map<string, string>();
  for (const s of sections) for (const f of s.fields) if (f.kind !== 'table' && !f.derived) fields.set(f.id, f.label);
  const changes: ProfileChange[] = [];
  const skipped: string[] = [];
  for (const [id, to] of Object.entries(profileValues)) {
    const label = fields.get(id);
    if (label === undefined) {
      skipped.push(id);
      continue;
    }
    if (isEmpty(to) || current[id] === to) continue;
    changes.push({ id, label, from: current[id], to });
  }
  return { changes, overwrites: changes.filter((c) => !isEmpty(c.from)).length, skipped };
}
