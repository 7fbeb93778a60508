import type { AttachmentListBlock, Block, FigureBlock, HeadingBlock, Inline, ParagraphBlock, SignatureBlock, TableBlock, TableCell } from '../ast';
import { NO_ATTACHMENTS, attachmentTable } from '../attachmentTable';
import { attr, escapeHtml, safeImageSrc } from './escape';

export interface RenderState {
  figureSrc?: (sha256: string) => string | undefined;
  /** Rules generated while rendering (column widths): inline style attributes would break the CSP. */
  css: string[];
  tableCount: number;
  /** Heading anchors in order, for the table of contents. */
  anchors: Map<HeadingBlock, string>;
  /** Printed page number of a heading (its text, whitespace removed), from a first layout of the PDF. */
  tocPages?: ReadonlyMap<string, number>;
}

/** How the TOC looks a heading up in `tocPages`. */
export const tocKey = (text: string): string => text.replace(/\s+/g, '');

export function inlineHtml(runs: Inline[]): string {
  return runs
    .map((run) => {
      if (run.type === 'lineBreak') return '<br>';
      let html = escapeHtml(run.text);
      if (run.bold) html = `<strong>${html}</strong>`;
      if (run.italic) html = `<em>${html}</em>`;
      if (run.underline) html = `<u>${html}</u>`;
      if (run.superscript) html = `<sup>${html}</sup>`;
      if (run.subscript) html = `<sub>${html}</sub>`;
      return html;
    })
    .join('');
}

function paragraph(block: ParagraphBlock): string {
  const classes = [block.role ?? 'body', block.firstLineIndent ? 'indent' : '', block.align ? `align-${block.align}` : ''].filter(Boolean);
  return `<p${attr('class', classes.join(' '))}>${inlineHtml(block.runs)}</p>`;
}

function heading(block: HeadingBlock, state: RenderState): string {
  const tag = `h${block.level}`;
  const front = block.level === 1 && !block.sectionId && !/^[一二三四五六七八九十]+、/.test(block.text);
  const id = state.anchors.get(block);
  return `<${tag}${id ? attr('id', id) : ''}${front ? attr('class', 'front') : ''}>${escapeHtml(block.text)}</${tag}>`;
}

function span(n: number | undefined): number {
  return n !== undefined && Number.isInteger(n) && n > 1 && n < 100 ? n : 1;
}

function cellHtml(cell: TableCell, tag: 'th' | 'td'): string {
  const classes = [
    cell.header && tag === 'td' ? 'label' : '',
    cell.bold ? 'bold' : '',
    cell.align ? `align-${cell.align}` : '',
    cell.indent ? `indent-${cell.indent}` : '',
    cell.noBreak ? 'nobr' : '',
  ].filter(Boolean);
  const colSpan = span(cell.colSpan);
  const rowSpan = span(cell.rowSpan);
  return `<${tag}${colSpan > 1 ? attr('colspan', colSpan) : ''}${rowSpan > 1 ? attr('rowspan', rowSpan) : ''}${classes.length ? attr('class', classes.join(' ')) : ''}>${inlineHtml(cell.runs)}</${tag}>`;
}

function table(block: TableBlock, state: RenderState): string {
  const name = `tbl-${++state.tableCount}`;
  const total = block.widths.reduce((a, b) => a + (Number.isFinite(b) && b > 0 ? b : 0), 0);
  const cols = block.widths.map((w, i) => {
    const pct = total > 0 && Number.isFinite(w) && w > 0 ? (w / total) * 100 : 100 / block.widths.length;
    state.css.push(`.${name} col:nth-child(${i + 1}) { width: ${pct.toFixed(2)}%; }`);
    return '<col>';
  });
  const caption = block.caption ? `<div class="table-caption">${escapeHtml(block.caption)}</div>` : '';
  const head = block.headerRows.length ? `<thead>${block.headerRows.map((r) => `<tr>${r.map((c) => cellHtml(c, 'th')).join('')}</tr>`).join('')}</thead>` : '';
  const body = `<tbody>${block.rows.map((r) => `<tr>${r.map((c) => cellHtml(c, 'td')).join('')}</tr>`).join('')}</tbody>`;
  return `${caption}<table${attr('class', `${block.role} ${name}`)}><colgroup>${cols.join('')}</colgroup>${head}${body}</table>`;
}

function figure(block: FigureBlock, state: RenderState): string {
  const src = safeImageSrc(state.figureSrc?.(block.sha256));
  const image = src ? `<img${attr('src', src)}${attr('alt', block.caption)}>` : `<div class="figure-missing">（图片未载入：${escapeHtml(block.caption)}）</div>`;
  return `<figure>${image}<figcaption>${escapeHtml(block.caption)}</figcaption></figure>`;
}

function signature(block: SignatureBlock): string {
  return `<div class="signature-box"><div class="title">${escapeHtml(block.title)}：</div><div class="space"></div>${block.lines
    .map((l) => `<div class="line">${escapeHtml(l)}</div>`)
    .join('')}<div class="line">${escapeHtml(block.sealLabel)}</div><div class="line">年\u3000\u3000月\u3000\u3000日</div></div>`;
}

/** The list prints as a table through the same table printer, in the columns both printers share. */
function attachmentList(block: AttachmentListBlock, state: RenderState): string {
  if (block.items.length === 0) return `<p class="note">${escapeHtml(NO_ATTACHMENTS)}</p>`;
  return table(attachmentTable(block), state);
}

function toc(state: RenderState): string {
  const items = [...state.anchors.entries()]
    .filter(([h]) => h.level <= 2)
    // The page cell is always there, empty until the numbers are known: both layouts take the same lines.
    .map(([h, id]) => {
      const page = state.tocPages?.get(tocKey(h.text));
      return `<li${attr('class', `level-${h.level}`)}><a${attr('href', `#${id}`)}>${escapeHtml(h.text)}</a><span class="leader"></span><span class="page">${page === undefined ? '' : page}</span></li>`;
    });
  return `<ul class="toc">${items.join('')}</ul>`;
}

export function blockHtml(block: Block, state: RenderState): string {
  switch (block.type) {
    case 'heading':
      return heading(block, state);
    case 'paragraph':
      return paragraph(block);
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      // Both kinds print their marker (1. / •): a bullet list without one reads as loose paragraphs.
      const cls = 'list';
      return `<${tag}${attr('class', cls)}>${block.items.map((i) => `<li>${inlineHtml(i)}</li>`).join('')}</${tag}>`;
    }
    case 'table':
      return table(block, state);
    case 'figure':
      return figure(block, state);
    case 'pageBreak':
      return '<div class="page-break"></div>';
    case 'signature':
      return signature(block);
    case 'attachmentList':
      return attachmentList(block, state);
    case 'toc':
      return toc(state);
  }
}
