/**
 * The placeholder Vite writes into the built index.html (`html.cspNonce`); every server of the
 * renderer (Electron's app:// protocol, the browser-mode host) replaces it with a fresh nonce per response.
 */
export const CSP_NONCE_PLACEHOLDER = '__SHENBAO_CSP_NONCE__';

/** Production CSP: no unsafe-inline, no unsafe-eval; antd's runtime styles carry the nonce. */
export function productionCsp(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
