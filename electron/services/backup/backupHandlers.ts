import type { Handlers } from '../../../shared/ipc/contract';
import type { BackupService } from './backupService';

type BackupHandlers = Pick<Handlers, 'backupList' | 'backupCreate' | 'backupRestore' | 'backupSetKeepCount' | 'backupStartupState' | 'backupDismissRecovery'>;

export function createBackupHandlers(backups: BackupService, dataDir: string): BackupHandlers {
  return {
    backupList: () => ({ dataDir, backupsDir: backups.dir, keepCount: backups.keepCount(), backups: backups.list() }),
    backupCreate: () => backups.create('manual'),
    backupRestore: (input) => backups.restore(input.name),
    backupSetKeepCount: (input) => ({ keepCount: backups.setKeepCount(input.keepCount) }),
    backupStartupState: () => ({ recovery: backups.pendingRecovery(), notice: backups.startupNotice() }),
    backupDismissRecovery: () => {
      backups.dismissRecovery();
      return { dismissed: true as const };
    },
  };
}
