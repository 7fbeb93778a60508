import { AppError, isAppError } from '../../../shared/ipc/errors';

const FULL_CODES = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT']);
const IO_CODES = new Set(['EIO', 'EACCES', 'EPERM', 'EROFS', 'EBUSY', 'EMFILE', 'ENFILE', 'SQLITE_CANTOPEN', 'SQLITE_READONLY', 'SQLITE_BUSY', 'SQLITE_CORRUPT', 'SQLITE_NOTADB']);

function errorCode(e: unknown): string | undefined {
  if (typeof e === 'object' && e !== null && 'code' in e) {
    const code = (e as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

/** Turns SQLite and file-system failures into AppErrors the user can act on; anything else passes through. */
export function toStorageError(e: unknown): unknown {
  if (isAppError(e)) return e;
  const code = errorCode(e);
  if (!code) return e;
  const base = code.split('_').slice(0, 2).join('_');
  if (FULL_CODES.has(code) || FULL_CODES.has(base)) {
    return new AppError('storage_full', '磁盘空间不足，保存失败；您的修改仍保留在编辑器中');
  }
  if (base === 'SQLITE_IOERR' || IO_CODES.has(code) || IO_CODES.has(base)) {
    if (base === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
      return new AppError('io_error', '数据文件已损坏，无法读写；请从备份恢复');
    }
    if (base === 'SQLITE_BUSY') return new AppError('io_error', '数据文件正被另一个申报通窗口或程序占用，请稍后重试');
    return new AppError('io_error', `读写数据文件失败（${code}），请检查磁盘和文件权限后重试`);
  }
  return e;
}

export function withStorageErrors<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw toStorageError(e);
  }
}

export async function withStorageErrorsAsync<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toStorageError(e);
  }
}

/**
 * Why the store could not be opened at start, in words for that moment (nothing was being saved).
 * Never used for corruption: only SQLite's own SQLITE_CORRUPT / SQLITE_NOTADB mean that, and those
 * are handled by the startup check before this is reached.
 */
export function startupStorageError(e: unknown): unknown {
  if (isAppError(e)) return e;
  const code = errorCode(e);
  if (!code) return e;
  const base = code.split('_').slice(0, 2).join('_');
  const untouched = '数据文件未被移动或修改';
  if (FULL_CODES.has(code) || FULL_CODES.has(base)) {
    return new AppError('storage_full', `磁盘空间不足，无法打开数据文件。${untouched}，已保存的内容都在；请腾出磁盘空间后重新启动`);
  }
  if (base === 'SQLITE_BUSY' || base === 'SQLITE_LOCKED') {
    return new AppError('io_error', `数据文件正被另一个申报通窗口或程序占用，暂时无法打开。${untouched}；请稍后重试`);
  }
  if (base === 'SQLITE_IOERR' || IO_CODES.has(code) || IO_CODES.has(base) || code.startsWith('E')) {
    return new AppError('io_error', `读写数据文件失败（${code}），申报通没有启动。${untouched}；请检查磁盘和文件权限后重新启动`);
  }
  return e;
}
