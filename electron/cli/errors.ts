import { AppError, type ErrorCode } from '../../shared/ipc/errors';

/** Exit codes of `shenbao`: scripts and CI branch on them, so they never change meaning. */
export const EXIT = {
  ok: 0,
  /** The command ran and its check failed (validate/verify), or the operation itself failed. */
  failed: 1,
  /** Bad input: unknown command, bad arguments, unreadable or corrupt file, unknown id. */
  badInput: 2,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * The CLI fails with the services' own AppError, printed as one Chinese line `错误：…` (never a
 * stack) and leaving with the exit code its error code maps to (exitCodeOf).
 */
export const badInput = (message: string): AppError => new AppError('invalid_input', message);

/** The command could not do what was asked (exit 1), e.g. 申报包 blocked by 问题清单. */
export const failed = (message: string): AppError => new AppError('conflict', message);

/** Service error codes that mean "what you gave me is wrong" map to 2; the rest are failures (1). */
export function exitCodeOf(code: ErrorCode): ExitCode {
  return code === 'invalid_input' || code === 'not_found' || code === 'corrupt_file' ? EXIT.badInput : EXIT.failed;
}

/** Keeps the "exactly one line" promise even when a message carries newlines. */
export function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
