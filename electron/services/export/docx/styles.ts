import { AlignmentType, LineRuleType, type IParagraphStyleOptions, type IStylesOptions } from 'docx';
import { BODY_INDENT, BODY_LINE, FONTS, runFont, type RoleFont } from './fonts';

/** Paragraph style ids used by the printers of the blocks (Word's built-in ids where one exists). */
export const STYLE = {
  body: 'BodyText',
  note: 'Note',
  caption: 'Caption',
  tableText: 'TableText',
  signature: 'Signature',
  coverTitle: 'Title',
  coverField: 'CoverField',
  tocTitle: 'TocTitle',
  header: 'Header',
  footer: 'Footer',
} as const;

/** Chinese text is tagged zh-CN so Word applies East Asian line breaking (禁则) and punctuation compression. */
const LANGUAGE = { value: 'en-US', eastAsia: 'zh-CN' } as const;

const exact = (line: number) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });
const single = { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } as const;

function run(role: RoleFont, extra: { bold?: boolean; color?: string } = {}) {
  return { font: runFont(role), size: role.size, sizeComplexScript: role.size, language: LANGUAGE, ...extra };
}

/** GB/T 9704 fonts by level: 一、黑体; （一）楷体; 1. and （1）仿宋 (as the PDF, which never synthesises bold). */
const HEADING_RUNS = {
  1: () => run(FONTS.heading, { bold: false, color: '000000' }),
  2: () => run(FONTS.subheading, { bold: false, color: '000000' }),
  3: () => run(FONTS.body, { bold: false, color: '000000' }),
  4: () => run(FONTS.body, { bold: false, color: '000000' }),
  5: () => run(FONTS.body, { bold: false, color: '000000' }),
} as const;

function heading(level: 1 | 2 | 3 | 4 | 5) {
  return {
    run: HEADING_RUNS[level](),
    paragraph: { spacing: exact(BODY_LINE), indent: BODY_INDENT, keepNext: true, keepLines: true, outlineLevel: level - 1 },
  };
}

// Word's own base style: docx's heading and title styles are basedOn / next "Normal", so it must exist.
// docx writes `default` (w:default) but does not declare it in its option types: passed through a variable.
const normal = { id: 'Normal', name: 'Normal', default: true, quickFormat: true, run: run(FONTS.body), paragraph: { spacing: single } };
const defaultRunStyle = { id: 'DefaultParagraphFont', name: 'Default Paragraph Font', default: true, uiPriority: 1, semiHidden: true, unhideWhenUsed: true };

const paragraphStyles: IParagraphStyleOptions[] = [
  normal,
  {
    id: STYLE.body,
    name: 'Body Text',
    quickFormat: true,
    run: run(FONTS.body),
    paragraph: { spacing: exact(BODY_LINE), indent: BODY_INDENT, alignment: AlignmentType.BOTH },
  },
  { id: STYLE.note, name: '注释', run: run(FONTS.note), paragraph: { spacing: exact(BODY_LINE), alignment: AlignmentType.BOTH } },
  {
    id: STYLE.caption,
    name: 'caption',
    run: run(FONTS.caption),
    paragraph: { spacing: { ...single, before: 60, after: 240 }, alignment: AlignmentType.CENTER, keepLines: true },
  },
  { id: STYLE.tableText, name: '表格文字', run: run(FONTS.table), paragraph: { spacing: single } },
  { id: STYLE.signature, name: '签章', run: run(FONTS.body), paragraph: { spacing: exact(BODY_LINE) } },
  { id: STYLE.coverField, name: '封面栏目', run: run(FONTS.body), paragraph: { spacing: exact(640) } },
  {
    id: STYLE.tocTitle,
    name: '目录标题',
    run: run(FONTS.heading),
    paragraph: { spacing: { ...exact(BODY_LINE), after: 280 }, alignment: AlignmentType.CENTER },
  },
  // The entries Word / WPS / LibreOffice write into the TOC field when they update it.
  { id: 'TOC1', name: 'toc 1', run: run(FONTS.body), paragraph: { spacing: exact(BODY_LINE) } },
  { id: 'TOC2', name: 'toc 2', run: run(FONTS.body), paragraph: { spacing: exact(BODY_LINE), indent: { left: 640 } } },
  { id: 'TOC3', name: 'toc 3', run: run(FONTS.body), paragraph: { spacing: exact(BODY_LINE), indent: { left: 1280 } } },
  { id: STYLE.header, name: 'header', run: run(FONTS.header), paragraph: { spacing: single } },
  { id: STYLE.footer, name: 'footer', run: run(FONTS.provenance), paragraph: { spacing: single, alignment: AlignmentType.CENTER } },
];

/**
 * The style sheet. The document defaults carry the East Asian font and zh-CN language so that
 * every run — including those in parts we do not style (fields, TOC entries) — is Chinese text
 * set in a Chinese font; roles then override font and size.
 */
export function bookStyles(): IStylesOptions {
  return {
    default: {
      document: { run: run(FONTS.body), paragraph: { spacing: single } },
      title: {
        run: run(FONTS.title, { bold: false, color: '000000' }),
        paragraph: { alignment: AlignmentType.CENTER, spacing: { line: 800, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
      },
      heading1: heading(1),
      heading2: heading(2),
      heading3: heading(3),
      heading4: heading(4),
      heading5: heading(5),
    },
    paragraphStyles,
    // docx's character styles (hyperlink, footnote reference…) are basedOn Word's default run style.
    characterStyles: [defaultRunStyle],
  };
}
