import { promises as fsp } from 'node:fs';
import path from 'node:path';

export const EXPORTS_DIR = 'exports';
const DAY_MS = 24 * 60 * 60 * 1000;

export function exportsDirOf(dataDir: string): string {
  return path.join(dataDir, EXPORTS_DIR);
}

/**
 * Removes finished packages and documents and stray temp files in `<dataDir>/exports/` older than `maxAgeMs`
 * (a day by default): jobs live only as long as the process, so older files can no longer be
 * downloaded. Safe to call at any startup (R1's recovery calls it too); returns the names removed.
 */
export async function cleanupExports(dataDir: string, options: { now?: Date; maxAgeMs?: number } = {}): Promise<string[]> {
  const dir = exportsDirOf(dataDir);
  const cutoff = (options.now ?? new Date()).getTime() - (options.maxAgeMs ?? DAY_MS);
  let names: string[];
  try {
    names = await fsp.readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!/\.(zip|docx|pdf|tmp)$/.test(name)) continue;
    const file = path.join(dir, name);
    const info = await fsp.lstat(file).catch(() => null);
    if (!info?.isFile() || info.mtimeMs >= cutoff) continue;
    if (await fsp.unlink(file).then(() => true, () => false)) removed.push(name);
  }
  return removed;
}
