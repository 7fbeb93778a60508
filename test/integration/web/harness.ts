import { request as httpRequest } from 'node:http';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CSP_NONCE_PLACEHOLDER } from '../../../shared/security/csp';
import { startWebServer, type WebServer } from '../../../electron/web/server';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  host?: string;
}

/** node:http rather than fetch: the tests must set Host and Origin freely, which fetch does not allow. */
export function raw(port: number, req: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const r = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: req.method ?? 'GET',
        path: req.path,
        headers: { Host: req.host ?? `127.0.0.1:${port}`, ...req.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    r.on('error', reject);
    if (req.body !== undefined) r.write(req.body);
    r.end();
  });
}

export const INDEX_HTML = `<!doctype html><html><head><meta charset="utf-8">
<script type="module" nonce="${CSP_NONCE_PLACEHOLDER}" src="/assets/app.js"></script></head>
<body><div id="root"></div></body></html>`;

export interface Harness {
  server: WebServer;
  dataDir: string;
  rendererDir: string;
  cookie: string;
  get(path: string, headers?: Record<string, string>): Promise<RawResponse>;
  api(method: string, body: unknown, headers?: Record<string, string>): Promise<RawResponse>;
  call<T = unknown>(method: string, body: unknown): Promise<{ ok: boolean; data?: T; error?: { code: string; message: string } }>;
  close(): Promise<void>;
}

/** A server on a random port with a temp data dir and a tiny fake renderer, plus an authenticated client. */
export async function startHarness(): Promise<Harness> {
  const base = mkdtempSync(join(tmpdir(), 'shenbao-web-'));
  const dataDir = join(base, 'data');
  const rendererDir = join(base, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), INDEX_HTML);
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("申报通");\n');
  writeFileSync(join(base, 'secret.txt'), 'outside the renderer');
  const server = await startWebServer({ dataDir, port: 0, rendererDir });
  const cookie = `shenbao_token=${server.token}`;
  const get = (path: string, headers: Record<string, string> = {}) => raw(server.port, { path, headers: { Cookie: cookie, ...headers } });
  const api = (method: string, body: unknown, headers: Record<string, string> = { 'x-shenbao': '1' }) =>
    raw(server.port, {
      method: 'POST',
      path: `/api/${method}`,
      headers: { Cookie: cookie, 'Content-Type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return {
    server,
    dataDir,
    rendererDir,
    cookie,
    get,
    api,
    async call(method, body) {
      const res = await api(method, body);
      if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${res.body}`);
      return JSON.parse(res.body);
    },
    async close() {
      await server.close();
      rmSync(base, { recursive: true, force: true });
    },
  };
}
