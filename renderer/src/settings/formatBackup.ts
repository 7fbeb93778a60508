import dayjs from 'dayjs';
import type { BackupEntry } from '../../../shared/ipc/domains/backup.contract';
import { BACKUP_REASON_LABEL } from '../../../shared/ipc/domains/backupReasonLabel';

export function backupTime(entry: Pick<BackupEntry, 'createdAt'>): string {
  return dayjs(entry.createdAt).format('YYYY-MM-DD HH:mm:ss');
}

export function backupReason(entry: Pick<BackupEntry, 'reason'>): string {
  return BACKUP_REASON_LABEL[entry.reason];
}

