import type { AttachmentListBlock, Inline, TableBlock, TableCell } from './ast';

const textCell = (text: string, props: Omit<TableCell, 'runs'> = {}): TableCell => ({ runs: text === '' ? [] : [{ type: 'text', text }], ...props });

/** The 附件清单 as a table, for both printers: the same columns and words in the DOCX and the PDF. */
export function attachmentTable(block: AttachmentListBlock): TableBlock {
  return {
    type: 'table',
    role: 'generic',
    widths: [1.2, 5, 1.4, 4.6],
    headerRows: [['序号', '附件名称', '要求', '已提供文件'].map((t) => textCell(t, { header: true }))],
    rows: block.items.map((i) => [
      textCell(`附件${i.no}`, { align: 'center' }),
      textCell(i.name),
      textCell(i.required ? '必备' : '按需', { align: 'center' }),
      { runs: i.files.length ? i.files.flatMap((f, k): Inline[] => (k === 0 ? [{ type: 'text', text: f }] : [{ type: 'lineBreak' }, { type: 'text', text: f }])) : [{ type: 'text', text: '（未提供）' }] },
    ]),
  };
}

/** What a book without a checklist prints instead of the table. */
export const NO_ATTACHMENTS = '（本指南未列附件）';
