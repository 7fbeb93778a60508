export { buildClauseTree, clauseAt, childrenOf, mergeWithNext, splitClause, type ClauseTree, type NoticeClause } from './outline';
export { proposeRules, RECOGNIZERS, type ProposalSet } from './propose';
export { buildDraftPack, noticeTitle, type DraftPackOptions } from './draftPack';
export { draftFromNotice, STUDIO_FORMAT, StudioDraftEnvelopeSchema, type StudioDraftFile } from './studioFile';
export type { Proposal, Unrecognized } from './types';
