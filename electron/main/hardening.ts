import { app, type Session, type WebContents } from 'electron';
import { isTrustedUrl } from './origins';

/**
 * Guards for every web contents the app ever creates, not just the main window: no pop-ups,
 * no <webview>, no navigation away from our own origin, no permissions (camera, geolocation,
 * notifications…): an offline form editor needs none of them.
 */
export function guardContents(contents: WebContents, origins: readonly string[]): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // Same-origin navigations (a reload, a client-side route) stay; anything else is refused.
  contents.on('will-navigate', (event) => {
    if (!isTrustedUrl(event.url, origins)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isTrustedUrl(event.url, origins)) event.preventDefault();
  });
}

export function guardAllContents(origins: readonly string[]): void {
  app.on('web-contents-created', (_event, contents) => guardContents(contents, origins));
}

export function denyPermissions(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
}

/**
 * `npm start` serves the renderer from Vite's dev server, whose React refresh preamble is an inline
 * script; this relaxed policy applies to that origin only and never in a packaged app.
 */
export function applyDevCsp(ses: Session, devOrigin: string): void {
  const ws = devOrigin.replace(/^http/, 'ws');
  const policy = [
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${ws}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  ses.webRequest.onHeadersReceived((details, callback) => {
    if (!details.url.startsWith(`${devOrigin}/`)) {
      callback({});
      return;
    }
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } });
  });
}
