import type { Book } from '../ast';
import type { Draft } from '../../model/draft';
import { draftTitle } from '../../model/draft';
import type { Pack } from '../../pack/pack';
import type { RuleResult } from '../../rules/types';
import { isBlocking } from '../../rules/engine';
import { contextFor } from './context';
import { buildCover } from './cover';
import { bookFacts } from './facts';
import { chinaParts } from './format';
import { instructions, tableOfContents } from './frontMatter';
import { bodyBlocks } from './sections';
import { DOCUMENT_NAME } from '../../model/draft';

export interface BuildBookInput {
  draft: Draft;
  pack: Pack;
  /** The stored revision the book is printed from (footer provenance). */
  revision: number;
  /** The pack's content hash (sha256 hex). */
  packHash: string;
  /** Validation results of this draft: anything blocking (待填写, 无法检查, 错误) puts the 「草稿」 watermark on. */
  results: readonly RuleResult[];
  /** ISO datetime of the export; shown in China time. */
  generatedAt: string;
}

/** Anything that blocks 定稿 (待填写, 无法检查, 错误): the same test as the package's blockers. */
export function hasErrors(results: readonly RuleResult[]): boolean {
  return results.some(isBlocking);
}

/**
 * Draft + pack → the book both printers consume. Pure and total: any draft DraftSchema accepts
 * prints, a missing or unknown program falls back to the pack's default template.
 */
export function buildBook(input: BuildBookInput): Book {
  const { draft, pack } = input;
  const ctx = contextFor(draft, pack);
  const documentName = DOCUMENT_NAME[ctx.documentType];
  const when = chinaParts(input.generatedAt);
  const time = when ? `${when.date} ${when.time}` : input.generatedAt;
  return {
    meta: {
      documentType: ctx.documentType,
      documentName,
      projectName: draftTitle(draft),
      packId: pack.id,
      packVersion: pack.version,
      packHash: input.packHash,
      draftId: draft.id,
      revision: input.revision,
      watermark: hasErrors(input.results) || draft.status !== 'final',
      // The live preview has no pack hash at hand; the files always do.
      facts: bookFacts(ctx),
      provenance: `依据 ${pack.title} ${pack.version}${input.packHash ? `（${input.packHash.slice(0, 8)}）` : ' '}· 草稿修订 ${input.revision} · 生成于 ${time}`,
    },
    cover: buildCover(ctx),
    blocks: [...instructions(ctx, documentName), ...tableOfContents(), ...bodyBlocks(ctx)],
  };
}
