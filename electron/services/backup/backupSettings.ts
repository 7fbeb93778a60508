import type { Database } from 'better-sqlite3';

/**
 * Backup settings live in the settings table (migration 0001) under `backup.*` keys. A restore
 * keeps these keys as they are on this computer: they describe the device, not the drafts.
 */
export const BACKUP_SETTINGS_PREFIX = 'backup.';
const KEEP_COUNT = 'backup.keepCount';
const PENDING_RECOVERY = 'backup.pendingRecovery';

export const DEFAULT_KEEP_COUNT = 10;
export const KEEP_COUNT_RANGE = { min: 1, max: 100 } as const;

function readSetting(db: Database, key: string): unknown {
  const row = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(key);
  if (row === undefined) return undefined;
  try {
    return JSON.parse(row.value) as unknown;
  } catch {
    // A damaged setting falls back to its default instead of taking the whole store down.
    return undefined;
  }
}

function writeSetting(db: Database, key: string, value: unknown): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
}

export function readKeepCount(db: Database): number {
  const value = readSetting(db, KEEP_COUNT);
  return typeof value === 'number' && Number.isInteger(value) && value >= KEEP_COUNT_RANGE.min && value <= KEEP_COUNT_RANGE.max
    ? value
    : DEFAULT_KEEP_COUNT;
}

export function writeKeepCount(db: Database, keepCount: number): void {
  writeSetting(db, KEEP_COUNT, keepCount);
}

/**
 * The corrupt store that was moved aside at start (or the store found missing where backups exist:
 * `movedAsideTo` null), until the user restores or chooses to go on with blank data.
 */
export interface PendingRecovery {
  movedAsideTo: string | null;
  kind: string;
  reason: string;
  detectedAt: string;
}

export function readPendingRecovery(db: Database): PendingRecovery | null {
  const value = readSetting(db, PENDING_RECOVERY) as Partial<PendingRecovery> | undefined;
  if (!value || (typeof value.movedAsideTo !== 'string' && value.movedAsideTo !== null) || typeof value.reason !== 'string') return null;
  return { movedAsideTo: value.movedAsideTo, kind: String(value.kind ?? 'corrupt'), reason: value.reason, detectedAt: String(value.detectedAt ?? '') };
}

export function writePendingRecovery(db: Database, recovery: PendingRecovery | null): void {
  if (recovery === null) db.prepare('DELETE FROM settings WHERE key = ?').run(PENDING_RECOVERY);
  else writeSetting(db, PENDING_RECOVERY, recovery);
}
