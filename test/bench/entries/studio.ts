import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDraftPack } from '../../../shared/studio/draftPack';
import { buildClauseTree } from '../../../shared/studio/outline';
import { proposeRules } from '../../../shared/studio/propose';
import { flatten } from '../../../shared/studio/text';
import { registerBench } from '../registry';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SEEDS = ['2017-karamay-city-notice.txt', '2020-chengguan-district-notice.txt', '2020-shuimogou-district-guide.txt', '2022-xinjiang-aid-program-guide.txt'];

/** A 20,000-字 notice (字 = non-whitespace characters): the four call notices, repeated as parts until long enough. */
export function longNotice(chars = 20_000): string {
  const texts = SEEDS.map((f) => readFileSync(path.join(ROOT, '..', 'shared', 'seeds', f), 'utf8'));
  let out = '';
  let count = 0;
  for (let i = 0; count < chars; i++) {
    const part = texts[i % texts.length]!;
    out += `${out ? '\n' : ''}${part}`;
    count += part.replace(/\s/g, '').length;
  }
  return out;
}

registerBench({
  name: 'studio: proposals + draft pack for a 20,000-字 notice (target ≤ 300 ms) vs splitting it into clauses and flat sentences only',
  // The baseline does the reading every recognizer needs (clause tree, folded text of each clause);
  // the subject adds ~25 recognizers over every sentence and builds the draft pack. The target that
  // matters is the absolute one (300 ms, printed as the subject time); the ratio is for trend.
  targetRatio: 40,
  iterations: 3,
  repetitions: 7,
  setup() {
    const text = longNotice();
    let sink = 0;
    return {
      subject() {
        const set = proposeRules(text);
        sink += buildDraftPack(set).clauses.length;
      },
      baseline() {
        const tree = buildClauseTree(text);
        for (const c of tree.clauses) sink += flatten(text, c.start, c.end).flat.length;
      },
      teardown() {
        if (sink < 0) console.log(sink);
      },
    };
  },
});
