import { labelOf, ownValue, textOf, valueOf } from '../access';
import { GUIDELINE_REF, fail, notApplicable, pass, pending, type KindSpec, type OtherDraft, type RuleOf } from '../types';

const normalizeKey = (text: string): string => text.trim().toUpperCase();

/**
 * The other drafts by normalized key value, built once per list of other drafts and key field: the
 * home page checks every draft of the store against the same list, and comparing each with each
 * cost 0.7 s at 2,000 drafts. Callers pass a list once made and never change it (rules/session
 * compares it by identity too); the WeakMap lets it go with the list.
 */
const byKeyValue = new WeakMap<readonly OtherDraft[], Map<string, Map<string, OtherDraft[]>>>();

function othersSharing(others: readonly OtherDraft[], field: string, key: string): readonly OtherDraft[] {
  let perField = byKeyValue.get(others);
  if (!perField) {
    perField = new Map();
    byKeyValue.set(others, perField);
  }
  let index = perField.get(field);
  if (!index) {
    index = new Map();
    for (const o of others) {
      const text = textOf(ownValue(o.values, field));
      if (text === null) continue;
      const value = normalizeKey(text);
      const same = index.get(value);
      if (same) same.push(o);
      else index.set(value, [o]);
    }
    perField.set(field, index);
  }
  return index.get(normalizeKey(key)) ?? [];
}

/**
 * Counts the drafts of this computer's store (this one included) that share the key value, in
 * the same pack year or pack, of the same document type (a 项目建议书 and its 申报书 are one
 * project), and in the same program / direction root when grouped. Other applicants' drafts
 * are invisible to the app, which the message says.
 */
export const crossDraftLimit: KindSpec<RuleOf<'crossDraftLimit'>> = {
  refs: (r) => [{ at: 'key', field: r.key }, GUIDELINE_REF],
  evaluate: (r, env) => {
    const key = textOf(valueOf(env.draft, r.key));
    const g = env.draft.guideline;
    if (g === null) return notApplicable();
    if (key === null) return pending([labelOf(env, r.key)]);
    const pack = env.resolved.pack;
    // Among the drafts with the same key value (othersSharing).
    const matches = (o: OtherDraft): boolean => {
      if (o.id === env.draft.id || o.documentType !== g.documentType) return false;
      if (r.scope === 'samePack' ? o.packId !== pack.id : o.year !== pack.year) return false;
      if (r.groupBy === 'program') return o.programId === g.programId;
      if (r.groupBy === 'directionRoot') return g.directionPath.length > 0 && o.directionPath[0] === g.directionPath[0];
      return true;
    };
    const count = 1 + othersSharing(env.ctx.otherDrafts ?? [], r.key, key).filter(matches).length;
    const scope = r.scope === 'samePack' ? '本指南' : `${pack.year}年度`;
    const group = r.groupBy === 'program' ? '同一专项' : r.groupBy === 'directionRoot' ? '同一大类' : '';
    const said = `${scope}${group}中「${key}」共有 ${count} 份申报（含本草稿；仅统计本机草稿）`;
    return count > r.max ? fail(`${said}，超过 ${r.max} 项`) : pass(said);
  },
};
