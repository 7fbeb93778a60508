import dayjs from 'dayjs';
import { BACKUP_REASON_LABEL, type BackupEntry } from '../../../shared/ipc/domains/backup.contract';

export function backupTime(entry: Pick<BackupEntry, 'createdAt'>): string {
  return dayjs(entry.createdAt).format('YYYY-MM-DD HH:mm:ss');
}

export function backupReason(entry: Pick<BackupEntry, 'reason'>): string {
  return BACKUP_REASON_LABEL[entry.reason];
}

