import { foldChar, PAGE_MARK, parseNumber } from './text';

/**
 * The clause tree of a notice, by the notice's own outline numbering: 一、（一）1.（1）①, 第X章,
 * 第X条, 附件N, and unnumbered headings that start a new numbering (the programs of a 通知).
 * Clauses are kept as a flat list in document order with a depth; each clause's text is the exact
 * slice of the notice from its marker to the next clause.
 */

/** `label`: an unnumbered 「资助额度：…」 line after a list of short titles, said of the list's owner (see buildClauseTree). */
export type MarkerStyle = 'chapter' | 'article' | 'annex' | 'heading' | 'label' | 'cnComma' | 'cnParen' | 'numDot' | 'numComma' | 'numParen' | 'circled' | 'preamble';

export interface NoticeClause {
  /** Positional id (c2.1.3; the text before the first marker is c0), valid as a pack clause id. */
  id: string;
  depth: number;
  style: MarkerStyle;
  /** The numbering as printed (「（二）」), empty for headings and the preamble. */
  marker: string;
  /** The first words after the marker, up to the first punctuation (for paths and lists). */
  title: string;
  /** Source offsets of the clause's own text (trimmed), excluding its sub-clauses. */
  start: number;
  end: number;
  /** Exactly `noticeText.slice(start, end)`. */
  text: string;
  /** Location like 「二、申报要求（二）」. */
  path: string;
  parentId: string | null;
}

export interface ClauseTree {
  text: string;
  clauses: NoticeClause[];
}

interface Marker {
  style: MarkerStyle;
  marker: string;
  number: number;
}

const CN = '[一二三四五六七八九十百]+';
const MARKERS: { style: MarkerStyle; re: RegExp; num: (m: RegExpExecArray) => string }[] = [
  { style: 'chapter', re: new RegExp(`^第(${CN}|\\d+)[章编]`), num: (m) => m[1]! },
  { style: 'article', re: new RegExp(`^第(${CN}|\\d+)条`), num: (m) => m[1]! },
  { style: 'annex', re: /^附件\s*(\d+|[一二三四五六七八九十]+)?(?=\s*[:：]|\s*$|\s+\S)/, num: (m) => m[1] ?? '1' },
  { style: 'cnComma', re: new RegExp(`^(${CN})\\s*[、.．]`), num: (m) => m[1]! },
  { style: 'cnParen', re: new RegExp(`^[（(]\\s*(${CN})\\s*[）)]`), num: (m) => m[1]! },
  { style: 'numParen', re: /^[（(]\s*(\d{1,2})\s*[）)]/, num: (m) => m[1]! },
  { style: 'numDot', re: /^(\d{1,2})\s*[.．](?![\d.．])/, num: (m) => m[1]! },
  { style: 'numComma', re: /^(\d{1,2})\s*、/, num: (m) => m[1]! },
  { style: 'circled', re: /^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])/, num: (m) => String('①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳'.indexOf(m[1]!) + 1) },
];

/** Styles whose numbers are rarely seen by accident at a line start: accepted out of sequence. */
const DISTINCTIVE = new Set<MarkerStyle>(['chapter', 'article', 'annex', 'cnComma', 'cnParen', 'circled']);
/** Styles that open a new part of the document: they never nest under list items. */
const TOP = new Set<MarkerStyle>(['chapter', 'annex', 'heading']);

function markerAt(line: string): Marker | null {
  // 「１．」「（２）」 typed with full-width digits number a list as well as 「1.」 does.
  const folded = Array.from(line, foldChar).join('');
  for (const { style, re, num } of MARKERS) {
    const m = re.exec(folded);
    if (!m) continue;
    const n = parseNumber(num(m));
    if (n === null) continue;
    return { style, marker: line.slice(0, m[0].length).replace(/\s+/g, ''), number: n };
  }
  return null;
}

interface Line {
  start: number;
  text: string;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let pos = 0;
  for (const raw of text.split('\n')) {
    const lead = raw.length - raw.trimStart().length;
    // A page number between two lines of one clause is not a line of the notice.
    if (!PAGE_MARK.test(raw.trim())) lines.push({ start: pos + lead, text: raw.trim() });
    pos += raw.length + 1;
  }
  return lines;
}

const isShortHeading = (t: string): boolean => t.length > 0 && Array.from(t).length <= 20 && !/[，。；：,;:！？!?、]/.test(t) && !/^\d+$/.test(t);
/** A line that ends a sentence, or a complete 「label：value」 line (联系电话：…). */
const endsSentence = (t: string): boolean => t === '' || /[。；：:！？!?]$/.test(t) || /^[^，。]{1,12}[:：]/.test(t);

interface Open {
  style: MarkerStyle;
  number: number;
  depth: number;
  /** The item's line is a short title (a direction's name), not a sentence. */
  titleOnly?: boolean;
}

const LIST_ITEM = new Set<MarkerStyle>(['numDot', 'numComma', 'numParen', 'circled']);
/** 「资助额度：」「实施期限：」「联系方式：」: a short label of what a program's part says next. */
const SECTION_LABEL = /^[^，。；：:\s\d]{0,4}(?:额度|强度|金额|方式|期限|周期|时间|要求|条件|对象|范围|材料|联系人|电话|说明)[:：]/;

interface RawClause {
  start: number;
  depth: number;
  style: MarkerStyle;
  marker: string;
}

/** Splits a notice into clauses by its outline numbering. */
export function buildClauseTree(text: string): ClauseTree {
  const lines = linesOf(text);
  const raw: RawClause[] = [{ start: 0, depth: 0, style: 'preamble', marker: '' }];
  const stack: Open[] = [];
  const nextNonEmpty = (i: number): Line | undefined => lines.slice(i + 1).find((l) => l.text !== '');
  let previousText = '';

  const open = (style: MarkerStyle, number: number, start: number, marker: string): void => {
    const at = stack.findIndex((o) => o.style === style);
    if (at >= 0) stack.length = at;
    else if (style === 'annex') stack.length = 0;
    else if (style === 'heading') stack.length = stack.filter((o) => o.style === 'chapter').length;
    else if (style === 'cnComma') {
      // 一、 sits at the top: under a part opener when it starts that part's numbering, else beside it
      // (a 「三、」 after an unnumbered heading means the heading was 一、 or 二、 with its number lost).
      const parts = number === 1 ? TOP : new Set<MarkerStyle>(['chapter', 'annex']);
      let keep = 0;
      while (keep < stack.length && parts.has(stack[keep]!.style)) keep++;
      stack.length = keep;
    }
    const depth = stack.length + 1;
    stack.push({ style, number, depth, titleOnly: LIST_ITEM.has(style) && isShortHeading(lines.find((l) => l.start === start)?.text.slice(marker.length).trim() ?? '') });
    raw.push({ start, depth, style, marker });
  };

  /**
   * 「1.盐湖资源综合利用 2.… 3.清洁能源与储能」 then 「资助额度：每项30万元至80万元。」: the amount is said of
   * the program that lists the directions, not of the third direction. The label line becomes a
   * clause beside the items (path 「…（一）资助额度」), and the items' numbering is closed.
   */
  const opensLabel = (text: string): boolean => {
    const top = stack[stack.length - 1];
    if (!top || !SECTION_LABEL.test(text)) return false;
    return top.style === 'label' || (LIST_ITEM.has(top.style) && top.titleOnly === true);
  };

  lines.forEach((line, i) => {
    if (line.text === '') {
      previousText = '';
      return;
    }
    const m = markerAt(line.text);
    if (m) {
      const same = stack.find((o) => o.style === m.style);
      const inSequence = m.number === 1 || (same !== undefined && m.number === same.number + 1);
      // An 附件N line before any clause labels the file itself (「附件8」 atop a guide sent as an annex).
      const labelOfFile = m.style === 'annex' && raw.length === 1;
      if ((inSequence || DISTINCTIVE.has(m.style)) && !labelOfFile) {
        open(m.style, m.number, line.start, m.marker);
        previousText = line.text;
        return;
      }
    }
    if (opensLabel(line.text)) {
      const first = stack.findIndex((o) => LIST_ITEM.has(o.style) || o.style === 'label');
      stack.length = first;
      const depth = stack.length + 1;
      stack.push({ style: 'label', number: 0, depth });
      raw.push({ start: line.start, depth, style: 'label', marker: '' });
      previousText = line.text;
      return;
    }
    // An unnumbered short line right before a list that starts at 1 heads a part (「科技重大专项」「申报要求」).
    const next = nextNonEmpty(i);
    const nextMarker = next ? markerAt(next.text) : null;
    const restarts = nextMarker !== null && stack.some((o) => o.style === nextMarker.style && o.number > 1);
    // The document's own title and 文号 are not part headings.
    const titleLine = lines.findIndex((l) => l.text !== '') === i || /通知$|[〔﹝[]\d{4}[〕﹞\]]/.test(line.text);
    if (!titleLine && isShortHeading(line.text) && nextMarker?.number === 1 && (endsSentence(previousText) || restarts)) {
      open('heading', 0, line.start, '');
    }
    previousText = line.text;
  });
  return { text, clauses: finish(text, raw) };
}

function titleOf(text: string, marker: string): string {
  const firstLine = text.trim().split('\n')[0] ?? '';
  const body = marker ? firstLine.slice(firstLine.indexOf(marker[marker.length - 1]!) + 1) : firstLine;
  const title = body.replace(/\s+/g, '').split(/[，。；：,;:！？!?（(]/)[0] ?? '';
  return Array.from(title).slice(0, 20).join('');
}

/** Ids, paths, trimmed spans and parents from the raw clause starts (contiguous spans). */
function finish(text: string, raw: RawClause[]): NoticeClause[] {
  const sorted = [...raw].sort((a, b) => a.start - b.start);
  // The preamble is kept only when it holds text.
  const firstStart = sorted[1]?.start ?? text.length;
  const items = sorted.filter((r, i) => i > 0 || r.style !== 'preamble' || text.slice(0, firstStart).trim() !== '');
  const out: NoticeClause[] = [];
  const counters: number[] = [];
  const chain: NoticeClause[] = [];
  items.forEach((r, i) => {
    const rawEnd = items[i + 1]?.start ?? text.length;
    const slice = text.slice(r.start, rawEnd);
    const lead = slice.length - slice.trimStart().length;
    const start = r.start + lead;
    const end = r.start + slice.trimEnd().length;
    let depth = r.style === 'preamble' ? 0 : Math.max(1, Math.min(r.depth, chain.length + 1));
    while (chain.length >= depth && chain.length > 0) chain.pop();
    if (r.style === 'preamble') depth = 0;
    const parent = depth > 0 ? chain[chain.length - 1] : undefined;
    let id: string;
    if (r.style === 'preamble') id = 'c0';
    else {
      counters.length = depth;
      counters[depth - 1] = (counters[depth - 1] ?? 0) + 1;
      id = `c${counters.slice(0, depth).join('.')}`;
    }
    const own = text.slice(start, end);
    const title = titleOf(own, r.marker);
    const label = r.style === 'preamble' ? '（导语）' : r.style === 'heading' || r.style === 'label' ? title : depth === 1 || r.style === 'annex' ? `${r.marker}${title}` : r.marker;
    const clause: NoticeClause = {
      id,
      depth,
      style: r.style,
      marker: r.marker,
      title,
      start,
      end,
      text: own,
      path: `${parent ? parent.path : ''}${label}`,
      parentId: parent?.id ?? null,
    };
    out.push(clause);
    if (depth > 0) chain.push(clause);
  });
  return out;
}

function rebuild(tree: ClauseTree, raw: RawClause[]): ClauseTree {
  return { text: tree.text, clauses: finish(tree.text, raw) };
}

const toRaw = (c: NoticeClause): RawClause => ({ start: c.start, depth: c.depth, style: c.style, marker: c.marker });

/**
 * Merges a clause with the clause that follows it in document order: the following clause's text
 * becomes part of this one, its sub-clauses move up under this one. Throws on the last clause.
 */
export function mergeWithNext(tree: ClauseTree, id: string): ClauseTree {
  const i = tree.clauses.findIndex((c) => c.id === id);
  if (i < 0 || i + 1 >= tree.clauses.length) throw new Error(i < 0 ? `没有条款 ${id}` : '这是最后一条，没有可合并的下一条');
  const removed = tree.clauses[i + 1]!;
  const raw = tree.clauses.filter((_, k) => k !== i + 1).map(toRaw);
  // Sub-clauses of the removed clause keep their relative depth under the merged one.
  const shift = removed.depth - tree.clauses[i]!.depth;
  for (let k = i + 1; k < raw.length && raw[k]!.depth > removed.depth; k++) raw[k]!.depth -= Math.max(0, shift);
  return rebuild(tree, raw);
}

/**
 * Splits a clause at a source offset inside its own text: the rest becomes a new clause at the
 * same depth (an unnumbered one when the rest does not start with a marker).
 */
export function splitClause(tree: ClauseTree, id: string, offset: number): ClauseTree {
  const i = tree.clauses.findIndex((c) => c.id === id);
  const clause = tree.clauses[i];
  if (!clause) throw new Error(`没有条款 ${id}`);
  if (offset <= clause.start || offset >= clause.end || tree.text.slice(offset, clause.end).trim() === '') throw new Error('拆分位置须在本条文字之内');
  const rest = tree.text.slice(offset, clause.end).trimStart();
  const m = markerAt(rest);
  const raw = tree.clauses.map(toRaw);
  raw.splice(i + 1, 0, { start: offset, depth: Math.max(1, clause.depth), style: m?.style ?? 'heading', marker: m?.marker ?? '' });
  return rebuild(tree, raw);
}

/** The clause whose own text contains a source offset. */
export function clauseAt(tree: ClauseTree, offset: number): NoticeClause | undefined {
  let found: NoticeClause | undefined;
  for (const c of tree.clauses) if (c.start <= offset) found = c;
  return found;
}

export function childrenOf(tree: ClauseTree, id: string): NoticeClause[] {
  return tree.clauses.filter((c) => c.parentId === id);
}
