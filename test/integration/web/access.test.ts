import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raw, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

function tryConnect(host: string, port: number): Promise<'connected' | string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.setTimeout(2000);
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve('timeout');
    });
    socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
  });
}

describe('browser-mode access control', () => {
  it('prints a loopback URL carrying a 64-hex-digit token', () => {
    expect(h.server.url).toBe(`http://127.0.0.1:${h.server.port}/?token=${h.server.token}`);
    expect(h.server.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses every request without token or cookie, static files included', async () => {
    for (const path of ['/', '/index.html', '/assets/app.js']) {
      const res = await raw(h.server.port, { path });
      expect(res.status, path).toBe(403);
      expect(res.body).toContain('访问被拒绝');
      expect(res.body).not.toContain('申报通");');
    }
    const api = await raw(h.server.port, { method: 'POST', path: '/api/draftsList', headers: { 'x-shenbao': '1' }, body: '{}' });
    expect(api.status).toBe(403);
  });

  it('refuses a wrong token in the URL and a wrong cookie', async () => {
    const wrong = 'f'.repeat(64);
    expect((await raw(h.server.port, { path: `/?token=${wrong}` })).status).toBe(403);
    expect((await raw(h.server.port, { path: `/?token=${h.server.token.slice(0, 63)}` })).status).toBe(403);
    expect((await raw(h.server.port, { path: '/', headers: { Cookie: `shenbao_token=${wrong}` } })).status).toBe(403);
    expect((await raw(h.server.port, { path: '/', headers: { Cookie: `other=${h.server.token}` } })).status).toBe(403);
  });

  it('trades the URL token for an HttpOnly SameSite=Strict cookie and redirects to a token-free URL', async () => {
    const res = await raw(h.server.port, { path: `/?token=${h.server.token}` });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/');
    const setCookie = res.headers['set-cookie'];
    expect(setCookie).toHaveLength(1);
    const cookie = (setCookie as string[])[0]!;
    expect(cookie).toContain(`shenbao_token=${h.server.token}`);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    const page = await raw(h.server.port, { path: '/', headers: { Cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
  });

  it('accepts localhost as Host but refuses foreign Host headers (DNS rebinding)', async () => {
    const port = h.server.port;
    expect((await raw(port, { path: '/', host: `localhost:${port}`, headers: { Cookie: h.cookie } })).status).toBe(200);
    for (const host of [`evil.example:${port}`, '127.0.0.1', `127.0.0.1:${port + 1}`, `127.0.0.1.evil.example:${port}`]) {
      const res = await raw(port, { path: '/', host, headers: { Cookie: h.cookie } });
      expect(res.status, host).toBe(403);
    }
    const viaToken = await raw(port, { path: `/?token=${h.server.token}`, host: `attacker.test:${port}` });
    expect(viaToken.status).toBe(403);
    expect(viaToken.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a foreign Origin even with a valid cookie and header', async () => {
    for (const origin of ['http://evil.example', `http://localhost:${h.server.port + 1}`, 'null']) {
      const res = await h.api('draftsList', {}, { 'x-shenbao': '1', Origin: origin });
      expect(res.status, origin).toBe(403);
    }
    const same = await h.api('draftsList', {}, { 'x-shenbao': '1', Origin: `http://127.0.0.1:${h.server.port}` });
    expect(same.status).toBe(200);
  });

  it('refuses API calls without the x-shenbao header', async () => {
    const res = await h.api('draftsCreate', {}, {});
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const list = await h.call<unknown[]>('draftsList', {});
    expect(list).toEqual({ ok: true, data: [] });
  });

  it('listens on 127.0.0.1 only', async () => {
    expect(await tryConnect('127.0.0.1', h.server.port)).toBe('connected');
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a !== undefined && !a.internal && a.family === 'IPv4')
      .map((a) => a!.address);
    for (const address of [...others, '::1']) {
      expect(await tryConnect(address, h.server.port), address).not.toBe('connected');
    }
  });
});
