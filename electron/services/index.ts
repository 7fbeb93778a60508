import { mkdirSync, chmodSync } from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { Handlers } from '../../shared/ipc/contract';
import packageJson from '../../package.json' with { type: 'json' };
import { createAttachmentStore, type AttachmentStore } from './attachments/attachmentStore';
import { createBackupService, type BackupService } from './backup/backupService';
import { openStore } from './backup/openStore';
import { withStorageErrors } from './db/storageErrors';
import { codeFingerprint } from './codeFingerprint';
import { createDraftService, type DraftService } from './drafts/draftService';
import { createDocumentPrinters } from './export/orchestrate/documentPrinters';
import { createExportService, type ExportService } from './export/orchestrate/exportService';
import type { DocumentPrinters } from './export/orchestrate/types';
import { createChromiumPrinter } from './export/pdf/chromiumPrinter';
import type { PdfPrinter } from './export/pdf/printer';
import { createHandlers, type AppMode } from './handlers';
import { createStoreValidation } from './drafts/storeValidation';
import { openPackRegistry, type PackRegistry } from './packs/registry';
import { cleanupStrayTemps } from './fs/strayTemps';
import { createProfileService } from './profiles/profileService';

export const DATABASE_FILE = 'shenbao.db';

export interface OpenServicesOptions {
  dataDir: string;
  mode: AppMode;
  /** Electron passes its own ABI build of better-sqlite3. */
  nativeBinding?: string;
  packs?: PackRegistry;
  version?: string;
  now?: () => Date;
  /** Prints HTML to PDF (Electron passes its hidden-window printer); otherwise a system Chromium, started on first use. */
  printer?: PdfPrinter;
  /** Replaces the book printers entirely (bench: packaging measured without printing). */
  documentPrinters?: DocumentPrinters;
  /** Electron's native save dialog for finished packages. */
  chooseSavePath?: (defaultName: string) => Promise<string | null>;
  /** Electron's shell.showItemInFolder, for 打开所在文件夹 after a save. */
  showItemInFolder?: (file: string) => void;
}

export interface Services {
  handlers: Handlers;
  drafts: DraftService;
  attachments: AttachmentStore;
  db: Database;
  dataDir: string;
  exports: ExportService;
  backups: BackupService;
  /** Temp files a crash left in the data dir, removed in the background at start (paths relative to it). */
  strayTempsRemoved: Promise<string[]>;
  close(): void;
}

/** One entry point for every host (Electron, browser mode, CLI, tests): same store, same handlers. */
export function openServices(options: OpenServicesOptions): Services {
  const dataDir = path.resolve(options.dataDir);
  withStorageErrors(() => {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    // mkdir's mode does not tighten a directory that already exists.
    if (process.platform !== 'win32') chmodSync(dataDir, 0o700);
  });
  // SQLite decides whether the store is damaged; only then, and only with no other process in the
  // data dir, is it moved aside (never deleted) and recovery offered; see backup/openStore.ts.
  const store = openStore(dataDir, path.join(dataDir, DATABASE_FILE), { nativeBinding: options.nativeBinding, now: options.now });
  const { db } = store;
  // Never blocks startup; only our own temp names past a grace period are touched.
  // File mtimes are wall-clock time, so the grace period is too (never a test clock).
  const strayTempsRemoved = cleanupStrayTemps(dataDir);
  // Built-in packs plus those imported into the data dir; loaded lazily on first use.
  const packs = options.packs ?? openPackRegistry({ dataDir });
  const drafts = createDraftService(db, {
    now: options.now,
    programLabel: (p, q) => packs.programLabel(p, q),
    codeVersion: () => codeFingerprint(options.version ?? packageJson.version),
  });
  const attachments = createAttachmentStore(db, dataDir, options.now);
  const profiles = createProfileService(db, options.now);
  const backups = createBackupService({ db, dataDir, nativeBinding: options.nativeBinding, now: options.now, attachmentPath: (sha) => attachments.path(sha), startupNotice: store.notice });
  try {
    backups.dailyIfDue();
  } catch {
    // Tried again at the next start: a full disk must not keep the user from drafts that are all there.
  }
  const version = options.version ?? packageJson.version;
  let ownPrinter: (PdfPrinter & { close(): Promise<void> }) | undefined;
  const printer = (): PdfPrinter => options.printer ?? (ownPrinter ??= createChromiumPrinter());
  const validation = createStoreValidation({ packs, drafts, attachments, now: options.now });
  const exportsService = createExportService({
    drafts,
    packs,
    attachments,
    validation,
    dataDir,
    toolVersion: version,
    now: options.now,
    chooseSavePath: options.chooseSavePath,
    showItemInFolder: options.showItemInFolder,
    // Only browser mode starts a system Chromium; Electron prints in its own window, the CLI and tests print when asked.
    warmPrinter: options.mode === 'web' && !options.printer && !options.documentPrinters ? () => void printer().warm?.() : undefined,
    printers: () =>
      options.documentPrinters ??
      createDocumentPrinters({
        attachments,
        now: options.now,
        printer,
      }),
  });
  const handlers = createHandlers({
    drafts,
    packs,
    attachments,
    validation,
    profiles,
    exports: exportsService,
    backups,
    now: options.now,
    app: { version, mode: options.mode, dataDir },
  });
  let closed = false;
  return {
    handlers,
    drafts,
    attachments,
    db,
    dataDir,
    exports: exportsService,
    backups,
    strayTempsRemoved,
    close() {
      if (closed) return;
      closed = true;
      // Running exports stop writing (their temp files are removed as they unwind).
      void exportsService.close().then(() => ownPrinter?.close());
      store.close();
    },
  };
}

export type { AppMode } from './handlers';
export type { DraftService } from './drafts/draftService';
export type { AttachmentStore } from './attachments/attachmentStore';
export { resolveDataDir } from './dataDir';
