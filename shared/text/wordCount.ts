/**
 * Counts text the way Word's 字数 does for Chinese documents, so the number the applicant sees
 * matches what the reviewer sees when the guideline says "不超过 800 字":
 * - each CJK ideograph, kana, hangul syllable or full-width character (punctuation, full-width
 *   letters and digits) counts 1;
 * - each run of other non-space characters counts 1 if it contains a letter or digit
 *   ("Word", "3.14", "GB/T-7714" are one each); stray half-width punctuation does not count.
 * Pure code: runs in the renderer, the services and the CLI alike.
 */

/** Characters that count one each. */
const WIDE_CHAR =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303F\uFF01-\uFF60\uFFE0-\uFFE6\u2018\u2019\u201C\u201D\u2014\u2026\u00B7]/u;
const SPACE = /\s/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

export function wordCount(text: string): number {
  let count = 0;
  let inRun = false;
  let runHasWordChar = false;
  const endRun = (): void => {
    if (inRun && runHasWordChar) count += 1;
    inRun = false;
    runHasWordChar = false;
  };
  // for…of walks code points, so characters outside the BMP (e.g. CJK Extension B) count once.
  for (const ch of text) {
    if (WIDE_CHAR.test(ch)) {
      endRun();
      count += 1;
    } else if (SPACE.test(ch)) {
      endRun();
    } else {
      inRun = true;
      if (LETTER_OR_DIGIT.test(ch)) runHasWordChar = true;
    }
  }
  endRun();
  return count;
}
