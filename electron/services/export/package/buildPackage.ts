import { createHash } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { ZipFile } from 'yazl';
import { AppError } from '../../../../shared/ipc/errors';
import {
  DRAFT_FILE,
  MANIFEST_FILE,
  PACKAGE_FORMAT,
  SELF_CHECK_FILE,
  type PackageFile,
  type PackageManifest,
} from '../../../../shared/export/manifest';
import { draftTitle, DOCUMENT_NAME } from '../../../../shared/model/draft';
import type { AttachmentStore } from '../../attachments/attachmentStore';
import { commitTempFile, streamToTempFile } from '../../fs/atomicWrite';
import { ExportCancelled, progressPart, throwIfAborted, type DocumentPrinters, type ExportSubject, type ProgressListener } from '../orchestrate/types';
import { formatFileSize } from '../../../../shared/text/fileSize';
import { selfCheckSheetFor } from '../selfcheck/selfCheckSheet';
import { selfCheckHtml } from '../selfcheck/selfCheckHtml';
import { attachmentEntries, namesByItem, type AttachmentEntry } from './packageEntries';
import { documentFileName } from './safeName';
import { draftFileBytes } from '../binding/draftBytes';
import { useNativeCrc32ForZip } from './nativeCrc32';

export interface BuildPackageOptions {
  subject: ExportSubject;
  attachments: AttachmentStore;
  printers: DocumentPrinters;
  toolVersion: string;
  /** The finished file; it appears only complete (temp file in the same directory, fsync, rename). */
  target: string;
  signal?: AbortSignal;
  onProgress?: ProgressListener;
  now?: () => Date;
}

export interface BuiltPackage {
  path: string;
  size: number;
  manifest: PackageManifest;
}

const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Read size for attachments. Every chunk passes the hash, yazl's CRC and byte counters and the
 * file writer; at the default 64 KB the per-chunk stream overhead cost a third of the packaging
 * CPU. Memory stays bounded by a few chunks in flight.
 */
export const ATTACHMENT_CHUNK = 1024 * 1024;

/** Shares of the progress bar: the printers first, then the attachments by bytes. */
const DOCS_SHARE = 0.3;

/**
 * Builds the submission package. Documents are printed first (small, in memory); attachments are
 * streamed from the store into the zip one at a time and hashed on the way, so memory does not grow
 * with their size; the manifest is written last, when every hash is known.
 */
export async function buildPackage(options: BuildPackageOptions): Promise<BuiltPackage> {
  const { subject, signal, printers } = options;
  const report = options.onProgress ?? (() => undefined);
  const now = options.now ?? (() => new Date());
  const { draft, validation } = subject;
  const g = draft.guideline;
  if (!g) throw new AppError('invalid_input', '草稿尚未选择申报指南和专项，不能生成申报包');
  const documentName = DOCUMENT_NAME[g.documentType];
  useNativeCrc32ForZip();

  throwIfAborted(signal);
  // The PDF first: its layout gives the Word 目录 its page numbers.
  const pdf = (await printers.pdf(subject, signal, progressPart(report, 0.02, 0.12))).bytes;
  throwIfAborted(signal);
  const docx = (await printers.docx(subject, signal, progressPart(report, 0.12, 0.22))).bytes;
  throwIfAborted(signal);

  const entries = attachmentEntries(subject.resolved.checklist, draft);
  report('正在生成形式审查自查表', 0.24);
  const sheet = selfCheckSheetFor(subject, namesByItem(entries), now());
  const selfCheck = await printers.htmlToPdf(selfCheckHtml(sheet), signal);
  throwIfAborted(signal);
  // The same bytes whose hash the documents carry in their metadata.
  const draftJson = draftFileBytes(draft);

  const files: PackageFile[] = [];
  const zip = new ZipFile();
  const mtime = now();
  const addBuffer = (name: string, bytes: Uint8Array, role: PackageFile['role'], compress: boolean): void => {
    files.push({ path: name, size: bytes.length, sha256: sha256Of(bytes), role });
    zip.addBuffer(Buffer.from(bytes), name, { mtime, compress });
  };
  // Named as the single exports are (「<项目名称>-申报书.pdf」): a file taken out of the package still says what it is.
  addBuffer(documentFileName(draftTitle(draft), documentName, '.docx'), docx, 'document', false);
  addBuffer(documentFileName(draftTitle(draft), documentName, '.pdf'), pdf, 'document', true);
  addBuffer(SELF_CHECK_FILE, selfCheck, 'selfCheck', true);
  addBuffer(DRAFT_FILE, draftJson, 'draft', true);

  const out = zip.outputStream as unknown as Readable;
  /** The attachment being read, closed on failure or cancel so no descriptor is left open. */
  let current: Readable | undefined;
  const fail = (e: Error): void => {
    current?.destroy();
    out.destroy(e);
  };
  // yazl reports a failing entry callback on the ZipFile, and plain pipes do not forward errors:
  // every failure is routed to the output so the pipeline rejects and the temp file is removed.
  zip.on('error', fail);

  const totalBytes = entries.reduce((sum, e) => sum + e.size, 0);
  let doneBytes = 0;
  // 「正在打包附件 2/5：35 MB / 120 MB」: the bytes already in the package out of all the attachments'.
  const attachmentStep = (index: number): void =>
    report(`正在打包附件 ${index + 1}/${entries.length}：${formatFileSize(doneBytes)} / ${formatFileSize(totalBytes)}`, DOCS_SHARE + (0.65 * doneBytes) / (totalBytes || 1));
  entries.forEach((entry, index) => {
    zip.addReadStreamLazy(entry.path, { mtime, compress: false, size: entry.size }, (callback) => {
      attachmentStep(index);
      let source: Readable;
      try {
        // The store's checked stream: hashed as it is read, failing by name when missing or altered.
        source = options.attachments.open(entry.sha256, { name: entry.originalName, highWaterMark: ATTACHMENT_CHUNK, recordVerified: false });
      } catch (e) {
        callback(e as Error, undefined as never);
        return;
      }
      const tap = countingTap(entry, (bytes) => {
        doneBytes += bytes;
        attachmentStep(index);
      }, (record) => files.push(record));
      tap.on('error', fail);
      source.on('error', fail);
      current = source;
      source.pipe(tap);
      callback(null, tap);
    });
  });

  let manifest: PackageManifest | undefined;
  zip.addReadStreamLazy(MANIFEST_FILE, { mtime, compress: true }, (callback) => {
    report('正在写入文件清单', 0.96);
    manifest = {
      format: PACKAGE_FORMAT,
      formatVersion: 1,
      tool: { name: '申报通', version: options.toolVersion },
      pack: { id: subject.pack.id, version: subject.pack.version, contentHash: subject.packHash },
      draft: { id: draft.id, revision: subject.revision, title: draftTitle(draft), sha256: sha256Of(draftJson) },
      programId: g.programId,
      documentType: g.documentType,
      generatedAt: mtime.toISOString(),
      validatedAt: subject.validatedAt,
      validation: validation.summary,
      files,
    };
    callback(null, Readable.from([Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8')]));
  });
  zip.end();

  const onAbort = (): void => fail(new ExportCancelled());
  signal?.addEventListener('abort', onAbort, { once: true });
  const dir = path.dirname(options.target);
  try {
    throwIfAborted(signal);
    const temp = await streamToTempFile(() => out, dir);
    try {
      throwIfAborted(signal);
      await commitTempFile(temp, options.target);
    } catch (e) {
      await fsp.unlink(temp).catch(() => undefined);
      throw e;
    }
  } catch (e) {
    if (signal?.aborted) throw new ExportCancelled();
    throw e;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    current?.destroy();
  }
  // Every attachment in the package passed the store's hash check: recorded in one transaction.
  options.attachments.recordVerified(files.filter((f) => f.role === 'attachment').map((f) => f.sha256));
  const { size } = await fsp.stat(options.target);
  return { path: options.target, size, manifest: manifest as PackageManifest };
}

/** Counts the bytes for the progress bar and records the file once the store's stream has verified its hash. */
function countingTap(entry: AttachmentEntry, onBytes: (n: number) => void, onDone: (record: PackageFile) => void): Transform {
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      onBytes(chunk.length);
      callback(null, chunk);
    },
    flush(callback) {
      if (size !== entry.size) {
        callback(new AppError('corrupt_file', `附件「${entry.originalName}」在本机的文件大小与登记的不一致，请重新添加该附件后再导出`));
        return;
      }
      onDone({ path: entry.path, size, sha256: entry.sha256, role: 'attachment', originalName: entry.originalName, checklistItem: entry.checklistItem });
      callback();
    },
  });
}
