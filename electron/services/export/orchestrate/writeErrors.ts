import { AppError, isAppError } from '../../../../shared/ipc/errors';

/**
 * A failed export write in words the user can act on. Every export is written to a temp file and
 * renamed, so whatever failed, the target still holds its old content (or does not exist).
 */
export function toExportWriteError(e: unknown, what: string): unknown {
  if (isAppError(e)) return e;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new AppError('storage_full', `磁盘空间不足，${what}未写入；原有文件保持不变，请清理磁盘后重试`);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new AppError('io_error', `没有写入权限，${what}未写入；原有文件保持不变`);
  return e;
}
