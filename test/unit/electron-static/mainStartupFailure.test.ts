import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openServices } from '../../../electron/services/index';
import { state } from './fakeElectron';

/** A store the services refuse to open must stop the app with a Chinese dialog, never start it empty. */

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron);
vi.mock('../../../electron/main/paths', () => ({ builtPaths: () => ({ preload: '/built/preload/index.cjs', renderer: '/built/renderer' }) }));

let base: string;
const savedDataDir = process.env['SHENBAO_DATA_DIR'];

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'shenbao-main-fail-'));
  const dataDir = join(base, 'data');
  // A database written by a newer version: its migration table names a version this build does not have.
  const services = openServices({ dataDir, mode: 'test' });
  services.db
    .prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
    .run(999, '0999_from_the_future', new Date().toISOString());
  services.close();
  process.env['SHENBAO_DATA_DIR'] = dataDir;
  await import('../../../electron/main/index');
  await vi.waitFor(() => expect(state.exitCodes).toHaveLength(1));
});

afterAll(() => {
  process.env['SHENBAO_DATA_DIR'] = savedDataDir;
  rmSync(base, { recursive: true, force: true });
});

describe('Electron main process startup failure', () => {
  it('shows the services error in a native dialog and exits 1 without opening a window or IPC', () => {
    expect(state.errorBoxes).toHaveLength(1);
    const [title, message] = state.errorBoxes[0]!;
    expect(title).toBe('申报通无法启动');
    expect(message).toContain('999');
    expect(message).toMatch(/[\u4e00-\u9fff]/);
    expect(state.exitCodes).toEqual([1]);
    expect(state.windows).toEqual([]);
    expect(state.ipc.size).toBe(0);
  });
});
