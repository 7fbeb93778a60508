import { TextRun, type ParagraphChild } from 'docx';
import type { Inline } from '../../../../shared/book/ast';

/** Inline AST runs → docx runs. Fonts come from the paragraph style, so runs carry only emphasis. */
export function inlineRuns(runs: readonly Inline[], overrides: { bold?: boolean } = {}): ParagraphChild[] {
  return runs.map((run) => {
    if (run.type === 'lineBreak') return new TextRun({ break: 1 });
    const bold = run.bold ?? overrides.bold;
    // Plain text (nearly every run) takes the cheap constructor: no empty run properties.
    if (!bold && !run.italic && !run.underline && !run.superscript && !run.subscript) return new TextRun(run.text);
    return new TextRun({
      text: run.text,
      bold,
      italics: run.italic,
      underline: run.underline ? {} : undefined,
      superScript: run.superscript,
      subScript: run.subscript,
    });
  });
}
