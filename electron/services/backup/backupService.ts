import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/ipc/errors';
import { createBackupFile, deleteBackupFile, listBackupFiles, removeDeadTemps, type BackupFile } from './backupFiles';
import type { BackupEntry, BackupReason } from '../../../shared/ipc/domains/backup.contract';
import { readKeepCount, readPendingRecovery, writeKeepCount, writePendingRecovery, type PendingRecovery } from './backupSettings';
import { findMissingAttachments, type MissingAttachment } from './missingAttachments';
import { prepareRestoreCopy, replaceContentFrom } from './restoreIntoLive';
import { verifyDatabaseFile, type SqliteOpenOptions, type VerifyResult } from './verifyDatabaseFile';

export const BACKUPS_DIR = 'backups';
const DAY_MS = 24 * 60 * 60 * 1000;


export interface RestoreResult {
  restoredFrom: string;
  /** The backup of the state just before the restore; null when there was nothing to keep. */
  safetyBackup: string | null;
  missingAttachments: MissingAttachment[];
}

export interface BackupService {
  readonly dir: string;
  list(): BackupEntry[];
  create(reason: BackupReason): BackupEntry;
  /** Takes the daily backup when the newest one is older than a day and there is data to keep. */
  dailyIfDue(): BackupEntry | null;
  restore(name: string): RestoreResult;
  keepCount(): number;
  setKeepCount(keepCount: number): number;
  /** The corrupt store moved aside at start and the newest backup that is 完好 (integrity and content). */
  pendingRecovery(): (PendingRecovery & { latestBackup: BackupEntry | null }) | null;
  dismissRecovery(): void;
  /** What this start found and repaired without loss (see openStore's CHECKPOINT_FAILED_NOTICE), until dismissed. */
  startupNotice(): string | null;
}

export interface BackupServiceOptions extends SqliteOpenOptions {
  db: Database;
  dataDir: string;
  attachmentPath: (sha256: string) => string;
  now?: () => Date;
  startupNotice?: string | null;
}

/** True when the store holds anything worth keeping (a fresh or just-recovered store does not). */
export function hasUserData(db: Database): boolean {
  const tables = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('schema_migrations', 'settings')")
    .all();
  return tables.some(({ name }) => db.prepare(`SELECT 1 FROM "${name.replaceAll('"', '""')}" LIMIT 1`).get() !== undefined);
}

export function createBackupService(options: BackupServiceOptions): BackupService {
  const { db } = options;
  const dir = path.join(options.dataDir, BACKUPS_DIR);
  const now = options.now ?? (() => new Date());
  let notice = options.startupNotice ?? null;
  // integrity_check reads every page and every draft is validated: each file is checked once per process unless it changes.
  const verifiedCache = new Map<string, VerifyResult>();
  // A backup killed in an earlier run left its temp file: cleaned at the next start.
  removeDeadTemps(dir);

  /** The one check behind both 完好 in the list and the go-ahead of a restore. */
  const verification = (file: BackupFile): VerifyResult => {
    const key = `${file.name}:${file.size}`;
    let verified = verifiedCache.get(key);
    if (verified === undefined) {
      verified = verifyDatabaseFile(path.join(dir, file.name), { nativeBinding: options.nativeBinding, content: true });
      verifiedCache.set(key, verified);
    }
    return verified;
  };
  const isVerified = (file: BackupFile): boolean => verification(file).ok;
  const entry = (file: BackupFile): BackupEntry => ({
    name: file.name,
    createdAt: file.createdAt.toISOString(),
    reason: file.reason,
    size: file.size,
    verified: isVerified(file),
  });

  /** Keeps the newest `keepCount` (all reasons count together); never removes the newest verified backup. */
  const rotate = (protect?: string): void => {
    const files = listBackupFiles(dir);
    const kept = files.slice(0, readKeepCount(db));
    const newestVerified = kept.some(isVerified) ? undefined : files.find(isVerified);
    for (const file of files.slice(kept.length)) {
      if (file !== newestVerified && file.name !== protect) deleteBackupFile(dir, file.name);
    }
  };

  /** `protect`: the backup being restored, which the safety backup's rotation must not remove. */
  const create = (reason: BackupReason, protect?: string): BackupEntry => {
    const file = createBackupFile(db, { dir, reason, at: now(), nativeBinding: options.nativeBinding });
    verifiedCache.set(`${file.name}:${file.size}`, verifyDatabaseFile(path.join(dir, file.name), { nativeBinding: options.nativeBinding, content: true, integrityAlreadyChecked: true }));
    rotate(protect);
    return entry(file);
  };

  const resolve = (name: string): BackupFile => {
    const file = listBackupFiles(dir).find((f) => f.name === name);
    if (!file) throw new AppError('not_found', `找不到备份「${name}」，请刷新备份列表`);
    return file;
  };

  return {
    dir,
    list: () => listBackupFiles(dir).map(entry),
    create: (reason) => create(reason),
    dailyIfDue() {
      const newest = listBackupFiles(dir)[0];
      if (newest && now().getTime() - newest.createdAt.getTime() < DAY_MS) return null;
      if (!hasUserData(db)) return null;
      return create('daily');
    },
    restore(name) {
      const file = resolve(name);
      const verified = verification(file);
      if (!verified.ok) throw new AppError('corrupt_file', `所选备份已损坏（${verified.detail}），未做任何更改；请选择一份标为「完好」的备份`);
      const copy = prepareRestoreCopy(path.join(dir, file.name), dir, options);
      try {
        const safety = hasUserData(db) ? create('before-restore', file.name) : null;
        replaceContentFrom(db, copy.file);
        writePendingRecovery(db, null);
        return { restoredFrom: file.name, safetyBackup: safety?.name ?? null, missingAttachments: findMissingAttachments(db, options.attachmentPath) };
      } finally {
        copy.discard();
      }
    },
    keepCount: () => readKeepCount(db),
    setKeepCount(keepCount) {
      writeKeepCount(db, keepCount);
      rotate();
      return readKeepCount(db);
    },
    pendingRecovery() {
      const pending = readPendingRecovery(db);
      if (!pending) return null;
      const latest = listBackupFiles(dir).find(isVerified);
      return { ...pending, latestBackup: latest ? entry(latest) : null };
    },
    dismissRecovery: () => {
      notice = null;
      writePendingRecovery(db, null);
    },
    startupNotice: () => notice,
  };
}
