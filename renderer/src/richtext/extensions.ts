import type { Extensions } from '@tiptap/core';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';
import { RICH_HEADING_LEVELS } from '../../../shared/richtext';
import { Figure } from './figureNode';
import { Subscript, Superscript } from './scriptMarks';

/**
 * Table without the inline `style` TipTap puts on <table> and <col> (min-width): the strict
 * CSP has no 'unsafe-inline' for styles, so any style attribute would be refused. Widths come from CSS.
 */
const PlainTable = Table.extend({
  renderHTML: ({ HTMLAttributes }) => ['table', HTMLAttributes, ['tbody', 0]],
});

/**
 * Exactly the nodes and marks of the stored format (shared/richtext/schema.ts): anything else the
 * editor could produce would not survive the schema check on save.
 */
export function richExtensions(): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [...RICH_HEADING_LEVELS] },
      blockquote: false,
      code: false,
      codeBlock: false,
      horizontalRule: false,
      strike: false,
      link: false,
    }),
    PlainTable.configure({ resizable: false }),
    TableRow,
    TableHeader,
    TableCell,
    Figure,
    Superscript,
    Subscript,
  ];
}
