import { buildDraftPack } from './draftPack';
import { editedClauseTree, type OutlineEdit } from './outlineEdits';
import { proposeRules } from './propose';
import type { StudioEdits } from './studioEdits';
import type { StudioDraftFile } from './studioFile';
import type { Proposal, Unrecognized } from './types';

export interface Restructured {
  draft: StudioDraftFile;
  edits: StudioEdits;
  /** Steps that do not fit the tree (Chinese); when not empty, nothing should be changed. */
  problems: string[];
}

/** A proposal is "the same" after a merge or split when its kind and quoted span are; the n-th of equals keeps the n-th decision. */
function keys<T>(items: readonly T[], key: (item: T) => string): string[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const k = key(item);
    const n = seen.get(k) ?? 0;
    seen.set(k, n + 1);
    return `${k}#${n}`;
  });
}
const proposalKey = (p: Proposal): string => `${p.kind}|${p.start}|${p.end}`;
const requirementKey = (u: Unrecognized): string => `${u.start}|${u.end}`;

/**
 * The studio's working draft after the clause tree is merged or split: proposals and unrecognized
 * requirements recomputed on the edited tree (as the server does when saving), and the decisions
 * already made carried over to the proposals that are still there.
 */
export function restructureDraft(draft: StudioDraftFile, edits: StudioEdits, outline: OutlineEdit[]): Restructured {
  const text = draft.notice.text;
  const { tree, problems } = editedClauseTree(text, outline);
  const set = proposeRules(text, tree);

  const oldProposalKeys = new Map(keys(draft.proposals, proposalKey).map((k, i) => [draft.proposals[i]!.id, k]));
  const newProposalIds = new Map(keys(set.proposals, proposalKey).map((k, i) => [k, set.proposals[i]!.id]));
  const proposals: StudioEdits['proposals'] = {};
  for (const [id, decision] of Object.entries(edits.proposals)) {
    const moved = newProposalIds.get(oldProposalKeys.get(id) ?? '');
    if (moved) proposals[moved] = decision;
  }

  const oldRequirementKeys = keys(draft.unrecognized, requirementKey);
  const newRequirementIndex = new Map(keys(set.unrecognized, requirementKey).map((k, i) => [k, i]));
  const unrecognized: StudioEdits['unrecognized'] = {};
  for (const [id, decision] of Object.entries(edits.unrecognized)) {
    const moved = newRequirementIndex.get(oldRequirementKeys[Number(id.slice(1))] ?? '');
    if (moved !== undefined) unrecognized[`u${moved}`] = decision;
  }

  return {
    draft: { ...draft, clauses: tree.clauses, proposals: set.proposals, unrecognized: set.unrecognized, pack: buildDraftPack(set, { id: draft.pack.id, title: draft.pack.title }) },
    edits: { ...edits, proposals, unrecognized, outline },
    problems,
  };
}
