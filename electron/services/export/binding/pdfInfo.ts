import { BINDING_KEYS, bindingOf, type DocumentBinding } from './documentBinding';

/**
 * Chromium's printToPDF cannot set Info fields, so the binding is added afterwards as a PDF
 * incremental update (ISO 32000-1 §7.5.6): the original bytes stay untouched and a new Info
 * object, a one-entry xref section and a trailer pointing back to the previous xref are appended.
 * Every reader takes the last trailer, so the document's Info is the new one.
 */

/** UTF-16BE with BOM as a hex string: any Chinese text, no escaping to get wrong. */
function pdfText(text: string): string {
  const units = Buffer.from(text, 'utf16le').swap16();
  return `<FEFF${units.toString('hex').toUpperCase()}>`;
}

function fromPdfHex(hex: string): string | null {
  if (!/^FEFF(?:[0-9A-F]{4})*$/i.test(hex)) return null;
  return Buffer.from(hex.slice(4), 'hex').swap16().toString('utf16le');
}

interface Trailer {
  size: number;
  root: string;
  startxref: number;
}

/** The last trailer of a PDF with a classic xref table (what Skia writes); null for anything else. */
function lastTrailer(pdf: Buffer): Trailer | null {
  const tail = pdf.subarray(Math.max(0, pdf.length - 4096)).toString('latin1');
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  const at = tail.lastIndexOf('trailer');
  if (!start || at < 0) return null;
  const dict = tail.slice(at);
  const size = /\/Size\s+(\d+)/.exec(dict);
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(dict);
  if (!size || !root) return null;
  return { size: Number(size[1]), root: root[1]!, startxref: Number(start[1]) };
}

/** The PDF with a new Info dictionary: title, creator and the binding. Throws on a PDF it cannot update safely. */
export function stampPdfInfo(pdf: Buffer, info: { title: string; binding: DocumentBinding }): Buffer {
  const trailer = lastTrailer(pdf);
  if (!trailer) throw new Error('PDF 结构无法识别，不能写入文档属性');
  const n = trailer.size;
  const sep = pdf[pdf.length - 1] === 0x0a ? '' : '\n';
  const object =
    `${n} 0 obj\n<< /Title ${pdfText(info.title)} /Creator ${pdfText('申报通')} /Producer (Skia/PDF) ` +
    `/${BINDING_KEYS.draftSha256} (${info.binding.draftSha256}) /${BINDING_KEYS.facts} ${pdfText(JSON.stringify(info.binding.facts))} >>\nendobj\n`;
  const objectAt = pdf.length + Buffer.byteLength(sep, 'latin1');
  const xrefAt = objectAt + Buffer.byteLength(object, 'latin1');
  const update =
    `${sep}${object}xref\n${n} 1\n${String(objectAt).padStart(10, '0')} 00000 n \n` +
    `trailer\n<< /Size ${n + 1} /Root ${trailer.root} /Info ${n} 0 R /Prev ${trailer.startxref} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(update, 'latin1')]);
}

/** The binding from the current Info dictionary, or null when the PDF has none (not exported by 申报通, or altered). */
export function readPdfBinding(pdf: Buffer): DocumentBinding | null {
  const tail = pdf.subarray(Math.max(0, pdf.length - 65536)).toString('latin1');
  const trailerAt = tail.lastIndexOf('trailer');
  const info = trailerAt < 0 ? null : /\/Info\s+(\d+)\s+0\s+R/.exec(tail.slice(trailerAt));
  if (!info) return null;
  const objectAt = tail.lastIndexOf(`\n${info[1]} 0 obj`);
  if (objectAt < 0) return null;
  const body = tail.slice(objectAt, tail.indexOf('endobj', objectAt));
  const hash = new RegExp(`/${BINDING_KEYS.draftSha256}\\s*\\(([0-9a-f]{64})\\)`).exec(body);
  const facts = new RegExp(`/${BINDING_KEYS.facts}\\s*<([0-9A-Fa-f]+)>`).exec(body);
  return bindingOf({ draftSha256: hash?.[1] ?? null, facts: facts ? fromPdfHex(facts[1]!) : null });
}
