/**
 * The per-response nonce the server wrote into `<meta property="csp-nonce" nonce="…">`.
 * Browsers blank the attribute after parsing (so injected markup cannot read it), but the
 * `nonce` property keeps the value.
 */
export function readCspNonce(): string | undefined {
  const meta = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]');
  const nonce = meta?.nonce || meta?.getAttribute('nonce') || '';
  return nonce === '' ? undefined : nonce;
}
