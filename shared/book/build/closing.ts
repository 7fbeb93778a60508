import type { AttachmentListBlock, Block, FigureBlock, HeadingBlock, ParagraphBlock } from '../ast';
import { numberAttachments } from './attachmentNumbers';
import { hasField, isVisible, type BuildContext } from './context';

const para = (text: string, props: Omit<ParagraphBlock, 'type' | 'runs'> = {}): ParagraphBlock => ({ type: 'paragraph', runs: [{ type: 'text', text }], ...props });

/**
 * 承诺书: the commitments the program shows, as numbered prose in the pack's words (a signed
 * letter, not a checklist: whether each was ticked is the app's check, and an unticked one keeps
 * the 「草稿」 watermark on). The closing sentence and every signature line stay on one page.
 */
export function declarationBlocks(ctx: BuildContext): Block[] {
  const shown = ctx.declarations.filter((d) => isVisible(ctx, d));
  const blocks: Block[] = [para('本单位及项目负责人郑重承诺：', { role: 'body', firstLineIndent: true })];
  if (shown.length === 0) blocks.push(para('（本指南未列承诺事项）', { role: 'note' }));
  else blocks.push({ type: 'list', ordered: true, items: shown.map((d) => [{ type: 'text', text: d.text }]) });
  const keep = { keepWithNext: true } as const;
  blocks.push(
    para('如有不实，愿承担相应责任。', { role: 'body', firstLineIndent: true, ...keep }),
    para('项目负责人（签字）：', { role: 'signature', align: 'right', ...keep }),
    para('申报单位法定代表人（签字）：', { role: 'signature', align: 'right', ...keep }),
    para('申报单位（盖章）', { role: 'signature', align: 'right', ...keep }),
    para('年　　月　　日', { role: 'signature', align: 'right' }),
  );
  return blocks;
}

/** 单位意见 and, when the program names a recommender, 推荐单位意见. */
export function opinionBlocks(withRecommender: boolean): Block[] {
  const blocks: Block[] = [{ type: 'signature', title: '申报单位意见', lines: ['负责人签字：'], sealLabel: '单位（盖章）' }];
  if (withRecommender) blocks.push({ type: 'signature', title: '推荐单位意见', lines: ['负责人签字：'], sealLabel: '单位（盖章）' });
  return blocks;
}

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** 附件清单: the checklist items this draft is asked for, with the files provided. */
export function attachmentList(ctx: BuildContext): AttachmentListBlock {
  const items = numberAttachments(ctx.checklist, ctx.draft).flatMap(({ item, no }) =>
    no === null
      ? []
      : [{ no, name: item.name, required: item.required, files: (Object.hasOwn(ctx.draft.attachments, item.id) ? (ctx.draft.attachments[item.id] ?? []) : []).map((a) => a.name) }],
  );
  return { type: 'attachmentList', items };
}

/** Images among the provided attachments, printed after the list (scans of licences, certificates). */
export function attachmentFigures(ctx: BuildContext): FigureBlock[] {
  const figures: FigureBlock[] = [];
  for (const { item, no } of numberAttachments(ctx.checklist, ctx.draft)) {
    if (no === null) continue;
    const files = Object.hasOwn(ctx.draft.attachments, item.id) ? (ctx.draft.attachments[item.id] ?? []) : [];
    for (const file of files) {
      if (!IMAGE_TYPES.has(file.mediaType)) continue;
      figures.push({ type: 'figure', sha256: file.sha256, mediaType: file.mediaType, caption: `附件${no}\u3000${item.name}（${file.name}）`, width: 0.8 });
    }
  }
  return figures;
}

/** 承诺书 followed by the opinion boxes; 附件清单 followed by the image attachments. */
export function closingOf(ctx: BuildContext, kind: 'declarations' | 'attachments', opinionsHeading: () => HeadingBlock): Block[] {
  if (kind === 'attachments') return [attachmentList(ctx), ...attachmentFigures(ctx)];
  return [...declarationBlocks(ctx), { type: 'pageBreak' }, opinionsHeading(), ...opinionBlocks(hasField(ctx, 'project.recommender'))];
}
