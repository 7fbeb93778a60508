import { AppError } from '../../../../shared/ipc/errors';

/** The package cannot be read at all, or is unsafe to read: nothing in it was extracted or trusted. */
export class UnsafePackageError extends AppError {
  constructor(message: string) {
    super('corrupt_file', message);
    this.name = 'UnsafePackageError';
  }
}
