import { AlignmentType, HeadingLevel, PageBreak, Paragraph, TextRun, type FileChild } from 'docx';
import type { AttachmentListBlock, Block, HeadingBlock, ListBlock, ParagraphBlock, ParagraphRole } from '../../../../shared/book/ast';
import { NO_ATTACHMENTS, attachmentTable } from '../../../../shared/book/attachmentTable';
import { figureBlock } from './figures';
import { BODY_INDENT } from './fonts';
import { inlineRuns } from './runs';
import { signatureBlock } from './signature';
import { STYLE } from './styles';
import { tableBlock } from './tables';
import { TocField, type TocEntry } from './toc';

const HEADING = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3, 4: HeadingLevel.HEADING_4 } as const;
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.BOTH } as const;
const ROLE_STYLE: Record<ParagraphRole, string> = {
  body: STYLE.body,
  note: STYLE.note,
  caption: STYLE.caption,
  tableText: STYLE.tableText,
  signature: STYLE.signature,
};

function heading(block: HeadingBlock): FileChild {
  return new Paragraph({ heading: HEADING[block.level], children: [new TextRun(block.text)] });
}

const NO_INDENT = { firstLine: 0, firstLineChars: 0 } as const;

function paragraph(block: ParagraphBlock): FileChild {
  const role = block.role ?? 'body';
  const indented = block.firstLineIndent ?? role === 'body';
  // Only body text is indented by its style; direct formatting is written only where the block differs.
  const styleIndents = role === 'body';
  return new Paragraph({
    style: ROLE_STYLE[role],
    // Body text is justified by its style; only a different alignment is written.
    alignment: block.align && !(role === 'body' && block.align === 'justify') ? ALIGN[block.align] : undefined,
    indent: indented === styleIndents ? undefined : indented ? BODY_INDENT : NO_INDENT,
    // A signature line and the sentence above it move to the next page together, never alone.
    keepNext: block.keepWithNext === true ? true : undefined,
    keepLines: block.keepWithNext === true ? true : undefined,
    children: inlineRuns(block.runs),
  });
}

/** Items carry their marker as text (1. / ·) rather than a numbering definition: it reads the same everywhere. */
function list(block: ListBlock): FileChild[] {
  return block.items.map(
    (item, i) => new Paragraph({ style: STYLE.body, children: [new TextRun(block.ordered ? `${i + 1}. ` : '· '), ...inlineRuns(item)] }),
  );
}

/** The same table, columns and words as the PDF's (shared/book/attachmentTable). */
function attachmentList(block: AttachmentListBlock): FileChild[] {
  if (block.items.length === 0) return [paragraph({ type: 'paragraph', role: 'note', runs: [{ type: 'text', text: NO_ATTACHMENTS }] })];
  return tableBlock(attachmentTable(block));
}

/** 「目录」 spaced by two ideographic spaces, as 申报书 templates print it. */
const DEFAULT_TOC_TITLE = '目\u3000\u3000录';
const tocTitle = (text: string): FileChild => new Paragraph({ style: STYLE.tocTitle, children: [new TextRun(text)] });

export interface PrintContext {
  /** Figure bytes, read beforehand (see index.ts). */
  image(sha256: string): Buffer;
  toc: readonly TocEntry[];
}

/** One AST block → the docx elements that print it. */
export function printBlock(block: Block, context: PrintContext): FileChild[] {
  switch (block.type) {
    case 'heading':
      return [heading(block)];
    case 'paragraph':
      return [paragraph(block)];
    case 'list':
      return list(block);
    case 'table':
      return tableBlock(block);
    case 'figure':
      return figureBlock(block, context.image(block.sha256));
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
    case 'signature':
      return signatureBlock(block);
    case 'attachmentList':
      return attachmentList(block);
    case 'toc':
      return [new TocField(context.toc)];
  }
}

/**
 * All blocks in order. A heading right before the TOC is its title (「目录」): it is printed
 * in the title style, not as a heading, so it is neither listed in the TOC nor in the outline.
 * A TOC without such a heading gets the default title.
 */
export function printBlocks(blocks: readonly Block[], context: PrintContext): FileChild[] {
  const out: FileChild[] = [];
  blocks.forEach((block, i) => {
    const next = blocks[i + 1];
    if (block.type === 'heading' && next?.type === 'toc') out.push(tocTitle(block.text));
    else if (block.type === 'toc' && blocks[i - 1]?.type !== 'heading') out.push(tocTitle(DEFAULT_TOC_TITLE), ...printBlock(block, context));
    else out.push(...printBlock(block, context));
  });
  return out;
}
