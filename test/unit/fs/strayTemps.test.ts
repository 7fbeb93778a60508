/**
 * The startup cleanup removes only the temp names our writers produce, in the places they use
 * them, once past the grace period — and never anything else, however it is named.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openServices } from '../../../electron/services/index';
import { cleanupStrayTemps, TEMP_JOURNAL_DIR, withTempJournal } from '../../../electron/services/fs/strayTemps';

let root: string;
let dataDir: string;
let outDir: string;
const HOUR_AGO = new Date(Date.now() - 60 * 60 * 1000);

function file(at: string, age: 'old' | 'fresh' = 'old'): string {
  mkdirSync(path.dirname(at), { recursive: true });
  writeFileSync(at, 'x');
  if (age === 'old') utimesSync(at, HOUR_AGO, HOUR_AGO);
  return at;
}

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'shenbao-stray-'));
  dataDir = path.join(root, 'data');
  outDir = path.join(root, 'out');
  mkdirSync(dataDir);
  mkdirSync(outDir);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('cleanupStrayTemps', () => {
  it('removes old temp files of every writer in the data dir', async () => {
    const strays = [
      file(path.join(dataDir, '.settings.json.0123456789ab.tmp')),
      file(path.join(dataDir, 'packs', 'gansu', '2025', '.pack.json.abcdef012345.tmp')),
      file(path.join(dataDir, 'attachments', '.tmp', '0123456789abcdef.tmp')),
      file(path.join(dataDir, 'exports', 'fedcba9876543210.tmp')),
    ];
    const incoming = path.join(dataDir, 'packs', 'gansu', '.incoming-0123456789ab');
    file(path.join(incoming, 'pack.json'));
    utimesSync(incoming, HOUR_AGO, HOUR_AGO);
    const removed = await cleanupStrayTemps(dataDir);
    expect(removed.sort()).toEqual([...strays, incoming].map((p) => path.relative(dataDir, p)).sort());
    for (const p of [...strays, incoming]) expect(existsSync(p)).toBe(false);
  });

  it('keeps fresh temp files (a writer may be alive) and every file that is not ours', async () => {
    const kept = [
      file(path.join(dataDir, 'exports', 'fedcba9876543210.tmp'), 'fresh'),
      file(path.join(dataDir, 'shenbao.db')),
      file(path.join(dataDir, 'shenbao.db-wal')),
      file(path.join(dataDir, 'notes.tmp')),
      file(path.join(dataDir, '0123456789abcdef.tmp')),
      file(path.join(dataDir, 'attachments', 'ab', 'ab'.padEnd(64, '0'))),
      file(path.join(dataDir, 'attachments', '.tmp', 'not-hex-name.tmp')),
      file(path.join(dataDir, 'exports', '.申报书.docx.0123456789.tmp')),
    ];
    expect(await cleanupStrayTemps(dataDir)).toEqual([]);
    for (const p of kept) expect(existsSync(p)).toBe(true);
  });

  it('sweeps a directory outside the data dir only when a crashed write left its marker there', async () => {
    const stray = file(path.join(outDir, '.申报书.docx.0123456789ab.tmp'));
    const userFile = file(path.join(outDir, '申报书.docx'));
    const unrelated = path.join(root, 'elsewhere');
    const untouched = file(path.join(unrelated, '.x.docx.0123456789ab.tmp'));
    expect(await cleanupStrayTemps(dataDir)).toEqual([]);

    const marker = file(path.join(dataDir, TEMP_JOURNAL_DIR, '0123456789abcdef.json'));
    writeFileSync(marker, JSON.stringify({ dir: outDir }));
    utimesSync(marker, HOUR_AGO, HOUR_AGO);
    expect(await cleanupStrayTemps(dataDir)).toEqual([stray]);
    expect(existsSync(userFile)).toBe(true);
    expect(existsSync(untouched)).toBe(true);
    expect(readdirSync(path.join(dataDir, TEMP_JOURNAL_DIR))).toEqual([]);
  });

  it('withTempJournal holds a marker only while the write runs, also when it fails', async () => {
    const journal = path.join(dataDir, TEMP_JOURNAL_DIR);
    await withTempJournal(dataDir, outDir, async () => {
      expect(readdirSync(journal)).toHaveLength(1);
    });
    expect(readdirSync(journal)).toEqual([]);
    await expect(withTempJournal(dataDir, outDir, () => Promise.reject(new Error('磁盘已满')))).rejects.toThrow('磁盘已满');
    expect(readdirSync(journal)).toEqual([]);
  });

  it('runs at every start (openServices)', async () => {
    const stray = file(path.join(dataDir, 'exports', 'fedcba9876543210.tmp'));
    const services = openServices({ dataDir, mode: 'test' });
    try {
      expect(await services.strayTempsRemoved).toEqual([path.join('exports', 'fedcba9876543210.tmp')]);
      expect(existsSync(stray)).toBe(false);
    } finally {
      services.close();
    }
  });
});
