import yauzl from 'yauzl';

/**
 * The text of a .docx as a notice reads it, paragraph by paragraph, with Word's automatic
 * numbering written out (「一、」「（一）」「1.」「①」 from word/numbering.xml, on the paragraph or
 * through its style): 科技局 notices number their headings automatically, and the clause tree
 * needs those numbers in the text.
 */

/** document.xml of a long notice is a few MB; a part larger than this is not a notice (or a zip bomb). */
const MAX_PART_BYTES = 64 * 1024 * 1024;
/** A .docx has tens of entries (a few hundred with images); thousands are not a Word document. */
const MAX_ENTRIES = 5_000;

/** Why a .docx cannot be read; readNotice.ts words each reason in Chinese. */
export class DocxNotReadable extends Error {
  constructor(readonly reason: 'notZip' | 'noDocument' | 'tooLarge' | 'tooManyEntries' | 'unsafeName' | 'doctype' | 'corrupt' | 'tooLong') {
    super(reason);
  }
}

function zipFailure(e: unknown): DocxNotReadable {
  if (e instanceof DocxNotReadable) return e;
  const m = e instanceof Error ? e.message : '';
  if (/absolute path|invalid relative path|invalid characters in fileName/.test(m)) return new DocxNotReadable('unsafeName');
  // The directory said small, the data inflates past it: yauzl stops at the declared size.
  if (/too many bytes|too large/.test(m)) return new DocxNotReadable('tooLarge');
  if (/end of central directory record signature not found/i.test(m)) return new DocxNotReadable('notZip');
  return new DocxNotReadable('corrupt');
}

async function readParts(bytes: Uint8Array, names: string[]): Promise<Map<string, string>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true, validateEntrySizes: true }, (err, z) => (err || !z ? reject(zipFailure(err)) : resolve(z))),
  );
  if (zip.entryCount > MAX_ENTRIES) {
    zip.close();
    throw new DocxNotReadable('tooManyEntries');
  }
  const parts = new Map<string, string>();
  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (e: unknown): void => {
        zip.removeAllListeners('entry');
        reject(zipFailure(e));
      };
      zip.on('entry', (entry: yauzl.Entry) => {
        if (!names.includes(entry.fileName)) {
          zip.readEntry();
          return;
        }
        if (entry.uncompressedSize > MAX_PART_BYTES) return fail(new DocxNotReadable('tooLarge'));
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return fail(err ?? new Error('zip'));
          const chunks: Buffer[] = [];
          let size = 0;
          stream.on('data', (c: Buffer) => {
            size += c.length;
            if (size > MAX_PART_BYTES) stream.destroy(new Error('too large'));
            else chunks.push(c);
          });
          stream.on('error', fail);
          stream.on('end', () => {
            parts.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve());
      zip.on('error', fail);
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return parts;
}

function decodeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'amp') return '&';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : Number(e.slice(1));
    return code >= 1 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
  });
}

// [^<>] (never [\s\S]) keeps every scan within one tag: a malformed part cannot make these regexes quadratic.
const attrPatterns = new Map<string, RegExp>();
function attr(xml: string, tag: string, name = 'w:val'): string | undefined {
  const key = `${tag} ${name}`;
  let pattern = attrPatterns.get(key);
  if (!pattern) attrPatterns.set(key, (pattern = new RegExp(`<${tag}\\s[^<>]*?${name}="([^"<>]*)"`)));
  return pattern.exec(xml)?.[1];
}

interface Element {
  attrs: string;
  inner: string;
}

/**
 * The `<tag …>…</tag>` elements of `xml` (not nested in each other), found with indexOf only, so the
 * time is linear in the part's length however malformed it is.
 */
function elements(xml: string, tag: string): Element[] {
  const out: Element[] = [];
  const close = `</${tag}>`;
  let at = xml.indexOf(`<${tag}`);
  while (at >= 0) {
    const next = xml[at + tag.length + 1];
    const end = xml.indexOf('>', at);
    if (end < 0) break;
    if (next === '>' || next === ' ' || next === '\n' || next === '\t' || next === '\r') {
      const closeAt = xml.indexOf(close, end);
      if (closeAt < 0) break;
      out.push({ attrs: xml.slice(at, end), inner: xml.slice(end + 1, closeAt) });
      at = xml.indexOf(`<${tag}`, closeAt + close.length);
    } else at = xml.indexOf(`<${tag}`, at + 1);
  }
  return out;
}

const firstInner = (xml: string, tag: string): string | undefined => elements(xml, tag)[0]?.inner;

interface Level {
  start: number;
  format: string;
  text: string;
}

interface NumPr {
  numId: string;
  ilvl: number;
}

function numPrOf(xml: string): NumPr | null {
  const block = firstInner(xml, 'w:numPr');
  if (!block) return null;
  const numId = attr(block, 'w:numId');
  if (numId === undefined) return null;
  return { numId, ilvl: Number(attr(block, 'w:ilvl') ?? 0) };
}

const CN_DIGITS = '〇一二三四五六七八九';
function chinese(n: number): string {
  if (n <= 0) return String(n);
  if (n < 10) return CN_DIGITS[n]!;
  if (n < 20) return `十${n % 10 === 0 ? '' : CN_DIGITS[n % 10]}`;
  if (n < 100) return `${CN_DIGITS[Math.floor(n / 10)]}十${n % 10 === 0 ? '' : CN_DIGITS[n % 10]}`;
  return String(n);
}

const LEGAL = '壹贰叁肆伍陆柒捌玖拾';
/** 甲乙丙…: Word's ideographTraditional. */
const STEMS = '甲乙丙丁戊己庚辛壬癸';

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [v, s] of table) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

function formatNumber(n: number, format: string): string {
  switch (format) {
    // LibreOffice saves its 「一, 二, 三」 as taiwaneseCountingThousand; WPS and Word as chineseCounting(Thousand).
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'japaneseCounting':
      return chinese(n);
    case 'chineseLegalSimplified':
      return chinese(n).replace(/[一二三四五六七八九十]/g, (c) => LEGAL['一二三四五六七八九十'.indexOf(c)]!);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return String(n).replace(/\d/g, (d) => CN_DIGITS[Number(d)]!);
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? STEMS[n - 1]! : String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'lowerLetter':
      return String.fromCharCode(96 + ((n - 1) % 26) + 1);
    case 'upperLetter':
      return String.fromCharCode(64 + ((n - 1) % 26) + 1);
    case 'lowerRoman':
      return roman(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    case 'none':
      return '';
    default:
      return String(n);
  }
}

class Numbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly nums = new Map<string, { abstractId: string; overrides: Map<number, number> }>();
  private readonly counters = new Map<string, number[]>();

  constructor(xml: string) {
    for (const a of elements(xml, 'w:abstractNum')) {
      const id = attr(`${a.attrs}>`, 'w:abstractNum', 'w:abstractNumId');
      if (id === undefined) continue;
      const levels = new Map<number, Level>();
      for (const l of elements(a.inner, 'w:lvl')) {
        const ilvl = attr(`${l.attrs}>`, 'w:lvl', 'w:ilvl');
        if (ilvl !== undefined) levels.set(Number(ilvl), { start: Number(attr(l.inner, 'w:start') ?? 1), format: attr(l.inner, 'w:numFmt') ?? 'decimal', text: decodeXml(attr(l.inner, 'w:lvlText') ?? '') });
      }
      this.abstracts.set(id, levels);
    }
    for (const n of elements(xml, 'w:num')) {
      const id = attr(`${n.attrs}>`, 'w:num', 'w:numId');
      if (id === undefined) continue;
      const overrides = new Map<number, number>();
      for (const o of elements(n.inner, 'w:lvlOverride')) {
        const ilvl = attr(`${o.attrs}>`, 'w:lvlOverride', 'w:ilvl');
        const start = attr(o.inner, 'w:startOverride');
        if (ilvl !== undefined && start !== undefined) overrides.set(Number(ilvl), Number(start));
      }
      this.nums.set(id, { abstractId: attr(n.inner, 'w:abstractNumId') ?? '', overrides });
    }
  }

  /** The label of the next paragraph numbered with `numId` at `ilvl`, advancing the counters. */
  next({ numId, ilvl }: NumPr): string {
    const num = this.nums.get(numId);
    const levels = num ? this.abstracts.get(num.abstractId) : undefined;
    const level = levels?.get(ilvl);
    if (!num || !levels || !level) return '';
    const counters = this.counters.get(numId) ?? [];
    const startOf = (l: number): number => num.overrides.get(l) ?? levels.get(l)?.start ?? 1;
    counters[ilvl] = counters[ilvl] === undefined ? startOf(ilvl) : counters[ilvl]! + 1;
    counters.length = ilvl + 1;
    this.counters.set(numId, counters);
    if (level.format === 'bullet') return '';
    return level.text.replace(/%(\d)/g, (_, d: string) => {
      const l = Number(d) - 1;
      return formatNumber(counters[l] ?? startOf(l), levels.get(l)?.format ?? 'decimal');
    });
  }
}

/** Paragraph styles' own numbering (Heading 1 numbered by its style), following basedOn. */
function styleNumbering(xml: string): Map<string, NumPr> {
  const own = new Map<string, { numPr: NumPr | null; basedOn?: string }>();
  for (const st of elements(xml, 'w:style')) {
    const id = attr(`${st.attrs}>`, 'w:style', 'w:styleId');
    if (id) own.set(id, { numPr: numPrOf(st.inner), basedOn: attr(st.inner, 'w:basedOn') });
  }
  const out = new Map<string, NumPr>();
  for (const id of own.keys()) {
    let cur: string | undefined = id;
    for (let depth = 0; cur && depth < 10; depth++) {
      const s = own.get(cur);
      if (s?.numPr) {
        out.set(id, s.numPr);
        break;
      }
      cur = s?.basedOn;
    }
  }
  return out;
}

/**
 * Paragraph marks, paragraph properties, text runs and table rows and cells, the only tokens the
 * text needs; [^<>] keeps the scan linear.
 */
const TOKEN = /<w:p(?:\s[^<>]*)?(\/)?>|<\/w:p>|<w:pPr>|<w:t(?:\s[^<>]*)?>([^<]*)<\/w:t>|<w:(tab|br|cr)(?:\s[^<>]*)?\/>|<(\/)?w:(tr|tc)(?:\s[^<>]*)?>/g;
/** A cell of a data row: one short paragraph with no sentence end (a name, an amount, a period). */
const DATA_CELL_CHARS = 30;
/** Tokens handled between two yields to the event loop: the services process keeps answering other screens. */
const TOKENS_PER_SLICE = 20_000;

/** `maxChars`: reading stops (DocxNotReadable 'tooLong') as soon as the text is longer, however large the part. */
export async function docxToText(bytes: Uint8Array, options: { maxChars?: number } = {}): Promise<string> {
  const maxChars = options.maxChars ?? Infinity;
  const parts = await readParts(bytes, ['_rels/.rels', 'word/document.xml', 'word/numbering.xml', 'word/styles.xml']);
  let document = parts.get('word/document.xml');
  // The package's relationships name the main part: Word Online, for one, saves word/document2.xml.
  const main = /Type="[^"<>]*\/officeDocument"[^<>]*?Target="\/?(word\/[^"<>/]+\.xml)"|Target="\/?(word\/[^"<>/]+\.xml)"[^<>]*?Type="[^"<>]*\/officeDocument"/.exec(parts.get('_rels/.rels') ?? '');
  const mainName = main?.[1] ?? main?.[2];
  if (document === undefined && mainName) document = (await readParts(bytes, [mainName])).get(mainName);
  if (document === undefined) throw new DocxNotReadable('noDocument');
  // Word, WPS and LibreOffice never write a DTD; one here can only be an entity-expansion attempt.
  if ([...parts.values(), document].some((xml) => /<!DOCTYPE|<!ENTITY/i.test(xml))) throw new DocxNotReadable('doctype');
  const numbering = new Numbering(parts.get('word/numbering.xml') ?? '');
  const styles = styleNumbering(parts.get('word/styles.xml') ?? '');
  const bodyStart = document.indexOf('<w:body>');
  const bodyEnd = document.lastIndexOf('</w:body>');
  const body = bodyStart >= 0 && bodyEnd > bodyStart ? document.slice(bodyStart, bodyEnd) : document;
  const lines: string[] = [];
  let chars = 0;
  // Paragraphs nest (a text box inside a paragraph): a stack, closed innermost first, never recursion.
  const open: { pPr: string; text: string }[] = [];
  // A table is read row by row, cell by cell, a paragraph to a line, so the numbered clauses of a
  // 申报条件 table keep their numbers at line starts. A row of short one-line cells is data
  // (「关键核心技术攻关	50-100万元	2-3年」) and becomes one line, its cells joined by tabs, so the rows
  // of a table of project kinds do not run together into one sentence. A nested table's text stays
  // in its outer cell.
  let rowDepth = 0;
  let row: string[][] = [];
  let cell: string[] | null = null;
  const endRow = (): void => {
    const cells = row.map((c) => c.filter((t) => t.trim() !== ''));
    const data = cells.some((c) => c.length > 0) && cells.every((c) => c.length <= 1 && c.every((t) => Array.from(t).length <= DATA_CELL_CHARS && !/[。；;]/.test(t)));
    if (data) lines.push(cells.map((c) => (c[0] ?? '').replace(/[\t\n]+/g, ' ').trim()).join('\t'));
    else for (const c of row) lines.push(...c);
  };
  const finish = (p: { pPr: string; text: string }): void => {
    const style = attr(p.pPr, 'w:pStyle');
    const numPr = numPrOf(p.pPr) ?? (style ? styles.get(style) : undefined) ?? null;
    // numId 0 switches numbering off for this paragraph.
    const label = numPr && numPr.numId !== '0' ? numbering.next(numPr) : '';
    const text = `${label}${p.text}`;
    if (cell) cell.push(text);
    else lines.push(text);
    chars += text.length + 1;
  };
  // Its own regex: another notice read meanwhile (at a yield) must not move this one's lastIndex.
  const token = new RegExp(TOKEN.source, 'g');
  let count = 0;
  for (let m = token.exec(body); m; m = token.exec(body)) {
    if (++count % TOKENS_PER_SLICE === 0) {
      if (chars > maxChars) throw new DocxNotReadable('tooLong');
      await new Promise((resolve) => setImmediate(resolve));
    }
    const tag = m[0];
    const current = open[open.length - 1];
    if (m[5] === 'tr') {
      if (!m[4] && ++rowDepth === 1) row = [];
      if (m[4] && rowDepth > 0 && --rowDepth === 0) {
        endRow();
        cell = null;
      }
    } else if (m[5] === 'tc') {
      if (rowDepth !== 1) continue;
      if (!m[4]) cell = [];
      else if (cell) {
        row.push(cell);
        cell = null;
      }
    } else if (tag.startsWith('<w:pPr>')) {
      const end = body.indexOf('</w:pPr>', token.lastIndex);
      if (end < 0) break;
      if (current && current.pPr === '' && current.text === '') current.pPr = body.slice(token.lastIndex, end);
      token.lastIndex = end + '</w:pPr>'.length;
    } else if (tag === '</w:p>') {
      const p = open.pop();
      if (p) finish(p);
    } else if (tag.startsWith('<w:p')) {
      if (m[1]) {
        lines.push('');
        chars++;
      } else open.push({ pPr: '', text: '' });
    } else if (current) current.text += m[2] !== undefined ? decodeXml(m[2]) : m[3] === 'tab' ? '\t' : '\n';
  }
  if (chars > maxChars) throw new DocxNotReadable('tooLong');
  return lines.join('\n');
}
