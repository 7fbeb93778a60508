import { PROFILE_FIELD_PREFIX, type ProfileKind } from '../../../shared/ipc/domains/profiles.contract';
import type { FieldValue } from '../../../shared/model/draft';
import { isFilled } from '../../../shared/rules/access';

export const PROFILE_KIND_LABEL: Record<ProfileKind, string> = { unit: '单位档案', person: '个人档案' };

/** The filled fields of a draft's unit (`applicant.*`) or PI (`pi.*`) block: what a profile stores. */
export function profileValuesOf(kind: ProfileKind, values: Record<string, FieldValue>): Record<string, FieldValue> {
  const prefix = PROFILE_FIELD_PREFIX[kind];
  const picked: Record<string, FieldValue> = {};
  for (const [id, value] of Object.entries(values)) if (id.startsWith(prefix) && isFilled(value)) picked[id] = value;
  return picked;
}

/** The name a new profile is offered: the unit's or the person's name. */
export function defaultProfileName(kind: ProfileKind, values: Record<string, FieldValue>): string {
  const name = values[kind === 'unit' ? 'applicant.name' : 'pi.name'];
  return typeof name === 'string' ? name.trim() : '';
}
