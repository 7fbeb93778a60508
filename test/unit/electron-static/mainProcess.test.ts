import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS, METHODS } from '../../../shared/ipc/channels';
import { CSP_NONCE_PLACEHOLDER } from '../../../shared/security/csp';
import { FakeWebContents, state } from './fakeElectron';

/**
 * Runs the real electron/main/index.ts against a recording fake of `electron` (see fakeElectron.ts):
 * the app:// protocol, the IPC sender check, the window options and the guards are exercised for
 * real, with the real services and Node's better-sqlite3, on machines without the Electron binary.
 */

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron);
vi.mock('../../../electron/main/paths', () => ({
  builtPaths: () => ({ preload: '/built/preload/index.cjs', renderer: process.env['SHENBAO_TEST_RENDERER_DIR']! }),
}));

let base: string;
const saved = { data: process.env['SHENBAO_DATA_DIR'], renderer: process.env['SHENBAO_TEST_RENDERER_DIR'] };

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'shenbao-main-'));
  const renderer = join(base, 'renderer');
  mkdirSync(renderer);
  writeFileSync(join(renderer, 'index.html'), `<script nonce="${CSP_NONCE_PLACEHOLDER}" src="/a.js"></script>`);
  writeFileSync(join(base, 'secret.txt'), 'outside');
  process.env['SHENBAO_DATA_DIR'] = join(base, 'data');
  process.env['SHENBAO_TEST_RENDERER_DIR'] = renderer;
  await import('../../../electron/main/index');
  await vi.waitFor(() => expect(state.windows).toHaveLength(1));
});

afterAll(() => {
  for (const l of state.appListeners.get('will-quit') ?? []) l();
  process.env['SHENBAO_DATA_DIR'] = saved.data;
  process.env['SHENBAO_TEST_RENDERER_DIR'] = saved.renderer;
  rmSync(base, { recursive: true, force: true });
});

const fromApp = { senderFrame: { url: 'app://shenbao/index.html#/drafts' } };

function ipc(method: (typeof METHODS)[number]) {
  const handler = state.ipc.get(CHANNELS[method]);
  if (!handler) throw new Error(`no handler for ${method}`);
  return handler;
}

describe('Electron main process (against a fake electron module)', () => {
  it('starts without an error dialog, with the sandbox enabled and app:// registered as privileged', () => {
    expect(state.errorBoxes).toEqual([]);
    expect(state.sandboxEnabled).toBe(true);
    expect(state.privileged).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
  });

  it('opens one locked-down window on app://shenbao/ with the built preload', () => {
    const win = state.windows[0]!;
    expect(win.options.title).toBe('申报通');
    expect(win.options.webPreferences).toMatchObject({
      preload: '/built/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(win.loadedUrl).toBe('app://shenbao/index.html');
    expect(win.webContents.openHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(win.webContents.emitNavigation('will-navigate', 'https://evil.example/')).toBe(true);
    expect(win.webContents.emitNavigation('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(win.webContents.emitNavigation('will-navigate', 'app://shenbao/index.html')).toBe(false);
  });

  it('guards any other web contents and denies permissions', () => {
    const other = new FakeWebContents();
    for (const l of state.appListeners.get('web-contents-created') ?? []) l({}, other);
    expect(other.openHandler?.({})).toEqual({ action: 'deny' });
    expect(other.emitNavigation('will-attach-webview', 'about:blank')).toBe(true);
    expect(other.emitNavigation('will-navigate', 'http://attacker.test/')).toBe(true);
    let granted: boolean | undefined;
    state.permissionRequest?.({}, 'media', (ok) => (granted = ok));
    expect(granted).toBe(false);
    expect(state.permissionCheck?.({}, 'notifications')).toBe(false);
  });

  it('serves index.html through app:// with a fresh nonce matching the CSP header', async () => {
    const handle = state.protocolHandlers.get('app')!;
    const nonces: string[] = [];
    for (let i = 0; i < 2; i++) {
      const res = await handle(new Request('app://shenbao/index.html'));
      expect(res.status).toBe(200);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).not.toMatch(/unsafe-(inline|eval)/);
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1] ?? '';
      expect(await res.text()).toBe(`<script nonce="${nonce}" src="/a.js"></script>`);
      nonces.push(nonce);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
    expect((await handle(new Request('app://other/index.html'))).status).toBe(403);
    const traversal = await handle(new Request('app://shenbao/..%2fsecret.txt'));
    expect(traversal.status).toBe(400);
    expect(await traversal.text()).not.toContain('outside');
  });

  it('registers every contract channel and answers only our own frames', async () => {
    expect([...state.ipc.keys()].sort()).toEqual(METHODS.map((m) => CHANNELS[m]).sort());
    const created = (await ipc('draftsCreate')(fromApp, { title: '草稿' })) as { ok: boolean; data: { draft: { id: string } } };
    expect(created.ok).toBe(true);
    const listed = (await ipc('draftsList')(fromApp, {})) as { ok: boolean; data: { id: string }[] };
    expect(listed).toMatchObject({ ok: true, data: [{ id: created.data.draft.id }] });

    for (const event of [{ senderFrame: null }, { senderFrame: { url: 'https://evil.example/' } }, { senderFrame: { url: 'file:///tmp/x.html' } }]) {
      expect(await ipc('draftsList')(event, {})).toEqual({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/[\u4e00-\u9fff]/) } });
    }
    expect(await ipc('draftsGet')(fromApp, { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await ipc('appInfo')(fromApp, {})).toMatchObject({ ok: true, data: { mode: 'electron', dataDir: join(base, 'data') } });
  });

  it('installs a Chinese menu', () => {
    expect((state.menu as { label?: string }[]).map((m) => m.label)).toEqual(expect.arrayContaining(['文件', '编辑', '视图', '帮助']));
  });
});
