import { AlignmentType, LevelFormat, LevelSuffix, type INumberingOptions } from 'docx';
import { BODY_INDENT } from './fonts';

/** The book's two list kinds as Word numbering definitions (Word renumbers an inserted item itself). */
export const LIST_REFERENCE = { ordered: 'book-ordered', bullet: 'book-bullet' } as const;

/** Markers sit where body text starts (two characters in), and wrapped lines return to the margin, as in 公文. */
const paragraph = { indent: { left: 0, hanging: 0, firstLine: BODY_INDENT.firstLine } } as const;

export function bookNumbering(): INumberingOptions {
  return {
    config: [
      {
        reference: LIST_REFERENCE.ordered,
        levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', suffix: LevelSuffix.SPACE, alignment: AlignmentType.LEFT, style: { paragraph } }],
      },
      {
        reference: LIST_REFERENCE.bullet,
        levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', suffix: LevelSuffix.SPACE, alignment: AlignmentType.LEFT, style: { paragraph } }],
      },
    ],
  };
}
