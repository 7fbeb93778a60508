import type { Method } from '../../../shared/ipc/channels';
import type { Api, Input, Output } from '../../../shared/ipc/contract';
import { AppError, type Envelope } from '../../../shared/ipc/errors';
import { createHttpApi } from './httpApi';


let api: Api | undefined;

function currentApi(): Api {
  // Resolved lazily so tests and the preload can install window.api before the first call.
  api ??= window.api ?? createHttpApi();
  return api;
}

/** Calls one contract method and unwraps its envelope; failures become the service's own AppError (code and Chinese message). */
export async function call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
  // Indexing a mapped type by a generic key loses the per-method pairing; Api guarantees it.
  const fn = currentApi()[method] as unknown as (input: Input<M>) => Promise<Envelope<Output<M>>>;
  const envelope = await fn(input);
  if (envelope.ok) return envelope.data;
  throw new AppError(envelope.error.code, envelope.error.message);
}

/** The message to show for any thrown value, without leaking stack traces. */
export function errorMessage(e: unknown): string {
  if (e instanceof AppError) return e.message;
  return '操作失败，请重试';
}
