import { createHash } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
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
import { sharedBuffer, startHashWorker, workerHasher } from '../../attachments/chunkHasher';
import { commitTempFile } from '../../fs/atomicWrite';
import { openSyncingTempFile } from '../../fs/syncingTempFile';
import { ExportCancelled, progressPart, throwIfAborted, type DocumentPrinters, type ExportSubject, type ProgressListener } from '../orchestrate/types';
import { formatFileSize } from '../../../../shared/text/fileSize';
import { selfCheckSheetFor } from '../selfcheck/selfCheckSheet';
import { selfCheckHtml } from '../selfcheck/selfCheckHtml';
import { attachmentEntries, namesByItem, type AttachmentEntry } from './packageEntries';
import { documentFileName } from './safeName';
import { draftFileBytes } from '../binding/draftBytes';
import { prepareBuffer, ZipFileWriter, type PreparedBuffer } from './zipFileWriter';

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
 * Read size for attachments. Every chunk is hashed, CRC'd and written; at 64 KB the per-chunk
 * overhead cost a third of the packaging CPU.
 */
export const ATTACHMENT_CHUNK = 1024 * 1024;
/**
 * Chunks in flight: one is being read and one written (in libuv's pool) while another is hashed
 * (in the hash worker) and CRC'd (here), so all of it overlaps. The package never holds more than
 * this many chunks, whatever its size.
 */
const READ_AHEAD = 3;

/**
 * Shared memory, so the hash worker reads the very bytes that are written; sized to the largest
 * attachment when all are small (a 20 KB scan needs no 1 MB buffer).
 */
function readBuffers(entries: readonly AttachmentEntry[]): Buffer[] {
  const largest = entries.reduce((max, e) => Math.max(max, e.size), 0);
  // +1: an attachment exactly filling its buffer still reads once more to find its end.
  const size = Math.min(ATTACHMENT_CHUNK, largest + 1);
  return Array.from({ length: READ_AHEAD }, () => sharedBuffer(size));
}

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

  throwIfAborted(signal);
  // Booted while the documents print, so the first attachment's hashing does not wait for it.
  startHashWorker();
  // The PDF first: its layout gives the Word 目录 its page numbers.
  const pdf = (await printers.pdf(subject, signal, progressPart(report, 0.02, 0.12))).bytes;
  // Each document is deflated (in libuv's pool) from the moment it exists, while the next is printed.
  const pdfEntry = prepareBuffer(pdf, true);
  throwIfAborted(signal);
  const docx = (await printers.docx(subject, signal, progressPart(report, 0.12, 0.22))).bytes;
  // A DOCX is a zip already.
  const docxEntry = prepareBuffer(docx, false);
  throwIfAborted(signal);

  const entries = attachmentEntries(subject.resolved.checklist, draft);
  report('正在生成形式审查自查表', 0.24);
  const sheet = selfCheckSheetFor(subject, namesByItem(entries), now());
  const selfCheck = prepareBuffer(await printers.htmlToPdf(selfCheckHtml(sheet), signal), true);
  throwIfAborted(signal);
  // The same bytes whose hash the documents carry in their metadata.
  const draftJson = draftFileBytes(draft);
  const draftEntry = prepareBuffer(draftJson, true);
  let manifest: PackageManifest | undefined;

  const files: PackageFile[] = [];
  const mtime = now();
  const totalBytes = entries.reduce((sum, e) => sum + e.size, 0);
  let doneBytes = 0;
  // 「正在打包附件 2/5：35 MB / 120 MB」: the bytes already in the package out of all the attachments'.
  const attachmentStep = (index: number): void =>
    report(`正在打包附件 ${index + 1}/${entries.length}：${formatFileSize(doneBytes)} / ${formatFileSize(totalBytes)}`, DOCS_SHARE + (0.65 * doneBytes) / (totalBytes || 1));

  const temp = await openSyncingTempFile(path.dirname(options.target));
  try {
    const zip = new ZipFileWriter(temp, mtime);
    const addBuffer = async (name: string, entry: PreparedBuffer, role: PackageFile['role']): Promise<void> => {
      files.push({ path: name, size: entry.bytes.length, sha256: sha256Of(entry.bytes), role });
      await zip.addBuffer(name, entry);
    };
    // Named as the single exports are (「<项目名称>-申报书.pdf」): a file taken out of the package still says what it is.
    await addBuffer(documentFileName(draftTitle(draft), documentName, '.docx'), docxEntry, 'document');
    await addBuffer(documentFileName(draftTitle(draft), documentName, '.pdf'), pdfEntry, 'document');
    await addBuffer(SELF_CHECK_FILE, selfCheck, 'selfCheck');
    await addBuffer(DRAFT_FILE, draftEntry, 'draft');

    // One set of read buffers for all the attachments: memory stays flat whatever their number and size.
    const buffers = readBuffers(entries);
    for (const [index, entry] of entries.entries()) {
      throwIfAborted(signal);
      attachmentStep(index);
      const sizeMismatch = (): AppError => new AppError('corrupt_file', `附件「${entry.originalName}」在本机的文件大小与登记的不一致，请重新添加该附件后再导出`);
      await zip.addStream(
        entry.path,
        entry.size,
        // The store's checked read: hashed as it is read, failing by name when missing or altered.
        (sink) =>
          options.attachments.readChunked(entry.sha256, { name: entry.originalName, buffers, hasher: workerHasher() }, (chunk) => {
            if (signal?.aborted) return Promise.reject(new ExportCancelled());
            doneBytes += chunk.length;
            attachmentStep(index);
            return sink(chunk);
          }),
        sizeMismatch,
      );
      files.push({ path: entry.path, size: entry.size, sha256: entry.sha256, role: 'attachment', originalName: entry.originalName, checklistItem: entry.checklistItem });
    }

    throwIfAborted(signal);
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
    await zip.addBuffer(MANIFEST_FILE, Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8'), true);
    await zip.finish();
    await temp.finish();
    throwIfAborted(signal);
    await commitTempFile(temp.path, options.target);
  } catch (e) {
    await temp.discard();
    if (signal?.aborted) throw new ExportCancelled();
    throw e;
  }
  // Every attachment in the package passed the store's hash check: recorded in one transaction.
  options.attachments.recordVerified(files.filter((f) => f.role === 'attachment').map((f) => f.sha256));
  const { size } = await fsp.stat(options.target);
  return { path: options.target, size, manifest: manifest as PackageManifest };
}
