import { existsSync } from 'node:fs';
import type { Services } from '../../../electron/services/index';
import { toStorageError } from '../../../electron/services/db/storageErrors';

/** The variable naming the flag file; set only by the diskFull fixture when it starts its host. */
export const FAIL_SAVES_FLAG_ENV = 'SHENBAO_TEST_FAIL_SAVES_FLAG';

/**
 * Test-only, never in the app: while `flagFile` exists, every draft save fails the way SQLite fails
 * it on a full disk (an SQLITE_FULL error, mapped by the app's own storage-error code), before
 * anything is written. Deleting the file is "space returns".
 */
export function withFailingSaves(services: Services, flagFile: string): Services {
  const save = services.handlers.draftsSave;
  services.handlers.draftsSave = (input) => {
    if (existsSync(flagFile)) throw toStorageError(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }));
    return save(input);
  };
  return services;
}
