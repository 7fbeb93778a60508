import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raw, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

/** Request targets that a URL parser normalises into a pathname starting with `//` (a network-path reference). */
const HOSTILE_PATHS = [
  '/.//evil.example/',
  '//evil.example/',
  '///evil.example/',
  '/\\evil.example/',
  '/.\\/evil.example/',
  '/..//evil.example/',
  '/././/evil.example/x',
  '/%2e//evil.example/',
];

describe('token redirect never leaves the origin', () => {
  it.each(HOSTILE_PATHS)('GET %s?token=… redirects to a same-origin path', async (path) => {
    const res = await raw(h.server.port, { path: `${path}?token=${h.server.token}&x=1` });
    expect(res.status).toBe(302);
    const location = String(res.headers.location);
    expect(location.startsWith('/')).toBe(true);
    expect(location).not.toMatch(/^[/\\]{2}/);
    const origin = `http://127.0.0.1:${h.server.port}`;
    expect(new URL(location, origin + '/a/b').origin).toBe(origin);
    expect(location).not.toContain(h.server.token);
    expect(location).toContain('x=1');
  });

  it('keeps an ordinary path as it was', async () => {
    const res = await raw(h.server.port, { path: `/drafts/abc?token=${h.server.token}` });
    expect(res.headers.location).toBe('/drafts/abc');
  });
});
