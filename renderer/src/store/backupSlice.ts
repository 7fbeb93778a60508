import type { StateCreator } from 'zustand';
import type { Output } from '../../../shared/ipc/contract';
import type { BackupEntry, Recovery } from '../../../shared/ipc/domains/backup.contract';
import { call, errorMessage } from '../api/client';
import type { AppState } from './types';

export type BackupList = Output<'backupList'>;
export type RestoreResult = Output<'backupRestore'>;

export interface BackupSlice {
  backups: BackupList | null;
  backupsError: string | null;
  /** The damaged store moved aside at start, until the user restores or goes on with blank data. */
  recovery: Recovery | null;
  /** What the start found and repaired without loss (a checkpoint that failed at the last shutdown). */
  startupNotice: string | null;
  loadBackups: () => Promise<void>;
  createBackup: () => Promise<BackupEntry>;
  /** Replaces all data with the backup's (the current data is backed up first); reloads the drafts list. */
  restoreBackup: (name: string) => Promise<RestoreResult>;
  setBackupKeepCount: (keepCount: number) => Promise<void>;
  loadRecovery: () => Promise<void>;
  dismissRecovery: () => Promise<void>;
  dismissStartupNotice: () => void;
}

export const createBackupSlice: StateCreator<AppState, [], [], BackupSlice> = (set, get) => ({
  backups: null,
  backupsError: null,
  recovery: null,
  startupNotice: null,

  loadBackups: async () => {
    try {
      set({ backups: await call('backupList', {}), backupsError: null });
    } catch (e) {
      set({ backupsError: errorMessage(e) });
    }
  },

  createBackup: async () => {
    const created = await call('backupCreate', {});
    await get().loadBackups();
    return created;
  },

  restoreBackup: async (name) => {
    const result = await call('backupRestore', { name });
    set({ recovery: null });
    await Promise.all([get().loadBackups(), get().loadDrafts()]);
    return result;
  },

  setBackupKeepCount: async (keepCount) => {
    await call('backupSetKeepCount', { keepCount });
    await get().loadBackups();
  },

  loadRecovery: async () => {
    try {
      const state = await call('backupStartupState', {});
      set({ recovery: state.recovery, startupNotice: state.notice });
    } catch {
      // The modal is an extra; the list page reports storage errors itself.
    }
  },

  dismissRecovery: async () => {
    await call('backupDismissRecovery', {});
    set({ recovery: null });
  },

  dismissStartupNotice: () => set({ startupNotice: null }),
});
