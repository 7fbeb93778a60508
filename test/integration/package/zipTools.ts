import { execFileSync } from 'node:child_process';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { ZipFile } from 'yazl';

/** Builds a zip in memory from name → bytes (test-sized archives only). */
export async function zipOf(entries: { name: string; data: Buffer; mode?: number; compress?: boolean }[]): Promise<Buffer> {
  const zip = new ZipFile();
  for (const e of entries) zip.addBuffer(e.data, e.name, { compress: e.compress ?? true, ...(e.mode ? { mode: e.mode } : {}) });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as unknown as Readable) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Every entry of a zip, read fully (test-sized archives only). */
export function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const files = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(files));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/**
 * yazl refuses unsafe names, so hostile archives are built with a harmless placeholder of the
 * same byte length and the name is then patched in the local header and the central directory.
 */
export function renameEntryBytes(zip: Buffer, placeholder: string, hostile: string): Buffer {
  const from = Buffer.from(placeholder, 'utf8');
  const to = Buffer.from(hostile, 'utf8');
  if (from.length !== to.length) throw new Error('placeholder and hostile name must have the same byte length');
  const out = Buffer.from(zip);
  let at = out.indexOf(from);
  let count = 0;
  while (at >= 0) {
    to.copy(out, at);
    count++;
    at = out.indexOf(from, at + to.length);
  }
  if (count < 2) throw new Error('name not found in both headers');
  return out;
}

/** Whether Info-ZIP's `unzip` is installed (the tests that use it say so when it is not). */
export function hasUnzip(): boolean {
  try {
    execFileSync('unzip', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
