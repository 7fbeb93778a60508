import { METHODS, type Method } from '../../../shared/ipc/channels';
import type { Api } from '../../../shared/ipc/contract';
import type { Envelope } from '../../../shared/ipc/errors';
import { HTTP_API_PREFIX, HTTP_CSRF_HEADER } from '../../../shared/ipc/http';

function failure(code: 'unavailable' | 'internal', message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const v = value as { ok: unknown; error?: unknown };
  if (v.ok === true) return 'data' in v;
  return v.ok === false && typeof v.error === 'object' && v.error !== null;
}

async function post(method: Method, input: unknown): Promise<Envelope<unknown>> {
  let response: Response;
  try {
    response = await fetch(HTTP_API_PREFIX + method, {
      method: 'POST',
      // The custom header is the CSRF guard: a cross-site form cannot set it.
      headers: { 'content-type': 'application/json', [HTTP_CSRF_HEADER]: '1' },
      credentials: 'same-origin',
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return failure('unavailable', '无法连接到本地服务，请确认申报通仍在运行');
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return failure('internal', `本地服务返回了无法识别的应答（HTTP ${response.status}）`);
  }
  if (isEnvelope(body)) return body;
  return failure('internal', `本地服务返回了无法识别的应答（HTTP ${response.status}）`);
}

/** Browser mode: the same named methods as the preload, built from the closed method list. */
export function createHttpApi(): Api {
  const entries = METHODS.map((method) => [method, (input: unknown) => post(method, input)] as const);
  return Object.fromEntries(entries) as unknown as Api;
}
