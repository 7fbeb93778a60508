import { protocol } from 'electron';
import { readRendererFile } from '../web/rendererFiles';
import { APP_HOST, APP_SCHEME } from './origins';

/**
 * The production renderer is served from app://shenbao/ rather than file://, so it has a real origin
 * (IPC sender checks, CSP 'self') and every response passes through our path check and nonce.
 * Must run before `app` is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Serves files of `rendererDir` only; other hosts and paths outside it are refused. */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return new Response('禁止访问', { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    }
    const file = await readRendererFile(rendererDir, url.pathname);
    const headers: Record<string, string> = {
      'Content-Type': file.contentType,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': file.cacheControl,
    };
    if (file.csp !== null) headers['Content-Security-Policy'] = file.csp;
    return new Response(new Uint8Array(file.body), { status: file.status, headers });
  });
}
