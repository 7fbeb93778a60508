/**
 * Backup file names carry their own metadata, so the list needs no index that could disagree
 * with the files: `shenbao-<YYYYMMDD-HHMMSS>-<reason>[-<n>].db`, local time, `n` only when two
 * backups fall in the same second.
 */

import type { BackupReason } from '../../../shared/ipc/domains/backup.contract';

export type { BackupReason };

const NAME = /^shenbao-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-(daily|manual|before-migration|before-restore))?(?:-(\d{1,4}))?\.db$/;

/** Our in-progress files: the writer's pid lets a later run tell a dead writer's leftovers from a live one's. */
export const TEMP_PREFIX = '.shenbao-backup-';

export interface ParsedBackupName {
  name: string;
  createdAt: Date;
  reason: BackupReason;
  /** Orders backups taken in the same second. */
  sequence: number;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function timestampOf(at: Date): string {
  return `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
}

export function backupName(at: Date, reason: BackupReason, sequence = 1): string {
  return `shenbao-${timestampOf(at)}-${reason}${sequence > 1 ? `-${sequence}` : ''}.db`;
}

export function parseBackupName(name: string): ParsedBackupName | undefined {
  const m = NAME.exec(name);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, reason, seq] = m;
  const createdAt = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(createdAt.getTime())) return undefined;
  return { name, createdAt, reason: (reason as BackupReason | undefined) ?? 'daily', sequence: seq ? Number(seq) : 1 };
}

/** Newest first. */
export function compareNewestFirst(a: ParsedBackupName, b: ParsedBackupName): number {
  return b.createdAt.getTime() - a.createdAt.getTime() || b.sequence - a.sequence;
}
