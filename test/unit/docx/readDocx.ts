import { strictXmlProblems, styleReferenceProblems } from '../../support/strictXml';
import yauzl from 'yauzl';

/** Every entry of a .docx (a zip) by path, read with yauzl as Word would: from the central directory. */
export function readDocx(bytes: Buffer): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('not a zip'));
      const parts = new Map<string, string>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error(`cannot read ${entry.fileName}`));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            // Media stay binary; only their presence matters to the tests.
            parts.set(entry.fileName, entry.fileName.startsWith('word/media/') ? '' : Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
          stream.on('error', reject);
        });
      });
      zip.on('end', () => resolve(parts));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** All matches of a regex's first group. */
export const all = (xml: string, re: RegExp): string[] => [...xml.matchAll(new RegExp(re.source, 'g'))].map((m) => m[1] ?? m[0]);

/** The `<w:style …w:styleId="id">…</w:style>` element of styles.xml. */
export function styleXml(styles: string, id: string): string {
  const m = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>([\\s\\S]*?)</w:style>`).exec(styles);
  if (!m) throw new Error(`style ${id} not found`);
  return m[1]!;
}

/**
 * Checks what makes Word ask to repair a package: every part has a content type, every
 * relationship points at a part that exists, every r:id used in a part is declared in its rels,
 * drawing ids are unique, and no table is without rows or a row without cells. Returns problems.
 */
export function packageProblems(parts: Map<string, string>): string[] {
  const problems: string[] = [];
  const types = parts.get('[Content_Types].xml') ?? '';
  const defaults = new Set(all(types, /<Default [^>]*Extension="([^"]+)"/));
  const overrides = new Set(all(types, /<Override [^>]*PartName="\/([^"]+)"/));
  for (const name of parts.keys()) {
    if (name.endsWith('/') || name === '[Content_Types].xml') continue;
    const ext = name.slice(name.lastIndexOf('.') + 1);
    if (!overrides.has(name) && !defaults.has(ext)) problems.push(`no content type for ${name}`);
  }
  for (const o of overrides) if (!parts.has(o)) problems.push(`content type override for missing part ${o}`);
  for (const [relsName, rels] of parts) {
    if (!relsName.endsWith('.rels')) continue;
    const dir = relsName.replace(/_rels\/[^/]*\.rels$/, '');
    const source = relsName.replace(/_rels\/([^/]*)\.rels$/, '$1');
    const ids = new Set<string>();
    for (const m of rels.matchAll(/<Relationship ([^>]*)\/>/g)) {
      const attrs = m[1]!;
      const id = /Id="([^"]+)"/.exec(attrs)?.[1] ?? '';
      const target = /Target="([^"]+)"/.exec(attrs)?.[1] ?? '';
      if (ids.has(id)) problems.push(`duplicate relationship ${id} in ${relsName}`);
      ids.add(id);
      if (/TargetMode="External"/.test(attrs)) continue;
      const resolved = target.startsWith('/') ? target.slice(1) : dir + target;
      if (!parts.has(resolved)) problems.push(`${relsName}: ${id} → missing ${resolved}`);
    }
    const xml = parts.get(source);
    if (xml) for (const used of new Set(all(xml, /r:(?:id|embed)="([^"]+)"/))) if (!ids.has(used)) problems.push(`${source} uses undeclared ${used}`);
  }
  const docPrIds: string[] = [];
  for (const [name, xml] of parts) {
    if (!name.endsWith('.xml')) continue;
    docPrIds.push(...all(xml, /<wp:docPr id="(\d+)"/));
    for (const tbl of all(xml, /<w:tbl>([\s\S]*?)<\/w:tbl>/)) if (!tbl.includes('<w:tr')) problems.push(`${name}: table without rows`);
    for (const tr of all(xml, /<w:tr>([\s\S]*?)<\/w:tr>/)) if (!tr.includes('<w:tc>')) problems.push(`${name}: row without cells`);
  }
  if (new Set(docPrIds).size !== docPrIds.length) problems.push(`duplicate drawing ids: ${docPrIds.join(',')}`);
  // Strict XML with declared namespaces in every part, and a style sheet whose references resolve.
  for (const [name, xml] of parts) if (name.endsWith('.xml') || name.endsWith('.rels')) problems.push(...strictXmlProblems(xml, name));
  problems.push(...styleReferenceProblems(parts.get('word/styles.xml') ?? ''));
  return problems;
}
