/**
 * The Location for the token-for-cookie redirect. Browsers read `//host/…` (and `/\host/…`) as
 * another site, and the URL parser turns `/.//evil.example/` into the pathname `//evil.example/`,
 * so the target is always a same-origin path with exactly one leading slash.
 */
export function sameOriginRedirectTarget(url: URL): string {
  const path = '/' + url.pathname.replace(/^[/\\]+/, '');
  return path + url.search;
}
