export const backupChannels = {
  backupList: 'backup:list',
  backupCreate: 'backup:create',
  backupRestore: 'backup:restore',
  backupSetKeepCount: 'backup:set-keep-count',
  backupStartupState: 'backup:startup-state',
  backupDismissRecovery: 'backup:dismiss-recovery',
} as const;
