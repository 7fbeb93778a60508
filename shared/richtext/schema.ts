import { z } from 'zod';
import { Sha256Schema } from '../model/draft';

/**
 * The stored format of a rich narrative value: a restricted subset of ProseMirror JSON (what
 * TipTap's `getJSON()` produces for the nodes the editor enables), kept in `draft.values[id]`
 * as a JSON string. Unknown attributes are stripped on parse; unknown node types make the whole
 * value read as plain text instead (see parseRichValue), so nothing typed is ever thrown away.
 */

export const RICH_MARKS = ['bold', 'italic', 'underline', 'superscript', 'subscript'] as const;
export type RichMarkType = (typeof RICH_MARKS)[number];

/** Heading levels are the book's: 2 = （一）, 3 = 1., 4 = （1）; level 1 is the section itself. */
export const RICH_HEADING_LEVELS = [2, 3, 4] as const;
export type RichHeadingLevel = (typeof RICH_HEADING_LEVELS)[number];

export interface RichMark {
  type: RichMarkType;
}
export interface RichText {
  type: 'text';
  text: string;
  marks?: RichMark[];
}
export interface RichHardBreak {
  type: 'hardBreak';
}
export type RichInline = RichText | RichHardBreak;

export interface RichParagraph {
  type: 'paragraph';
  content?: RichInline[];
}
export interface RichHeading {
  type: 'heading';
  attrs: { level: RichHeadingLevel };
  content?: RichInline[];
}
export interface RichListItem {
  type: 'listItem';
  content: RichBlock[];
}
export interface RichBulletList {
  type: 'bulletList';
  content: RichListItem[];
}
export interface RichOrderedList {
  type: 'orderedList';
  attrs?: { start?: number };
  content: RichListItem[];
}
export interface RichTableCell {
  type: 'tableCell' | 'tableHeader';
  attrs?: { colspan?: number; rowspan?: number };
  content: RichBlock[];
}
export interface RichTableRow {
  type: 'tableRow';
  content: RichTableCell[];
}
export interface RichTable {
  type: 'table';
  content: RichTableRow[];
}
/** An image from the draft's attachment library (by content hash) with its caption. */
export interface RichFigure {
  type: 'figure';
  attrs: { sha256: string; mediaType: string; caption: string };
}
export type RichBlock = RichParagraph | RichHeading | RichBulletList | RichOrderedList | RichTable | RichFigure;

export interface RichDoc {
  type: 'doc';
  content: RichBlock[];
}

const MarkSchema = z.object({ type: z.enum(RICH_MARKS) });
const TextSchema = z.object({ type: z.literal('text'), text: z.string().min(1), marks: z.array(MarkSchema).optional() });
const HardBreakSchema = z.object({ type: z.literal('hardBreak') });
const InlineSchema = z.discriminatedUnion('type', [TextSchema, HardBreakSchema]);

const ParagraphSchema = z.object({ type: z.literal('paragraph'), content: z.array(InlineSchema).optional() });
const HeadingSchema = z.object({
  type: z.literal('heading'),
  attrs: z.object({ level: z.union(RICH_HEADING_LEVELS.map((l) => z.literal(l))) }),
  content: z.array(InlineSchema).optional(),
});

const BlockSchema: z.ZodType<RichBlock> = z.lazy(() =>
  z.discriminatedUnion('type', [ParagraphSchema, HeadingSchema, BulletListSchema, OrderedListSchema, TableSchema, FigureSchema]),
);
const ListItemSchema = z.object({ type: z.literal('listItem'), content: z.array(BlockSchema) });
const BulletListSchema = z.object({ type: z.literal('bulletList'), content: z.array(ListItemSchema) });
const OrderedListSchema = z.object({
  type: z.literal('orderedList'),
  attrs: z.object({ start: z.number().int().optional() }).optional(),
  content: z.array(ListItemSchema),
});
const SpanSchema = z.number().int().min(1).max(100).optional();
const CellSchema = z.object({
  type: z.enum(['tableCell', 'tableHeader']),
  attrs: z.object({ colspan: SpanSchema, rowspan: SpanSchema }).optional(),
  content: z.array(BlockSchema),
});
const RowSchema = z.object({ type: z.literal('tableRow'), content: z.array(CellSchema) });
const TableSchema = z.object({ type: z.literal('table'), content: z.array(RowSchema) });
const FigureSchema = z.object({
  type: z.literal('figure'),
  attrs: z.object({ sha256: Sha256Schema, mediaType: z.string().max(200), caption: z.string().max(500) }),
});

export const RichDocSchema: z.ZodType<RichDoc> = z.object({ type: z.literal('doc'), content: z.array(BlockSchema) });
