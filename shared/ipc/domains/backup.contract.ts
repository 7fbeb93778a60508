import { z } from 'zod';
import { Empty, IsoTime } from './common';

export const BackupReasonSchema = z.enum(['daily', 'manual', 'before-migration', 'before-restore']);
export type BackupReason = z.infer<typeof BackupReasonSchema>;

export { BACKUP_REASON_LABEL } from './backupReasonLabel';

/** Only names the app itself gives its backups: a name can never become a path elsewhere. */
export const BackupNameSchema = z
  .string('备份名称必须是文字')
  .regex(/^shenbao-\d{8}-\d{6}(?:-(?:daily|manual|before-migration|before-restore))?(?:-\d{1,4})?\.db$/, '备份名称格式不正确，请从备份列表中选择');

export const BackupEntrySchema = z.object({
  name: z.string(),
  createdAt: IsoTime,
  reason: BackupReasonSchema,
  size: z.number().int().nonnegative(),
  /** Passes `PRAGMA integrity_check`, and every draft in it parses and validates (the check `backupRestore` applies too). */
  verified: z.boolean(),
});
export type BackupEntry = z.infer<typeof BackupEntrySchema>;

export const KeepCountSchema = z
  .number('保留份数必须是数字')
  .int('保留份数必须是整数')
  .min(1, '至少保留 1 份备份')
  .max(100, '最多保留 100 份备份');

export const RecoverySchema = z.object({
  /** Where the damaged data file (and its -wal/-shm) now lies, untouched; null when the store was missing or empty (kind `missing`). */
  movedAsideTo: z.string().nullable(),
  kind: z.string(),
  reason: z.string(),
  detectedAt: z.string(),
  latestBackup: BackupEntrySchema.nullable(),
});
export type Recovery = z.infer<typeof RecoverySchema>;

export const backupContract = {
  backupList: {
    input: Empty,
    output: z.object({ dataDir: z.string(), backupsDir: z.string(), keepCount: z.number().int(), backups: z.array(BackupEntrySchema) }),
  },
  backupCreate: {
    input: Empty,
    output: BackupEntrySchema,
  },
  backupRestore: {
    /** The current data is backed up first ("恢复前"), then replaced in one transaction. */
    input: z.object({ name: BackupNameSchema }).strict(),
    output: z.object({
      restoredFrom: z.string(),
      safetyBackup: z.string().nullable(),
      missingAttachments: z.array(z.object({ sha256: z.string(), name: z.string(), draftTitle: z.string() })),
    }),
  },
  backupSetKeepCount: {
    input: z.object({ keepCount: KeepCountSchema }).strict(),
    output: z.object({ keepCount: z.number().int() }),
  },
  backupStartupState: {
    input: Empty,
    /** `notice`: what the start found and repaired without loss (a checkpoint that failed at the last shutdown). */
    output: z.object({ recovery: RecoverySchema.nullable(), notice: z.string().nullable() }),
  },
  backupDismissRecovery: {
    /** 以空白数据继续: the damaged file stays in corrupt/, the fresh store is kept. */
    input: Empty,
    output: z.object({ dismissed: z.literal(true) }),
  },
} as const;
