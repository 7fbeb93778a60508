/** Error codes that may cross the IPC/HTTP boundary. Messages are always Chinese and never carry stack traces. */
export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'conflict',
  'locked',
  'storage_full',
  'io_error',
  'corrupt_file',
  'forbidden',
  'unavailable',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorShape {
  code: ErrorCode;
  message: string;
}

/** Thrown by services; converted to `{code, message}` at every boundary. */
export class AppError extends Error implements ApiErrorShape {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ApiErrorShape };
