import type { Block, Inline, TableCell } from '../book/ast';
import type { RichBlock, RichDoc, RichInline, RichListItem, RichTableCell } from './schema';
import { inlineText } from './plainText';

function runsOf(content: RichInline[] | undefined): Inline[] {
  const runs: Inline[] = [];
  for (const node of content ?? []) {
    if (node.type === 'hardBreak') {
      runs.push({ type: 'lineBreak' });
      continue;
    }
    const marks = new Set((node.marks ?? []).map((m) => m.type));
    runs.push({
      type: 'text',
      text: node.text,
      ...(marks.has('bold') && { bold: true }),
      ...(marks.has('italic') && { italic: true }),
      ...(marks.has('underline') && { underline: true }),
      ...(marks.has('superscript') && { superscript: true }),
      ...(marks.has('subscript') && { subscript: true }),
    });
  }
  return runs;
}

/** Runs of a container's blocks, joined by line breaks (list items and table cells hold one "paragraph" in the book). */
function flatRuns(blocks: RichBlock[]): Inline[] {
  const runs: Inline[] = [];
  const push = (more: Inline[]): void => {
    if (more.length === 0) return;
    if (runs.length > 0) runs.push({ type: 'lineBreak' });
    runs.push(...more);
  };
  for (const b of blocks) {
    if (b.type === 'paragraph' || b.type === 'heading') push(runsOf(b.content));
    else if (b.type === 'figure') push(b.attrs.caption === '' ? [] : [{ type: 'text', text: b.attrs.caption }]);
    else if (b.type === 'table') for (const row of b.content) push(row.content.flatMap((c) => flatRuns(c.content)));
    else for (const item of b.content) push(flatRuns(item.content));
  }
  return runs;
}

/** A list item's own text; nested lists follow it as further items of the same (flat) book list. */
function listItems(items: RichListItem[], out: Inline[][]): void {
  for (const item of items) {
    const own = item.content.filter((b) => b.type !== 'bulletList' && b.type !== 'orderedList');
    out.push(flatRuns(own));
    for (const b of item.content) if (b.type === 'bulletList' || b.type === 'orderedList') listItems(b.content, out);
  }
}

function tableCell(cell: RichTableCell): TableCell {
  const colSpan = cell.attrs?.colspan ?? 1;
  const rowSpan = cell.attrs?.rowspan ?? 1;
  return {
    runs: flatRuns(cell.content),
    ...(colSpan > 1 && { colSpan }),
    ...(rowSpan > 1 && { rowSpan }),
    ...(cell.type === 'tableHeader' && { header: true, bold: true, align: 'center' as const }),
  };
}

function tableBlock(block: Extract<RichBlock, { type: 'table' }>): Block | null {
  const rows = block.content.filter((r) => r.content.length > 0);
  if (rows.length === 0) return null;
  // Leading rows made only of header cells repeat on each page.
  let headerCount = 0;
  while (headerCount < rows.length && rows[headerCount]!.content.every((c) => c.type === 'tableHeader')) headerCount += 1;
  if (headerCount === rows.length) headerCount = 0;
  const columns = Math.max(...rows.map((r) => r.content.reduce((n, c) => n + (c.attrs?.colspan ?? 1), 0)));
  return {
    type: 'table',
    role: 'generic',
    widths: Array.from({ length: columns }, () => 1),
    headerRows: rows.slice(0, headerCount).map((r) => r.content.map(tableCell)),
    rows: rows.slice(headerCount).map((r) => r.content.map(tableCell)),
  };
}

function toBlock(block: RichBlock): Block | null {
  switch (block.type) {
    case 'paragraph': {
      const runs = runsOf(block.content);
      // Empty paragraphs are spacing in the editor; the printers space paragraphs themselves.
      if (runs.every((r) => r.type === 'lineBreak')) return null;
      return { type: 'paragraph', runs, role: 'body', firstLineIndent: true };
    }
    case 'heading': {
      const text = inlineText(block.content).replace(/\n/g, ' ').trim();
      return text === '' ? null : { type: 'heading', level: block.attrs.level, text };
    }
    case 'bulletList':
    case 'orderedList': {
      const items: Inline[][] = [];
      listItems(block.content, items);
      return { type: 'list', ordered: block.type === 'orderedList', items };
    }
    case 'table':
      return tableBlock(block);
    case 'figure':
      return { type: 'figure', sha256: block.attrs.sha256, mediaType: block.attrs.mediaType, caption: block.attrs.caption };
  }
}

/**
 * The doc as book blocks under the section's own heading (level 1): sub-headings keep their
 * levels 2–4 （一）/ 1. /（1）, whose numbers the printers add (the stored text has none);
 * tables are `generic`, figures reference the attachment by hash.
 */
export function richToBlocks(doc: RichDoc): Block[] {
  const out: Block[] = [];
  for (const b of doc.content) {
    const block = toBlock(b);
    if (block) out.push(block);
  }
  return out;
}
