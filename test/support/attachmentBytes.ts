/**
 * Bytes that look like what an applicant uploads, of the type the file name says (the app checks
 * attachments by content: a `.jpg` must start like a JPEG). Distinct per label so hashes differ.
 */
export function attachmentBytesFor(name: string, label: string, size = 4096): Buffer {
  const ext = name.slice(name.lastIndexOf('.')).toLowerCase();
  const head = headOf(ext);
  const text = Buffer.from(`\n% ${label}\n`, 'utf8');
  const body = Buffer.alloc(Math.max(0, size - head.length - text.length));
  for (let i = 0; i < body.length; i++) body[i] = (i * 31 + label.length) & 0xff;
  return Buffer.concat([head, text, body]);
}

/** A zip local file header naming one entry: enough for the content check of DOCX and OFD. */
function zipHead(entry: string): Buffer {
  const name = Buffer.from(entry, 'utf8');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name]);
}

function headOf(ext: string): Buffer {
  switch (ext) {
    case '.jpg':
    case '.jpeg':
      return Buffer.from([0xff, 0xd8, 0xff, 0xe0]);
    case '.png':
      return Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case '.doc':
      return Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    case '.docx':
      return zipHead('word/document.xml');
    case '.ofd':
      return zipHead('OFD.xml');
    default:
      return Buffer.from('%PDF-1.4', 'utf8');
  }
}
