import type { Block, HeadingBlock } from '../ast';
import { attachmentFigures, attachmentList, declarationBlocks, opinionBlocks } from './closing';
import { hasField, type BuildContext } from './context';

/** 承诺书 followed by the opinion boxes; 附件清单 followed by the image attachments. */
export function closingOf(ctx: BuildContext, kind: 'declarations' | 'attachments', opinionsHeading: () => HeadingBlock): Block[] {
  if (kind === 'attachments') return [attachmentList(ctx), ...attachmentFigures(ctx)];
  return [...declarationBlocks(ctx), { type: 'pageBreak' }, opinionsHeading(), ...opinionBlocks(hasField(ctx, 'project.recommender'))];
}
