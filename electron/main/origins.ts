/**
 * Which pages count as "our app": the production app:// origin and, during `npm start`, the
 * electron-vite dev server. IPC sender checks and navigation guards both ask this one question.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'shenbao';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** `new URL('app://x').origin` is "null" for non-special schemes, so the origin is built by hand. */
export function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return null;
  }
}

/** The dev server origin from ELECTRON_RENDERER_URL, only when the app is not packaged. */
export function devOrigin(devUrl: string | undefined, isPackaged: boolean): string | null {
  if (isPackaged || devUrl === undefined || devUrl === '') return null;
  return originOf(devUrl);
}

export function trustedOrigins(dev: string | null): string[] {
  return dev === null ? [APP_ORIGIN] : [APP_ORIGIN, dev];
}

export function isTrustedUrl(url: string | undefined, origins: readonly string[]): boolean {
  if (url === undefined || url === '') return false;
  const origin = originOf(url);
  return origin !== null && origins.includes(origin);
}
