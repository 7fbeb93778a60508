import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname, join, resolve } from 'node:path';
import type { Handlers } from '../../shared/ipc/contract';
import { dispatch } from '../../shared/ipc/dispatch';
import type { Envelope } from '../../shared/ipc/errors';
import { HTTP_API_PREFIX, HTTP_CSRF_HEADER, HTTP_MAX_BODY_BYTES, HTTP_TOKEN_QUERY } from '../../shared/ipc/http';
import { openServices } from '../services/index';
import { cookieValid, hostAllowed, newToken, originAllowed, tokenCookie, tokensEqual } from './guard';
import { readRendererFile } from './rendererFiles';
import { sameOriginRedirectTarget } from './redirectTarget';
import { DOWNLOAD_PREFIX, handleDownload, type FinishedExports } from './download';

/** What the host needs from the services; `openServices(...)` returns a superset. */
export interface WebServices {
  handlers: Handlers;
  /** Finished submission packages, streamed by `GET /download/<jobId>`. */
  exports?: FinishedExports;
  close?(): void;
}

export interface WebServerOptions {
  dataDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The built renderer; defaults to `out/renderer` in the repository. */
  rendererDir?: string;
  /** Defaults to 32 random bytes as hex, new each run. */
  token?: string;
  /** Already opened services (tests); when given, the caller closes them. */
  services?: WebServices;
}

export interface WebServer {
  /** `http://127.0.0.1:<port>/?token=<token>`: the one link that lets a browser in. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** The repository's out/renderer, found from the sources (electron/web) and from a build (out/web, out/web/chunks) alike. */
function defaultRendererDir(): string {
  for (let dir = import.meta.dirname, i = 0; i < 3; dir = dirname(dir), i++) {
    if (basename(dir) === 'out') return join(dir, 'renderer');
  }
  return resolve(import.meta.dirname, '../../out/renderer');
}

export const DEFAULT_RENDERER_DIR = defaultRendererDir();

const FORBIDDEN_PAGE =
  '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>申报通</title>' +
  '<p>访问被拒绝：请使用启动申报通时终端中打印的完整链接打开。</p></html>';

function baseHeaders(res: ServerResponse): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

function forbidden(res: ServerResponse): void {
  res.writeHead(403, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': "default-src 'none'",
    'Cache-Control': 'no-store',
  });
  res.end(FORBIDDEN_PAGE);
}

function sendJson(res: ServerResponse, status: number, envelope: Envelope<unknown>): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(envelope));
}

function invalid(message: string): Envelope<never> {
  return { ok: false, error: { code: 'invalid_input', message } };
}

/** Reads the body up to the limit; resolves null when it is larger, without buffering the excess. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolveBody, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      resolveBody(null);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(tooLarge ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function handleApi(req: IncomingMessage, res: ServerResponse, method: string, handlers: Handlers): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    sendJson(res, 405, invalid('接口不接受这种请求方式'));
    return;
  }
  // A cross-site form or <img> cannot set a custom header, so its absence means the page is not ours.
  if (req.headers[HTTP_CSRF_HEADER] !== '1') {
    sendJson(res, 403, { ok: false, error: { code: 'forbidden', message: '请求缺少安全标头，已拒绝' } });
    return;
  }
  const body = await readBody(req, HTTP_MAX_BODY_BYTES);
  if (body === null) {
    sendJson(res, 413, invalid('请求内容过大'));
    return;
  }
  let payload: unknown;
  try {
    payload = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
  } catch {
    sendJson(res, 200, invalid('请求内容格式不正确，无法读取'));
    return;
  }
  sendJson(res, 200, await dispatch(handlers, method, payload));
}

async function handleStatic(req: IncomingMessage, res: ServerResponse, pathname: string, rendererDir: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('不支持的请求方法');
    return;
  }
  const file = await readRendererFile(rendererDir, pathname);
  const headers: Record<string, string> = { 'Content-Type': file.contentType, 'Cache-Control': file.cacheControl };
  if (file.csp !== null) headers['Content-Security-Policy'] = file.csp;
  res.writeHead(file.status, headers);
  res.end(req.method === 'HEAD' ? undefined : file.body);
}

/**
 * The browser-mode host: the built renderer and the contract's handlers over HTTP on 127.0.0.1.
 * Every request, static files included, needs the per-run token (URL once, then the cookie).
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? newToken();
  if (token.length < 16) throw new Error('访问令牌过短');
  const rendererDir = resolve(options.rendererDir ?? DEFAULT_RENDERER_DIR);
  const ownsServices = options.services === undefined;
  const services: WebServices = options.services ?? openServices({ dataDir: options.dataDir, mode: 'web' });
  let port = 0;

  const server = createServer((req, res) => {
    baseHeaders(res);
    void route(req, res).catch(() => {
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('服务器内部错误');
      } else {
        res.destroy();
      }
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req, port) || !originAllowed(req)) return forbidden(res);
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const offered = url.searchParams.get(HTTP_TOKEN_QUERY);
    if (offered !== null) {
      if (req.method !== 'GET' || !tokensEqual(offered, token)) return forbidden(res);
      // Trade the URL token for a cookie and drop it from the address bar and history.
      url.searchParams.delete(HTTP_TOKEN_QUERY);
      res.writeHead(302, { 'Set-Cookie': tokenCookie(token), Location: sameOriginRedirectTarget(url), 'Cache-Control': 'no-store' });
      res.end();
      return;
    }
    if (!cookieValid(req, token)) return forbidden(res);
    if (url.pathname.startsWith(HTTP_API_PREFIX)) {
      return handleApi(req, res, url.pathname.slice(HTTP_API_PREFIX.length), services.handlers);
    }
    if (url.pathname.startsWith(DOWNLOAD_PREFIX)) {
      return handleDownload(req, res, url.pathname.slice(DOWNLOAD_PREFIX.length), services.exports);
    }
    return handleStatic(req, res, url.pathname, rendererDir);
  }

  try {
    await new Promise<void>((resolveListen, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => {
        server.off('error', reject);
        resolveListen();
      });
    });
  } catch (e) {
    if (ownsServices) services.close?.();
    throw e;
  }
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?${HTTP_TOKEN_QUERY}=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.close(() => {
          if (ownsServices) services.close?.();
          resolveClose();
        });
        server.closeAllConnections();
      }),
  };
}
