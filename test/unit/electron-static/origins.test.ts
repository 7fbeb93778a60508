import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { electronSqlitePath } from '../../../electron/main/nativeBinding';
import { APP_ENTRY_URL, devOrigin, isTrustedUrl, originOf, trustedOrigins } from '../../../electron/main/origins';

const ROOT = resolve(import.meta.dirname, '../../..');

describe('trusted origins of the Electron shell', () => {
  it('trusts app://shenbao and nothing that merely looks like it', () => {
    const origins = trustedOrigins(null);
    expect(isTrustedUrl(APP_ENTRY_URL, origins)).toBe(true);
    expect(isTrustedUrl('app://shenbao/assets/x.js', origins)).toBe(true);
    for (const url of ['app://evil/index.html', 'app://shenbao.evil/', 'file:///etc/passwd', 'https://shenbao/', 'http://localhost:5173/', '', undefined, 'not a url']) {
      expect(isTrustedUrl(url, origins), String(url)).toBe(false);
    }
  });

  it('trusts the dev server only when not packaged', () => {
    expect(devOrigin('http://localhost:5173/', false)).toBe('http://localhost:5173');
    expect(devOrigin('http://localhost:5173/', true)).toBeNull();
    expect(devOrigin(undefined, false)).toBeNull();
    const origins = trustedOrigins(devOrigin('http://localhost:5173', false));
    expect(isTrustedUrl('http://localhost:5173/index.html', origins)).toBe(true);
    expect(isTrustedUrl('http://localhost:5174/index.html', origins)).toBe(false);
    expect(originOf('app://shenbao/a/b?c')).toBe('app://shenbao');
  });
});

describe('native module path', () => {
  it('is the same in the prestart script and in the main process', async () => {
    const script = (await import(pathToFileURL(join(ROOT, 'scripts/ensure-electron-sqlite.mjs')).href)) as {
      electronSqlitePath(root: string, version: string, platform: string, arch: string): string;
    };
    const args = [ROOT, '39.8.10', 'linux', 'x64'] as const;
    expect(script.electronSqlitePath(...args)).toBe(electronSqlitePath(...args));
    expect(electronSqlitePath(...args)).toBe(join(ROOT, '.native/better-sqlite3/electron-v39.8.10-linux-x64/better_sqlite3.node'));
  });
});
