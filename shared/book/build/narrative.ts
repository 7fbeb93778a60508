import type { Block, HeadingBlock } from '../ast';
import type { FieldValue } from '../../model/draft';
import { parseRichValue, richToBlocks } from '../../richtext';
import { headingNumber } from './numbering';

export function emptyNote(): Block {
  return { type: 'paragraph', runs: [{ type: 'text', text: '（未填写）' }], role: 'note' };
}

/**
 * A narrative value (rich JSON, or plain text read as paragraphs) as book blocks. Its own
 * sub-headings sit `shift` levels below where the editor put them (below the field's （一） heading)
 * and get their numbers here: （一） 1. （1） ①, counted afresh under each parent heading, so
 * no two editor levels share one sequence.
 */
export function narrativeBlocks(value: FieldValue | undefined, shift: 0 | 1): Block[] {
  const blocks = richToBlocks(parseRichValue(value));
  if (blocks.length === 0) return [emptyNote()];
  const counters = [0, 0, 0, 0, 0, 0];
  return blocks.map((block): Block => {
    if (block.type !== 'heading') return block;
    const level = Math.min(5, Math.max(2, block.level + shift)) as HeadingBlock['level'];
    counters[level]! += 1;
    for (let deeper = level + 1; deeper < counters.length; deeper++) counters[deeper] = 0;
    return { type: 'heading', level, text: `${headingNumber(level, counters[level]!)}${block.text}` };
  });
}
