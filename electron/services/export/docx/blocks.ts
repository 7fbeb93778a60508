import { AlignmentType, HeadingLevel, PageBreak, Paragraph, TextRun, type FileChild } from 'docx';
import type { AttachmentListBlock, Block, HeadingBlock, ListBlock, ParagraphBlock, ParagraphRole } from '../../../../shared/book/ast';
import { NO_ATTACHMENTS, attachmentTable } from '../../../../shared/book/attachmentTable';
import { figureBlock } from './figures';
import { LIST_REFERENCE } from './numbering';
import { BODY_INDENT } from './fonts';
import { inlineRuns } from './runs';
import { signatureBlock } from './signature';
import { STYLE } from './styles';
import { tableBlock } from './tables';
import { TocField, type TocEntry } from './toc';

const HEADING = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3, 4: HeadingLevel.HEADING_4, 5: HeadingLevel.HEADING_5 } as const;
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.BOTH } as const;
const ROLE_STYLE: Record<ParagraphRole, string> = {
  body: STYLE.body,
  note: STYLE.note,
  caption: STYLE.caption,
  tableText: STYLE.tableText,
  signature: STYLE.signature,
};

function heading(block: HeadingBlock, pageBreakBefore?: true): FileChild {
  return new Paragraph({ heading: HEADING[block.level], pageBreakBefore, children: [new TextRun(block.text)] });
}

const NO_INDENT = { firstLine: 0, firstLineChars: 0 } as const;

function paragraph(block: ParagraphBlock, pageBreakBefore?: true): FileChild {
  const role = block.role ?? 'body';
  const indented = block.firstLineIndent ?? role === 'body';
  // Only body text is indented by its style; direct formatting is written only where the block differs.
  const styleIndents = role === 'body';
  return new Paragraph({
    style: ROLE_STYLE[role],
    pageBreakBefore,
    // Body text is justified by its style; only a different alignment is written.
    alignment: block.align && !(role === 'body' && block.align === 'justify') ? ALIGN[block.align] : undefined,
    indent: indented === styleIndents ? undefined : indented ? BODY_INDENT : NO_INDENT,
    // A signature line and the sentence above it move to the next page together, never alone.
    keepNext: block.keepWithNext === true ? true : undefined,
    keepLines: block.keepWithNext === true ? true : undefined,
    children: inlineRuns(block.runs),
  });
}

/** Real Word numbering: each list is its own instance, so every ordered list starts at 1 and an inserted item renumbers. */
function list(block: ListBlock, context: PrintContext): FileChild[] {
  const instance = ++context.lists.count;
  const reference = block.ordered ? LIST_REFERENCE.ordered : LIST_REFERENCE.bullet;
  return block.items.map((item) => new Paragraph({ style: STYLE.body, numbering: { reference, level: 0, instance }, children: inlineRuns(item) }));
}

/** The same table, columns and words as the PDF's (shared/book/attachmentTable). */
function attachmentList(block: AttachmentListBlock): FileChild[] {
  if (block.items.length === 0) return [paragraph({ type: 'paragraph', role: 'note', runs: [{ type: 'text', text: NO_ATTACHMENTS }] })];
  return tableBlock(attachmentTable(block));
}

/** 「目录」 spaced by two ideographic spaces, as 申报书 templates print it. */
const DEFAULT_TOC_TITLE = '目\u3000\u3000录';
const tocTitle = (text: string, pageBreakBefore?: true): FileChild => new Paragraph({ style: STYLE.tocTitle, pageBreakBefore, children: [new TextRun(text)] });

export interface PrintContext {
  /** Figure bytes, read beforehand (see index.ts). */
  image(sha256: string): Buffer;
  toc: readonly TocEntry[];
  /** Lists printed so far: the numbering instance of the next one. */
  lists: { count: number };
}

/** One AST block → the docx elements that print it. */
export function printBlock(block: Block, context: PrintContext): FileChild[] {
  switch (block.type) {
    case 'heading':
      return [heading(block)];
    case 'paragraph':
      return [paragraph(block)];
    case 'list':
      return list(block, context);
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
  // A page break is pageBreakBefore on the heading or paragraph after it, never an empty paragraph
  // of its own (which would leave a blank line at the top of the new page, or a blank page).
  let breakBefore: true | undefined;
  blocks.forEach((block, i) => {
    const next = blocks[i + 1];
    if (block.type === 'pageBreak' && (next?.type === 'heading' || next?.type === 'paragraph' || next?.type === 'toc')) {
      breakBefore = true;
      return;
    }
    if (block.type === 'heading' && next?.type === 'toc') out.push(tocTitle(block.text, breakBefore));
    else if (block.type === 'toc' && blocks[i - 1]?.type !== 'heading') out.push(tocTitle(DEFAULT_TOC_TITLE, breakBefore), ...printBlock(block, context));
    else if (block.type === 'heading') out.push(heading(block, breakBefore));
    else if (block.type === 'paragraph') out.push(paragraph(block, breakBefore));
    else out.push(...printBlock(block, context));
    breakBefore = undefined;
  });
  return out;
}
