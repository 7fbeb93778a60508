import yauzl from 'yauzl';

/**
 * The text of a .docx as a notice reads it, paragraph by paragraph, with Word's automatic
 * numbering written out (「一、」「（一）」「1.」「①」 from word/numbering.xml, on the paragraph or
 * through its style): 科技局 notices number their headings automatically, and the clause tree
 * needs those numbers in the text.
 */

const MAX_PART_BYTES = 64 * 1024 * 1024;

async function readParts(bytes: Uint8Array, names: string[]): Promise<Map<string, string>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true }, (err, z) => (err || !z ? reject(err ?? new Error('zip')) : resolve(z))),
  );
  const parts = new Map<string, string>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      if (!names.includes(entry.fileName) || entry.uncompressedSize > MAX_PART_BYTES) {
        zip.readEntry();
        return;
      }
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) return reject(err ?? new Error('zip'));
        const chunks: Buffer[] = [];
        let size = 0;
        stream.on('data', (c: Buffer) => {
          size += c.length;
          if (size > MAX_PART_BYTES) stream.destroy(new Error('too large'));
          else chunks.push(c);
        });
        stream.on('error', reject);
        stream.on('end', () => {
          parts.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
          zip.readEntry();
        });
      });
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  zip.close();
  return parts;
}

function decodeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'amp') return '&';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    return String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });
}

const attr = (xml: string, tag: string): string | undefined => new RegExp(`<${tag} [^>]*?w:val="([^"]*)"`).exec(xml)?.[1];

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
  const block = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(xml)?.[1];
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
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'ideographTraditional':
    case 'taiwaneseCounting':
      return chinese(n);
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
    for (const m of xml.matchAll(/<w:abstractNum [^>]*?w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
      const levels = new Map<number, Level>();
      for (const l of m[2]!.matchAll(/<w:lvl [^>]*?w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
        levels.set(Number(l[1]), { start: Number(attr(l[2]!, 'w:start') ?? 1), format: attr(l[2]!, 'w:numFmt') ?? 'decimal', text: decodeXml(attr(l[2]!, 'w:lvlText') ?? '') });
      }
      this.abstracts.set(m[1]!, levels);
    }
    for (const m of xml.matchAll(/<w:num [^>]*?w:numId="(\d+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
      const overrides = new Map<number, number>();
      for (const o of m[2]!.matchAll(/<w:lvlOverride [^>]*?w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvlOverride>/g)) {
        const start = attr(o[2]!, 'w:startOverride');
        if (start !== undefined) overrides.set(Number(o[1]), Number(start));
      }
      this.nums.set(m[1]!, { abstractId: attr(m[2]!, 'w:abstractNumId') ?? '', overrides });
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
  for (const m of xml.matchAll(/<w:style [^>]*?w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
    own.set(m[1]!, { numPr: numPrOf(m[2]!), basedOn: attr(m[2]!, 'w:basedOn') });
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

export async function docxToText(bytes: Uint8Array): Promise<string> {
  const parts = await readParts(bytes, ['word/document.xml', 'word/numbering.xml', 'word/styles.xml']);
  const document = parts.get('word/document.xml');
  if (document === undefined) throw new Error('not a docx');
  const numbering = new Numbering(parts.get('word/numbering.xml') ?? '');
  const styles = styleNumbering(parts.get('word/styles.xml') ?? '');
  const body = /<w:body>([\s\S]*)<\/w:body>/.exec(document)?.[1] ?? document;
  const lines: string[] = [];
  for (const p of body.matchAll(/<w:p(?: [^>]*)?\/>|<w:p(?: [^>]*)?>([\s\S]*?)<\/w:p>/g)) {
    const xml = p[1] ?? '';
    const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(xml)?.[1] ?? '';
    const style = attr(pPr, 'w:pStyle');
    const numPr = numPrOf(pPr) ?? (style ? styles.get(style) : undefined) ?? null;
    // numId 0 switches numbering off for this paragraph.
    const label = numPr && numPr.numId !== '0' ? numbering.next(numPr) : '';
    let text = '';
    const content = xml.replace(/<w:pPr>[\s\S]*?<\/w:pPr>/, '');
    for (const t of content.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:(tab|br|cr)\/>/g)) {
      text += t[1] !== undefined ? decodeXml(t[1]) : t[2] === 'tab' ? '\t' : '\n';
    }
    lines.push(`${label}${text}`);
  }
  return lines.join('\n');
}
