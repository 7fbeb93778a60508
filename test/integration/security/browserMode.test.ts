/**
 * Browser mode against a hostile local web page or a DNS-rebinding attacker: every mutating API
 * call that lacks the token, names a foreign Host or comes from a foreign Origin is refused with
 * 403 and changes nothing. (test/integration/web/access.test.ts covers the pages and the cookie.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raw, startHarness, type Harness } from '../web/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

interface Attempt {
  name: string;
  headers: (port: number, token: string) => Record<string, string>;
  host?: (port: number) => string;
  path?: (token: string) => string;
}

const json = { 'Content-Type': 'application/json', 'x-shenbao': '1' };
const ATTEMPTS: Attempt[] = [
  { name: 'no token at all', headers: () => json },
  { name: 'the token in the URL instead of the cookie', headers: () => json, path: (t) => `/api/draftsCreate?token=${t}` },
  { name: 'a wrong cookie of the right length', headers: () => ({ ...json, Cookie: `shenbao_token=${'0'.repeat(64)}` }) },
  { name: 'a foreign Origin with a valid cookie', headers: (_, t) => ({ ...json, Cookie: `shenbao_token=${t}`, Origin: 'http://evil.example' }) },
  { name: 'Origin: null (sandboxed or file: page)', headers: (_, t) => ({ ...json, Cookie: `shenbao_token=${t}`, Origin: 'null' }) },
  { name: 'another local port as Origin', headers: (p, t) => ({ ...json, Cookie: `shenbao_token=${t}`, Origin: `http://127.0.0.1:${p + 1}` }) },
  { name: 'a rebinding Host with a valid cookie', headers: (_, t) => ({ ...json, Cookie: `shenbao_token=${t}` }), host: (p) => `attacker.example:${p}` },
  { name: 'a simple cross-site form post (no x-shenbao header)', headers: (_, t) => ({ 'Content-Type': 'text/plain', Cookie: `shenbao_token=${t}` }) },
];

describe('refused API calls change nothing', () => {
  for (const attempt of ATTEMPTS) {
    it(`${attempt.name}: 403`, async () => {
      const port = h.server.port;
      const res = await raw(port, {
        method: 'POST',
        path: attempt.path?.(h.server.token) ?? '/api/draftsCreate',
        host: attempt.host?.(port),
        headers: attempt.headers(port, h.server.token),
        body: JSON.stringify({ title: '不应被创建' }),
      });
      expect(res.status).toBe(403);
      expect(res.body).not.toContain('不应被创建');
      expect(await h.call('draftsList', {})).toEqual({ ok: true, data: [] });
    });
  }

  it('the same call with the cookie, our Host and our Origin is accepted (the attempts above differ only in what they lack)', async () => {
    const port = h.server.port;
    const res = await raw(port, {
      method: 'POST',
      path: '/api/draftsCreate',
      headers: { ...json, Cookie: h.cookie, Origin: `http://127.0.0.1:${port}` },
      body: JSON.stringify({ title: '正常创建' }),
    });
    expect(res.status).toBe(200);
    const list = await h.call<{ title: string }[]>('draftsList', {});
    expect(list.data?.map((d) => d.title)).toEqual(['正常创建']);
  });
});
