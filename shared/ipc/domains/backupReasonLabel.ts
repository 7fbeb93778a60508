import type { BackupReason } from './backup.contract';

/** Apart from backup.contract.ts (its zod schemas) so the home page's recovery prompt can name a backup without loading zod. */
export const BACKUP_REASON_LABEL: Record<BackupReason, string> = {
  daily: '每日自动',
  manual: '手动',
  'before-migration': '升级前',
  'before-restore': '恢复前',
};
