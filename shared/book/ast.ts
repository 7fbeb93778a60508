/**
 * The book model: one document tree built once from draft + pack. The DOCX writer and the
 * HTML renderer are two printers of it and never read the draft themselves, so Word and PDF agree.
 */

export interface TextRun {
  type: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  superscript?: boolean;
  subscript?: boolean;
}
export interface LineBreak {
  type: 'lineBreak';
}
export type Inline = TextRun | LineBreak;

/** Typographic roles: each printer maps a role to its fonts and sizes (title 二号 方正小标宋, body 三号 仿宋…). */
export type ParagraphRole = 'body' | 'note' | 'caption' | 'tableText' | 'signature';

/** `text` carries its own numbering (「一、」「（一）」「1. 」「（1）」) so both printers number alike. */
export interface HeadingBlock {
  type: 'heading';
  /** 1 = 一、 section, 2 = （一）, 3 = 1., 4 = （1）, 5 = ① */
  level: 1 | 2 | 3 | 4 | 5;
  text: string;
  /** The wizard section this heading starts, for scroll-sync of the live preview. */
  sectionId?: string;
}

export interface ParagraphBlock {
  type: 'paragraph';
  runs: Inline[];
  role?: ParagraphRole;
  align?: 'left' | 'center' | 'right' | 'justify';
  /** 首行缩进两字, the default for body text. */
  firstLineIndent?: boolean;
  /** Stays on the page of the block after it (a closing sentence and its signature lines). */
  keepWithNext?: boolean;
}

export interface ListBlock {
  type: 'list';
  ordered: boolean;
  items: Inline[][];
}

export interface TableCell {
  runs: Inline[];
  colSpan?: number;
  rowSpan?: number;
  align?: 'left' | 'center' | 'right';
  bold?: boolean;
  /** A label cell of a form-like table (基本信息表), printed shaded. */
  header?: boolean;
  /** An ID number, credit code, phone or date: printed on one line, never broken inside (reviewers read them digit by digit). */
  noBreak?: boolean;
  /** Indent steps of a sub-row label (「1. 材料费」 under 「二、业务费」), two characters each. */
  indent?: 0 | 1 | 2 | 3;
}

export interface TableBlock {
  type: 'table';
  role: 'info' | 'members' | 'partners' | 'budget' | 'milestones' | 'generic';
  /** Relative column widths; printers scale them to the text width. */
  widths: number[];
  /** Rows repeated at the top of every page the table spans. */
  headerRows: TableCell[][];
  rows: TableCell[][];
  caption?: string;
}

export interface FigureBlock {
  type: 'figure';
  sha256: string;
  mediaType: string;
  caption: string;
  /** Fraction of the text width. */
  width?: number;
}

export interface PageBreakBlock {
  type: 'pageBreak';
}

/** 单位意见 / 推荐单位意见: an opinion box with signature and seal lines and 年 月 日. */
export interface SignatureBlock {
  type: 'signature';
  title: string;
  lines: string[];
  sealLabel: string;
}

export interface AttachmentListBlock {
  type: 'attachmentList';
  items: { no: number; name: string; files: string[]; required: boolean }[];
}

export interface TocBlock {
  type: 'toc';
}

export type Block =
  | HeadingBlock
  | ParagraphBlock
  | ListBlock
  | TableBlock
  | FigureBlock
  | PageBreakBlock
  | SignatureBlock
  | AttachmentListBlock
  | TocBlock;

export interface Cover {
  /** e.g. 「兰州市城关区科技计划项目申报书」 */
  title: string;
  /** Label/value pairs: 项目名称, 计划类别, 支持方向, 申报单位（盖章）, 项目负责人, 联系电话, 推荐单位, 申报日期. */
  fields: { label: string; value: string }[];
  issuer: string;
  date: string;
}

/** The key facts as printed (cover, budget 合计), carried in each document's metadata for verify. */
export interface BookFacts {
  projectName: string;
  applicant: string;
  pi: string;
  /** 万元 as the budget table prints them; '' without a budget table. */
  total: string;
  fiscal: string;
}

export interface BookMeta {
  documentType: 'proposal' | 'application';
  /** 「申报书」 or 「项目建议书」: also the exported file's base name. */
  documentName: string;
  projectName: string;
  packId: string;
  packVersion: string;
  packHash: string;
  draftId: string;
  revision: number;
  /** A diagonal 「草稿」 watermark while the draft has any error or is not finalized. */
  watermark: boolean;
  /** Footer provenance line: which pack version and revision the file came from. */
  provenance: string;
  facts: BookFacts;
}

export interface Book {
  meta: BookMeta;
  cover: Cover;
  blocks: Block[];
}
