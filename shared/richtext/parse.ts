import type { FieldValue } from '../model/draft';
import { RichDocSchema, type RichDoc, type RichParagraph } from './schema';

/** An editor with nothing typed yet: one empty paragraph, as ProseMirror requires. */
export function emptyRichDoc(): RichDoc {
  return { type: 'doc', content: [{ type: 'paragraph' }] };
}

/** Plain text (older drafts, imports, fixtures) becomes one paragraph per line. */
export function plainTextToRichDoc(text: string): RichDoc {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const content = lines.map((line): RichParagraph => (line === '' ? { type: 'paragraph' } : { type: 'paragraph', content: [{ type: 'text', text: line }] }));
  return { type: 'doc', content };
}

/** The stored doc, or null when the string is not one (then it is plain text). */
export function richDocFromJson(text: string): RichDoc | null {
  if (!text.trimStart().startsWith('{')) return null;
  try {
    const parsed = RichDocSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    // Malformed JSON or nesting too deep to walk: the applicant's text still reads as text.
    return null;
  }
}

/** Any stored value as a rich doc; never throws. */
export function parseRichValue(value: FieldValue | undefined): RichDoc {
  if (value === null || value === undefined || value === false) return emptyRichDoc();
  if (Array.isArray(value)) return value.length === 0 ? emptyRichDoc() : plainTextToRichDoc(value.join('\n'));
  if (typeof value !== 'string') return plainTextToRichDoc(String(value));
  if (value === '') return emptyRichDoc();
  return richDocFromJson(value) ?? plainTextToRichDoc(value);
}

/** The string stored in `draft.values[id]`. */
export function serializeRichDoc(doc: RichDoc): string {
  return JSON.stringify(doc);
}
