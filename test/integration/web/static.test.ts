import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP_NONCE_PLACEHOLDER } from '../../../shared/security/csp';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

function nonceOfHeader(csp: string): string {
  const m = /script-src 'self' 'nonce-([^']+)'/.exec(csp);
  if (!m) throw new Error(`no script nonce in CSP: ${csp}`);
  return m[1]!;
}

describe('browser-mode static files', () => {
  it('serves index.html with a CSP whose nonce matches the page and changes per request', async () => {
    const first = await h.get('/');
    const second = await h.get('/index.html');
    const nonces = [first, second].map((res) => {
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      const csp = String(res.headers['content-security-policy']);
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      const nonce = nonceOfHeader(csp);
      expect(csp).toContain(`style-src 'self' 'nonce-${nonce}'`);
      expect(res.body).toContain(`nonce="${nonce}"`);
      expect(res.body).not.toContain(CSP_NONCE_PLACEHOLDER);
      return nonce;
    });
    expect(nonces[0]).not.toBe(nonces[1]);
    expect(nonces[0]!.length).toBeGreaterThanOrEqual(16);
  });

  it('sends nosniff, no-referrer and correct content types', async () => {
    const js = await h.get('/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['x-content-type-options']).toBe('nosniff');
    expect(js.headers['referrer-policy']).toBe('no-referrer');
    expect(js.body).toContain('申报通');
    const html = await h.get('/');
    expect(html.headers['x-content-type-options']).toBe('nosniff');
    expect(html.headers['referrer-policy']).toBe('no-referrer');
  });

  it('answers 404 for a missing asset and falls back to index.html for client routes', async () => {
    expect((await h.get('/assets/missing.js')).status).toBe(404);
    const route = await h.get('/drafts/some-route');
    expect(route.status).toBe(200);
    expect(route.body).toContain('<div id="root">');
  });

  it('lets the browser keep content-named build files, never index.html or other files', async () => {
    // Vite names built files after their content (name-<8 characters>.ext): one name, one content.
    writeFileSync(join(h.rendererDir, 'assets', 'WizardPage-ayZZgOJ1.js'), 'export const wizard = 1;\n');
    const hashed = await h.get('/assets/WizardPage-ayZZgOJ1.js');
    expect(hashed.status).toBe(200);
    expect(hashed.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // index.html names the current files and carries a per-response nonce; an unhashed name may change content.
    for (const path of ['/', '/index.html', '/drafts/some-route', '/assets/app.js', '/assets/missing-ayZZgOJ1.js']) {
      expect((await h.get(path)).headers['cache-control'], path).toBe('no-store');
    }
  });

  it('refuses path traversal outside the renderer directory', async () => {
    for (const path of ['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e%5csecret.txt', '/..%00/x']) {
      const res = await h.get(path);
      expect([400, 403, 404], path).toContain(res.status);
      expect(res.body, path).not.toContain('outside the renderer');
    }
  });
});
