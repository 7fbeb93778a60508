/**
 * The page of every bookmark in a PDF Chromium printed with `outline: true`: the outline items'
 * /Title and /Dest, and the page tree's order. Skia writes plain (uncompressed) object
 * dictionaries and no object streams, which is all this reads; anything else gives an empty list.
 */
export interface OutlineEntry {
  title: string;
  /** 0-based page index in the file (the cover is 0). */
  pageIndex: number;
}

function objects(text: string): Map<number, string> {
  const map = new Map<number, string>();
  const re = /(?:^|[\r\n])(\d+) 0 obj\s*([\s\S]*?)endobj/g;
  for (let m = re.exec(text); m; m = re.exec(text)) map.set(Number(m[1]), m[2]!);
  return map;
}

function decodeTitle(raw: string): string | null {
  const hex = /^<([0-9A-Fa-f\s]*)>$/.exec(raw.trim());
  if (hex) {
    const h = hex[1]!.replace(/\s/g, '');
    if (/^FEFF/i.test(h)) return Buffer.from(h.slice(4), 'hex').swap16().toString('utf16le');
    return Buffer.from(h, 'hex').toString('latin1');
  }
  const lit = /^\(([\s\S]*)\)$/.exec(raw.trim());
  return lit ? lit[1]!.replace(/\\([()\\])/g, '$1') : null;
}

function pageOrder(objs: Map<number, string>, text: string): number[] {
  const root = /\/Root\s+(\d+)\s+0\s+R/.exec(text.slice(text.lastIndexOf('trailer')));
  const pagesRef = root ? /\/Pages\s+(\d+)\s+0\s+R/.exec(objs.get(Number(root[1])) ?? '') : null;
  const order: number[] = [];
  const visit = (n: number, depth: number): void => {
    const dict = objs.get(n);
    if (!dict || depth > 50) return;
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(dict);
    if (kids && /\/Type\s*\/Pages\b/.test(dict)) for (const k of kids[1]!.matchAll(/(\d+)\s+0\s+R/g)) visit(Number(k[1]), depth + 1);
    else if (/\/Type\s*\/Page\b/.test(dict)) order.push(n);
  };
  if (pagesRef) visit(Number(pagesRef[1]), 0);
  return order;
}

export function outlinePages(pdf: Buffer): OutlineEntry[] {
  const text = pdf.toString('latin1');
  const objs = objects(text);
  const pages = pageOrder(objs, text);
  const index = new Map(pages.map((n, i) => [n, i]));
  const entries: OutlineEntry[] = [];
  for (const dict of objs.values()) {
    const title = /\/Title\s*(<[^>]*>|\((?:\\.|[^\\)])*\))/.exec(dict);
    const dest = /\/Dest\s*\[\s*(\d+)\s+0\s+R/.exec(dict);
    if (!title || !dest || !/\/Parent\s+\d+\s+0\s+R/.test(dict)) continue;
    const decoded = decodeTitle(title[1]!);
    const at = index.get(Number(dest[1]));
    if (decoded !== null && at !== undefined) entries.push({ title: decoded, pageIndex: at });
  }
  return entries;
}
