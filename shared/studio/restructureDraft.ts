import { buildDraftPack } from './draftPack';
import { editedClauseTree, type OutlineEdit } from './outlineEdits';
import { proposeRules } from './propose';
import type { StudioEdits } from './studioEdits';
import type { StudioDraftFile } from './studioFile';

export interface Restructured {
  draft: StudioDraftFile;
  edits: StudioEdits;
  /** Steps that do not fit the tree (Chinese); when not empty, nothing should be changed. */
  problems: string[];
}

/** What a merge or split may move: a proposal or an unrecognized requirement with its quoted span. */
interface Spanned {
  kind: string;
  params: Record<string, unknown>;
  when?: unknown;
  start: number;
  end: number;
}

/** Equal objects give equal text whatever the key order. */
const stable = (v: unknown): string =>
  JSON.stringify(v ?? null, (_, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x));
/** A directions tree's ids follow the section's position, which a merge may shift: its kind says enough. */
const sameRule = (a: Spanned, b: Spanned): boolean => a.kind === b.kind && (a.kind === 'directionChosen' || (stable(a.params) === stable(b.params) && stable(a.when) === stable(b.when)));
const overlap = (a: Spanned, b: Spanned): number => Math.min(a.end, b.end) - Math.max(a.start, b.start);

/**
 * The decisions on `before` carried to the same items in `after`: first the item with the same kind
 * and quoted span (the n-th of equals keeps the n-th decision); then, when a merge or split moved the
 * sentence's bounds, the item of the same kind and parameters whose quote overlaps the old one most.
 */
export function carryDecisions<T extends Spanned, D>(before: readonly T[], after: readonly T[], decisions: Readonly<Record<string, D>>, idOf: (item: T) => string): Record<string, D> {
  const spanKey = (x: T): string => `${x.kind}|${x.start}|${x.end}`;
  const numbered = (items: readonly T[]): string[] => {
    const seen = new Map<string, number>();
    return items.map((x) => {
      const k = spanKey(x);
      const n = seen.get(k) ?? 0;
      seen.set(k, n + 1);
      return `${k}#${n}`;
    });
  };
  const newByKey = new Map(numbered(after).map((k, i) => [k, after[i]!]));
  const oldKeys = new Map(numbered(before).map((k, i) => [idOf(before[i]!), k]));
  const taken = new Set<T>();
  const carried: Record<string, D> = {};
  const unmatched: T[] = [];
  for (const old of before) {
    const decision = decisions[idOf(old)];
    if (decision === undefined) continue;
    const same = newByKey.get(oldKeys.get(idOf(old))!);
    if (same && !taken.has(same)) {
      taken.add(same);
      carried[idOf(same)] = decision;
    } else unmatched.push(old);
  }
  for (const old of unmatched) {
    let best: T | null = null;
    for (const candidate of after) {
      if (taken.has(candidate) || !sameRule(old, candidate) || overlap(old, candidate) <= 0) continue;
      if (!best || overlap(old, candidate) > overlap(old, best)) best = candidate;
    }
    if (best) {
      taken.add(best);
      carried[idOf(best)] = decisions[idOf(old)]!;
    }
  }
  return carried;
}

/**
 * The studio's working draft after the clause tree is merged or split: proposals and unrecognized
 * requirements recomputed on the edited tree (as the server does when saving), and the decisions
 * already made carried over to the proposals that are still there.
 */
export function restructureDraft(draft: StudioDraftFile, edits: StudioEdits, outline: OutlineEdit[]): Restructured {
  const text = draft.notice.text;
  const { tree, problems } = editedClauseTree(text, outline);
  const set = proposeRules(text, tree);

  const proposals = carryDecisions(draft.proposals, set.proposals, edits.proposals, (p) => p.id);

  const oldRequirements = draft.unrecognized.map((u, i) => ({ ...u, id: `u${i}`, kind: 'requirement', params: {} }));
  const newRequirements = set.unrecognized.map((u, i) => ({ ...u, id: `u${i}`, kind: 'requirement', params: {} }));
  const unrecognized = carryDecisions(oldRequirements, newRequirements, edits.unrecognized, (u) => u.id);

  // Program ids follow the outline's order: a program the user edited is found again by its proposed
  // name; one whose heading the merge took away stays in the list as the user's own (without the notice's rules).
  const pack = buildDraftPack(set, { id: draft.pack.id, title: draft.pack.title });
  const programs = edits.programs?.map((p) => {
    const before = draft.pack.programs.find((x) => x.id === p.from);
    if (!before) return p;
    const after = pack.programs.find((x) => x.name === before.name);
    if (after) return { ...p, from: after.id };
    const { from: _gone, ...own } = p;
    return own;
  });

  return {
    draft: { ...draft, clauses: tree.clauses, proposals: set.proposals, unrecognized: set.unrecognized, pack },
    edits: { ...edits, proposals, unrecognized, outline, ...(programs ? { programs } : {}) },
    problems,
  };
}
