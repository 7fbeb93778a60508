import { contract, type Handlers } from './contract';
import { METHODS, type Method } from './channels';
import { AppError, isAppError, type Envelope } from './errors';
import { FORBIDDEN_KEY_MESSAGE } from '../model/forbiddenKeys';
import { describePath, describeZodError } from '../validation/formatIssues';
import { findForbiddenKey } from '../validation/forbiddenKeyPath';

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && (METHODS as string[]).includes(name);
}

function failure(code: AppError['code'], message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

/**
 * The single entry point every transport uses: validates the payload against the contract,
 * calls the handler, and converts any failure into `{code, message}` without a stack trace.
 */
export async function dispatch(handlers: Handlers, method: unknown, payload: unknown): Promise<Envelope<unknown>> {
  if (!isMethod(method)) return failure('invalid_input', '未知的接口调用');
  const entry = contract[method];
  const forbidden = findForbiddenKey(payload);
  if (forbidden) return failure('invalid_input', `请求参数不正确：${describePath(forbidden.path)}：${FORBIDDEN_KEY_MESSAGE(forbidden.key)}`);
  const parsed = entry.input.safeParse(payload ?? {});
  if (!parsed.success) return failure('invalid_input', `请求参数不正确：${describeZodError(parsed.error)}`);
  try {
    const handler = handlers[method] as (input: unknown) => unknown;
    const data = await handler(parsed.data);
    return { ok: true, data };
  } catch (e) {
    if (isAppError(e)) return failure(e.code, e.message);
    return failure('internal', '内部错误，操作未完成；已保存的数据未受影响');
  }
}
