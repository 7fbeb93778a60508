import type { FieldValue } from '../model/draft';
import { wordCount } from '../text/wordCount';
import { parseRichValue } from './parse';
import type { RichBlock, RichDoc, RichInline } from './schema';

export function inlineText(content: RichInline[] | undefined): string {
  if (!content) return '';
  let out = '';
  for (const node of content) out += node.type === 'text' ? node.text : '\n';
  return out;
}

function blockLines(block: RichBlock, out: string[]): void {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      out.push(inlineText(block.content));
      return;
    case 'bulletList':
    case 'orderedList':
      for (const item of block.content) for (const child of item.content) blockLines(child, out);
      return;
    case 'table':
      for (const row of block.content) out.push(row.content.map(cellText).join('\t'));
      return;
    case 'figure':
      // The caption is printed in the book, so it counts toward 字数 like Word counts it.
      out.push(block.attrs.caption);
      return;
  }
}

function cellText(cell: { content: RichBlock[] }): string {
  const lines: string[] = [];
  for (const b of cell.content) blockLines(b, lines);
  return lines.join(' ');
}

/** The doc's text, one line per paragraph, heading, list item and table row; table cells joined by tabs. */
export function richToPlainText(doc: RichDoc): string {
  const lines: string[] = [];
  for (const block of doc.content) blockLines(block, lines);
  return lines.join('\n');
}

/** Word's 字数 of a stored value, whether it is rich JSON or plain text. */
export function richWordCount(value: FieldValue | undefined): number {
  return wordCount(richToPlainText(parseRichValue(value)));
}

/** True when the value holds some visible text (an empty editor stores a doc with one empty paragraph). */
export function richHasText(value: FieldValue | undefined): boolean {
  return richToPlainText(parseRichValue(value)).trim() !== '';
}
