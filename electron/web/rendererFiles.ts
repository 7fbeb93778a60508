import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { CSP_NONCE_PLACEHOLDER, productionCsp } from '../../shared/security/csp';

/**
 * Reads files of the built renderer for any host that serves it: the browser-mode HTTP server and
 * Electron's app:// protocol both go through here, so the path check and the nonce handling are written once.
 * Plain Node on purpose: electron/main imports it, electron/web must not import electron.
 */

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export type RendererResponse =
  | { status: 200; body: Buffer; contentType: string; csp: string | null; cacheControl: string }
  | { status: 400 | 404; body: Buffer; contentType: string; csp: null; cacheControl: string };

/**
 * Vite names every built script, style and asset under assets/ after its content (`WizardPage-ayZZgOJ1.js`):
 * a name stands for one content for ever, so the browser may keep it without asking again. That keeps a
 * reload or a reopened page from fetching and compiling the whole renderer anew (the browser's compiled-code
 * cache only serves scripts it holds in its HTTP cache). index.html, which names the current files, is never kept.
 */
const HASHED_ASSET = /^assets\/[^/]+-[A-Za-z0-9_-]{8}\.[A-Za-z0-9]+$/;
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
/** Anything else is fetched again each time: a rebuilt renderer must not be mixed with a kept older file. */
export const NO_CACHE = 'no-store';

/** The Cache-Control a served file gets, from its path relative to the renderer directory (forward slashes). */
export function cacheControlOf(relativePath: string): string {
  return HASHED_ASSET.test(relativePath) ? IMMUTABLE_CACHE : NO_CACHE;
}

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** 128 random bits, base64: enough that a page cannot guess the next nonce. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * Maps a URL pathname to a file inside `rendererDir`, or null when it would leave the directory.
 * Decoding happens here (once) so `%2e%2e%2f` cannot slip past a check done on the raw string.
 */
export function resolveRendererPath(rendererDir: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relativePath = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = resolve(rendererDir);
  const target = resolve(root, relativePath);
  const rel = relative(root, target);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return null;
  return target;
}

function textResponse(status: 400 | 404, text: string): RendererResponse {
  return { status, body: Buffer.from(text, 'utf8'), contentType: 'text/plain; charset=utf-8', csp: null, cacheControl: NO_CACHE };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Answers one request for the renderer. index.html gets a fresh nonce per response, written into
 * the placeholder Vite left there and into the CSP header, so an injected inline script never matches.
 * A path without an extension falls back to index.html so client-side routes survive a reload.
 */
export async function readRendererFile(rendererDir: string, pathname: string): Promise<RendererResponse> {
  const target = resolveRendererPath(rendererDir, pathname);
  if (target === null) return textResponse(400, '请求路径不合法');
  let file = target;
  if (!(await isFile(file))) {
    if (extname(file) !== '') return textResponse(404, '未找到该文件');
    file = resolve(rendererDir, 'index.html');
    if (!(await isFile(file))) return textResponse(404, '未找到界面文件，请先运行 npm run build');
  }
  const body = await readFile(file);
  if (extname(file).toLowerCase() === '.html') {
    const nonce = newNonce();
    const html = body.toString('utf8').split(CSP_NONCE_PLACEHOLDER).join(nonce);
    // The nonce changes per response, so a kept copy would carry a stale one.
    return { status: 200, body: Buffer.from(html, 'utf8'), contentType: contentTypeOf(file), csp: productionCsp(nonce), cacheControl: NO_CACHE };
  }
  const relativePath = relative(resolve(rendererDir), file).split(sep).join('/');
  return { status: 200, body, contentType: contentTypeOf(file), csp: null, cacheControl: cacheControlOf(relativePath) };
}
