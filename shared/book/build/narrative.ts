import type { Block } from '../ast';

/**
 * Narrative text as body paragraphs, one per line, each indented two characters.
 * Rich values (W4's shared/richtext) replace this once they land.
 */
export function narrativeBlocks(value: string): Block[] {
  const paragraphs = value
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (paragraphs.length === 0) return [emptyNote()];
  return paragraphs.map((text) => ({ type: 'paragraph', runs: [{ type: 'text', text }], role: 'body', firstLineIndent: true, align: 'justify' }));
}

export function emptyNote(): Block {
  return { type: 'paragraph', runs: [{ type: 'text', text: '（未填写）' }], role: 'note' };
}
