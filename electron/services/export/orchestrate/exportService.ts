import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { chinaToday } from '../../../../shared/dates';
import type { ExportJobStatus, ExportReadiness, ExportedDocument } from '../../../../shared/ipc/domains/export.contract';
import { AppError } from '../../../../shared/ipc/errors';
import type { VerifyResult } from '../../../../shared/export/manifest';
import { draftTitle } from '../../../../shared/model/draft';
import type { AttachmentStore } from '../../attachments/attachmentStore';
import type { DraftService } from '../../drafts/draftService';
import type { StoreValidation } from '../../drafts/storeValidation';
import type { PackRegistry } from '../../packs/registry';
import { documentFileName } from '../package/safeName';
import { describeBlockers, readinessOf } from './blockers';
import { createExportJobs, type FinishedExport } from './exportJobs';
import { cleanupExports, exportsDirOf } from './exportsDir';
import { withTempJournal } from '../../fs/strayTemps';
import { atomicWriteFile } from '../../fs/atomicWrite';
import { saveCopyAs } from './saveCopy';
import { toExportWriteError } from './writeErrors';
import { subjectOf } from './subject';
import { progressPart, throwIfAborted, type DocumentPrinters, type ExportSubject } from './types';

export interface ExportServiceDeps {
  drafts: DraftService;
  packs: PackRegistry;
  attachments: AttachmentStore;
  /** How a stored draft is validated (other drafts of the store, attachment files): the same as 问题清单 and 定稿. */
  validation: StoreValidation;
  dataDir: string;
  toolVersion: string;
  /** Resolved on first use: the PDF printer starts a browser only when something is printed. */
  printers: () => DocumentPrinters;
  /**
   * Starts the PDF printer's browser in the background (browser mode's system Chromium): called
   * when the export page asks what blocks the package, so the first PDF does not wait for it.
   */
  warmPrinter?: () => void;
  /** Electron's native save dialog; absent in browser mode and the CLI. Resolves null when the user cancels. */
  chooseSavePath?: (defaultName: string) => Promise<string | null>;
  /** Electron's shell.showItemInFolder; absent in browser mode and the CLI. */
  showItemInFolder?: (file: string) => void;
  now?: () => Date;
}

interface SavedFile {
  saved: boolean;
  path?: string;
  fileName?: string;
}

const MEDIA = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

/** The export methods of the contract, over the local store. */
export function createExportService(deps: ExportServiceDeps) {
  const now = deps.now ?? (() => new Date());
  const jobs = createExportJobs();
  // Only files this session wrote may be revealed: the renderer never gets to point the shell anywhere else.
  const savedPaths = new Set<string>();

  async function chooseTarget(defaultName: string): Promise<string | null> {
    if (!deps.chooseSavePath) throw new AppError('unavailable', '浏览器模式下文件通过浏览器下载保存');
    return deps.chooseSavePath(defaultName);
  }
  // Packages of an earlier run can no longer be downloaded; never block startup on it.
  void cleanupExports(deps.dataDir, { now: now() }).catch(() => undefined);


  function subjectFor(id: string): ExportSubject {
    const stored = deps.drafts.get(id);
    const options = deps.validation.optionsFor(id, stored.draft, chinaToday(now()));
    return subjectOf(deps.packs, stored.draft, stored.revision, { ...options, now: now().toISOString() });
  }

  /**
   * A Word or PDF document as a background job, so the window can show its steps (「正在打印 PDF」…)
   * and offer 取消: written into the exports folder like a package, then downloaded (browser mode)
   * or copied where the user chooses (exportJobSave, desktop app).
   */
  function startDocument(id: string, kind: 'docx' | 'pdf'): { jobId: string } {
    const subject = subjectFor(id);
    const fileName = documentFileName(draftTitle(subject.draft), readinessOf(subject).documentName, `.${kind}`);
    const dir = exportsDirOf(deps.dataDir);
    const label = kind === 'docx' ? 'Word 文档' : 'PDF 文档';
    return jobs.start(
      fileName,
      async (jobId, signal, report) => {
        const printed = await deps.printers()[kind](subject, signal, progressPart(report, 0, 0.95));
        throwIfAborted(signal);
        report('正在保存文件', 0.97);
        await fsp.mkdir(dir, { recursive: true, mode: 0o700 });
        const target = path.join(dir, `${jobId}.${kind}`);
        await atomicWriteFile(target, printed.bytes, 0o600);
        return { path: target, size: printed.bytes.length };
      },
      { mediaType: MEDIA[kind], label },
    );
  }

  async function document(id: string, kind: 'docx' | 'pdf'): Promise<ExportedDocument> {
    const subject = subjectFor(id);
    const printed = await deps.printers()[kind](subject);
    const documentName = readinessOf(subject).documentName;
    return {
      fileName: documentFileName(draftTitle(subject.draft), documentName, `.${kind}`),
      base64: Buffer.from(printed.bytes).toString('base64'),
      mediaType: MEDIA[kind],
      watermark: printed.watermark,
    };
  }

  function startPackage(id: string): { jobId: string } {
    const subject = subjectFor(id);
    const readiness = readinessOf(subject);
    if (!readiness.ready) throw new AppError('conflict', describeBlockers(readiness));
    const fileName = documentFileName(draftTitle(subject.draft), `${readiness.documentName}申报包`, '.zip');
    const dir = exportsDirOf(deps.dataDir);
    const { jobId } = jobs.start(fileName, async (jobId, signal, report) => {
      await fsp.mkdir(dir, { recursive: true, mode: 0o700 });
      // The zip writer loads with the first package, not with every host's services.
      const { buildPackage } = await import('../package/buildPackage');
      const built = await buildPackage({
        subject,
        attachments: deps.attachments,
        printers: deps.printers(),
        toolVersion: deps.toolVersion,
        target: path.join(dir, `${jobId}.zip`),
        signal,
        onProgress: report,
        now,
      });
      return { path: built.path, size: built.size };
    });
    return { jobId };
  }

  return {
    readiness: (id: string): ExportReadiness => {
      deps.warmPrinter?.();
      return readinessOf(subjectFor(id));
    },
    document,
    startDocument,
    startPackage,
    status: (jobId: string): ExportJobStatus => jobs.status(jobId),
    cancel: (jobId: string): Promise<ExportJobStatus> => jobs.cancel(jobId),
    settled: (jobId: string): Promise<ExportJobStatus> => jobs.settled(jobId),
    finished: (jobId: string): FinishedExport | undefined => jobs.finished(jobId),
    async save(jobId: string): Promise<SavedFile> {
      if (!deps.chooseSavePath) throw new AppError('unavailable', '浏览器模式请通过下载链接保存申报包');
      const done = jobs.finished(jobId);
      if (!done) throw new AppError('not_found', '文件尚未生成完成或已过期，请重新导出');
      const target = await chooseTarget(done.fileName);
      if (target === null) return { saved: false };
      // Journaled: a crash mid-copy leaves a temp file beside the user's target, removed at the next start.
      try {
        await withTempJournal(deps.dataDir, path.dirname(path.resolve(target)), () => saveCopyAs(done.path, target));
      } catch (e) {
        throw toExportWriteError(e, `${done.label}「${path.basename(target)}」`);
      }
      savedPaths.add(path.resolve(target));
      return { saved: true, path: target, fileName: path.basename(target) };
    },
    /** The desktop app's 导出 Word / 导出 PDF: printed first, so a cancelled dialog costs only the print. */
    async saveDocument(id: string, kind: 'docx' | 'pdf'): Promise<SavedFile> {
      if (!deps.chooseSavePath) throw new AppError('unavailable', '浏览器模式下文件通过浏览器下载保存');
      const doc = await document(id, kind);
      const target = await chooseTarget(doc.fileName);
      if (target === null) return { saved: false };
      try {
        await atomicWriteFile(path.resolve(target), Buffer.from(doc.base64, 'base64'), 0o644);
      } catch (e) {
        throw toExportWriteError(e, `「${path.basename(target)}」`);
      }
      savedPaths.add(path.resolve(target));
      return { saved: true, path: target, fileName: path.basename(target) };
    },
    showInFolder(file: string): { shown: true } {
      if (!deps.showItemInFolder) throw new AppError('unavailable', '只有桌面版可以打开所在文件夹');
      const full = path.resolve(file);
      if (!savedPaths.has(full)) throw new AppError('not_found', '只能打开本次保存的文件所在的文件夹');
      deps.showItemInFolder(full);
      return { shown: true };
    },
    verify: async (fileName: string, bytes: Buffer): Promise<VerifyResult> => (await import('../verify/verifyPackage')).verifyPackageBytes(bytes, fileName, { packs: deps.packs, now }),
    close: (): Promise<void> => jobs.cancelAll(),
  };
}

export type ExportService = ReturnType<typeof createExportService>;
