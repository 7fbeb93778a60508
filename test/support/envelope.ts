import type { Envelope } from '../../shared/ipc/errors';

/** The data of a successful envelope; a failure throws with its code and Chinese message, so the test shows why. */
export function data<T>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data as T;
}
