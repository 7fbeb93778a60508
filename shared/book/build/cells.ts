import type { TableCell } from '../ast';

export function cell(text: string, props: Omit<TableCell, 'runs'> = {}): TableCell {
  return { runs: text === '' ? [] : [{ type: 'text', text }], ...props };
}

export function labelCell(text: string, props: Omit<TableCell, 'runs'> = {}): TableCell {
  return cell(text, { header: true, align: 'center', ...props });
}
