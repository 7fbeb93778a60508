import type { Block, Book, HeadingBlock } from '../ast';
import { blockHtml, type RenderState } from './blocks';
import { coverHtml } from './cover';
import { attr, escapeHtml } from './escape';
import { bookCss } from './styles';

export interface RenderBookHtmlOptions {
  /** The page's CSP nonce: the live preview's srcdoc inherits the page CSP, so the one style element carries it. */
  styleNonce?: string;
  /** A data: (or blob:) URL for a figure's sha256; figures without one print a placeholder. */
  figureSrc?: (sha256: string) => string | undefined;
  /** Paged A4 output with margin boxes (PDF), or one continuous sheet (live preview). */
  forPrint: boolean;
  /** The 目录's page numbers by heading text (tocKey), read from a first print of the same book. */
  tocPages?: ReadonlyMap<string, number>;
}

/** `section-<id>` for headings that start a wizard section (scroll-sync), `h-<n>` for the others. */
function anchorsOf(blocks: Block[]): Map<HeadingBlock, string> {
  const anchors = new Map<HeadingBlock, string>();
  const used = new Set<string>();
  let n = 0;
  for (const block of blocks) {
    if (block.type !== 'heading') continue;
    n++;
    const wanted = block.sectionId ? `section-${block.sectionId}` : `h-${n}`;
    const id = used.has(wanted) ? `${wanted}-${n}` : wanted;
    used.add(id);
    anchors.set(block, id);
  }
  return anchors;
}

/** Headings before the table of contents (填报说明, 目录) are not listed in it. */
function tocAnchors(blocks: Block[], anchors: Map<HeadingBlock, string>): Map<HeadingBlock, string> {
  const tocAt = blocks.findIndex((b) => b.type === 'toc');
  const listed = new Map<HeadingBlock, string>();
  blocks.forEach((b, i) => {
    if (b.type === 'heading' && i > tocAt) listed.set(b, anchors.get(b)!);
  });
  return listed;
}

/**
 * Runs of blocks that print on one page: a paragraph marked keepWithNext joins the block after it.
 * Chromium ignores break-after: avoid between paragraphs, but honours break-inside: avoid on a box.
 */
function keptTogether(blocks: Block[]): Block[][] {
  const groups: Block[][] = [];
  let open = false;
  for (const block of blocks) {
    if (open) groups[groups.length - 1]!.push(block);
    else groups.push([block]);
    open = block.type === 'paragraph' && block.keepWithNext === true;
  }
  return groups;
}

/**
 * The book as one complete HTML document. Pure; every piece of text is escaped, the only style
 * element carries the nonce, and there is no script, inline style attribute or event handler.
 */
export function renderBookHtml(book: Book, opts: RenderBookHtmlOptions): string {
  const anchors = anchorsOf(book.blocks);
  const state: RenderState = { figureSrc: opts.figureSrc, css: [], tableCount: 0, anchors: tocAnchors(book.blocks, anchors), tocPages: opts.tocPages };
  // Headings need their ids from `anchors`; the TOC lists only `state.anchors`.
  const one = (block: Block): string => (block.type === 'heading' ? blockHtml(block, { ...state, anchors }) : blockHtml(block, state));
  const html = (blocks: Block[]): string => keptTogether(blocks).map((group) => (group.length === 1 ? one(group[0]!) : `<div class="keep">${group.map(one).join('\n')}</div>`)).join('\n');
  // The first page after the cover is its own named page, so only it resets the page counter.
  const split = book.blocks.findIndex((b) => b.type === 'pageBreak');
  const firstPage = html(split >= 0 ? book.blocks.slice(0, split) : book.blocks);
  // The page-name change already breaks the page, so that first break block is not printed again.
  const rest = split >= 0 ? html(book.blocks.slice(split + (opts.forPrint ? 1 : 0))) : '';
  const css = bookCss({ projectName: book.meta.projectName, provenance: book.meta.provenance, forPrint: opts.forPrint, extra: state.css.join('\n') });
  const nonce = opts.styleNonce ? attr('nonce', opts.styleNonce) : '';
  const screenHeader = opts.forPrint ? '' : `<div class="running-header">${escapeHtml(book.meta.projectName)}</div>`;
  const screenFooter = opts.forPrint ? '' : `<div class="provenance">${escapeHtml(book.meta.provenance)}</div>`;
  const watermark = book.meta.watermark ? '<div class="watermark" aria-hidden="true">草稿</div>' : '';
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(`${book.meta.projectName} — ${book.meta.documentName}`)}</title>
<style${nonce}>${css}</style></head>
<body${attr('class', opts.forPrint ? 'print' : 'screen')}>${watermark}${screenHeader}
${coverHtml(book.cover)}
<div class="body-start">${firstPage}</div>
${rest}${screenFooter}
</body></html>`;
}
