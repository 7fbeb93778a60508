import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { osDefaultDataDir, resolveDataDir } from '../../../electron/services/dataDir';

describe('data dir resolution', () => {
  const base = { platform: 'linux' as const, homeDir: '/home/wang' };

  it('prefers --data-dir over the environment and the default', () => {
    expect(resolveDataDir({ ...base, argv: ['node', 'cli', '--data-dir', '/d/arg'], env: { SHENBAO_DATA_DIR: '/d/env' }, defaultDir: '/d/default' })).toBe(path.resolve('/d/arg'));
    expect(resolveDataDir({ ...base, argv: ['--data-dir=/d/eq'], env: { SHENBAO_DATA_DIR: '/d/env' } })).toBe(path.resolve('/d/eq'));
  });

  it('uses SHENBAO_DATA_DIR next, then the caller default (Electron userData), then the OS default', () => {
    expect(resolveDataDir({ ...base, argv: [], env: { SHENBAO_DATA_DIR: '/d/env' }, defaultDir: '/d/default' })).toBe(path.resolve('/d/env'));
    expect(resolveDataDir({ ...base, argv: [], env: { SHENBAO_DATA_DIR: ' ' }, defaultDir: '/d/default' })).toBe(path.resolve('/d/default'));
    expect(resolveDataDir({ ...base, argv: [], env: {} })).toBe('/home/wang/.config/申报通');
  });

  it('ignores a --data-dir without a value', () => {
    expect(resolveDataDir({ ...base, argv: ['--data-dir'], env: {} })).toBe('/home/wang/.config/申报通');
    expect(resolveDataDir({ ...base, argv: ['--data-dir', '--verbose'], env: {} })).toBe('/home/wang/.config/申报通');
  });

  it('follows each OS convention', () => {
    expect(osDefaultDataDir('linux', '/home/wang', { XDG_CONFIG_HOME: '/xdg' })).toBe('/xdg/申报通');
    expect(osDefaultDataDir('darwin', '/Users/wang')).toBe('/Users/wang/Library/Application Support/申报通');
    expect(osDefaultDataDir('win32', 'C:\\Users\\wang', { APPDATA: 'C:\\Users\\wang\\AppData\\Roaming' })).toBe('C:\\Users\\wang\\AppData\\Roaming\\申报通');
    expect(osDefaultDataDir('win32', 'C:\\Users\\wang', {})).toBe('C:\\Users\\wang\\AppData\\Roaming\\申报通');
  });
});
