import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType, type FileChild } from 'docx';
import type { SignatureBlock } from '../../../../shared/book/ast';
import { TEXT_WIDTH } from './page';
import { STYLE } from './styles';

const LINE = { style: BorderStyle.SINGLE, size: 8, color: '000000' } as const;

/**
 * 单位意见 box: the title, the opinion lines, room for a seal, then 单位（盖章） and 年 月 日
 * flush right. One framed cell that never splits, so the seal lands next to its label.
 */
export function signatureBlock(block: SignatureBlock): FileChild[] {
  const p = (text: string, options: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; bold?: boolean; indent?: boolean } = {}) =>
    new Paragraph({
      style: STYLE.signature,
      alignment: options.align,
      indent: options.indent ? { firstLineChars: 200, firstLine: 640 } : undefined,
      children: [new TextRun({ text, bold: options.bold })],
    });
  const rightPad = { right: 640 };
  const children = [
    p(block.title, { bold: true }),
    ...block.lines.map((line) => p(line, { indent: true })),
    p(''),
    p(''),
    new Paragraph({ style: STYLE.signature, alignment: AlignmentType.RIGHT, indent: rightPad, children: [new TextRun(block.sealLabel)] }),
    new Paragraph({ style: STYLE.signature, alignment: AlignmentType.RIGHT, indent: rightPad, children: [new TextRun('年　　月　　日')] }),
  ];
  return [
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: [TEXT_WIDTH],
      layout: TableLayoutType.FIXED,
      borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
      rows: [
        new TableRow({
          cantSplit: true,
          children: [new TableCell({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, margins: { top: 120, bottom: 120, left: 160, right: 160 }, children })],
        }),
      ],
    }),
    new Paragraph({ style: STYLE.tableText, children: [] }),
  ];
}
