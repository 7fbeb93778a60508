import { FileChild, ImportedXmlComponent, Paragraph, TabStopType, TextRun, XmlComponent, type ParagraphChild } from 'docx';
import type { Block } from '../../../../shared/book/ast';
import { TEXT_WIDTH } from './page';

export interface TocEntry {
  title: string;
  level: number;
  /** The page number from the PDF's layout, written into the field's cached result. */
  page?: number;
}

/** Level 1–2 headings, except the TOC's own title (the heading right before the TOC block), with their pages when known. */
export function tocEntries(blocks: readonly Block[], pages?: ReadonlyMap<string, number>): TocEntry[] {
  return blocks.flatMap((b, i) => {
    if (b.type !== 'heading' || b.level > 2 || blocks[i + 1]?.type === 'toc') return [];
    const page = pages?.get(b.text.replace(/\s+/g, ''));
    return [{ title: b.text, level: b.level, ...(page === undefined ? {} : { page }) }];
  });
}

/** Every entry has its page: readers show the cached result as it is, nothing asks to update fields. */
export const tocComplete = (entries: readonly TocEntry[]): boolean => entries.length > 0 && entries.every((e) => e.page !== undefined);

const raw = (xml: string): ParagraphChild => (ImportedXmlComponent.fromXmlString(xml) as unknown as { root: ParagraphChild[] }).root[0]!;

/** Without page numbers the field's begin is marked dirty: Word and WPS recompute it on open. */
const fieldBegin = (dirty: boolean): ParagraphChild[] => [
  raw(`<w:r><w:fldChar w:fldCharType="begin"${dirty ? ' w:dirty="true"' : ''}/></w:r>`),
  raw('<w:r><w:instrText xml:space="preserve"> TOC \\o "1-2" \\h \\z \\u </w:instrText></w:r>'),
  raw('<w:r><w:fldChar w:fldCharType="separate"/></w:r>'),
];
const fieldEnd = (): ParagraphChild => raw('<w:r><w:fldChar w:fldCharType="end"/></w:r>');

/**
 * The TOC as Word writes it: a field inside a `w:sdt` whose docPartGallery is 「Table of
 * Contents」. The gallery matters — without it LibreOffice reads the field as plain text and
 * prints its instruction. The cached result lists the level 1–2 headings so that a reader that
 * does not update fields still shows the outline. Page numbers are the PDF's (the book laid out
 * by Chromium) when the exporter has them, so Word, WPS and LibreOffice show them without an
 * update; only without them is the field dirty and settings.xml asks for `w:updateFields`.
 */
export class TocField extends FileChild {
  constructor(entries: readonly TocEntry[]) {
    super('w:sdt');
    // The element itself, not fromXmlString's wrapper: the wrapper prints as <undefined>.
    this.root.push(raw('<w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr>'));
    const content = new SdtContent();
    const rows: readonly TocEntry[] = entries.length > 0 ? entries : [{ title: '', level: 1 }];
    const dirty = !tocComplete(entries);
    rows.forEach((entry, i) => {
      const children: ParagraphChild[] = [new TextRun(entry.title), new TextRun({ children: ['\t'] }), ...(entry.page === undefined ? [] : [new TextRun(String(entry.page))])];
      content.addChildElement(
        new Paragraph({
          style: `TOC${entry.level}`,
          tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH, leader: 'middleDot' }],
          children: [...(i === 0 ? fieldBegin(dirty) : []), ...children, ...(i === rows.length - 1 ? [fieldEnd()] : [])],
        }),
      );
    });
    this.root.push(content);
  }
}

class SdtContent extends XmlComponent {
  constructor() {
    super('w:sdtContent');
  }
}
