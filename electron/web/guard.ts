import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { HTTP_TOKEN_COOKIE } from '../../shared/ipc/http';

/**
 * The browser-mode host's access checks. The server listens on 127.0.0.1, but any local web page
 * can still send requests there, so every request must carry the per-run token (first in the URL,
 * then as a SameSite=Strict cookie), name our own Host (DNS rebinding) and, when it has an Origin, our own origin.
 */

export function newToken(): string {
  return randomBytes(32).toString('hex');
}

/** Compares digests so neither the content nor the length of the token leaks through timing. */
export function tokensEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** A rebinding attack reaches us with the attacker's host name in Host; only our literal names pass. */
export function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host;
  return typeof host === 'string' && allowedHosts(port).includes(host.toLowerCase());
}

/** Browsers send Origin on cross-origin requests and on every POST; when present it must be this very origin. */
export function originAllowed(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  const host = req.headers.host;
  // eslint-disable-next-line @microsoft/sdl/no-insecure-url -- same-origin check against the loopback Host already validated above
  return typeof host === 'string' && origin.toLowerCase() === `http://${host.toLowerCase()}`;
}

export function readCookie(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function cookieValid(req: IncomingMessage, token: string): boolean {
  const value = readCookie(req, HTTP_TOKEN_COOKIE);
  return value !== undefined && tokensEqual(value, token);
}

export function tokenCookie(token: string): string {
  return `${HTTP_TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}
