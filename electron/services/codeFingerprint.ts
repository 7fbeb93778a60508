import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Names the code that is running, for results it computed and stored (the home list's checks of
 * drafts): another build may read or check a draft differently, so a stored result counts only for
 * the same fingerprint. The app's version, plus:
 * - from a build (out/…, the packaged app), the size and time of the file this module was bundled
 *   into: every build writes all of its files again;
 * - from the sources (tsx, vitest), the sizes and times of every source file of shared/ and
 *   electron/services/, where the reading and checking code lives (a few hundred stat calls).
 * Anything unreadable makes the fingerprint unique to this process: nothing stored is reused then.
 */
export function codeFingerprint(version: string): string {
  // Once per process: the code that runs does not change while it runs, even if its files do.
  const known = fingerprints.get(version);
  if (known !== undefined) return known;
  const hash = createHash('sha256').update(version);
  try {
    const self = fileURLToPath(import.meta.url);
    if (self.endsWith('.ts')) {
      const root = path.resolve(path.dirname(self), '..', '..');
      for (const dir of ['shared', path.join('electron', 'services')]) statTree(path.join(root, dir), hash);
    } else {
      const info = statSync(self);
      hash.update(`${self}\u0000${info.size}\u0000${info.mtimeMs}`);
    }
  } catch {
    hash.update(`${process.pid}\u0000${Date.now()}\u0000${Math.random()}`);
  }
  const fingerprint = hash.digest('hex').slice(0, 32);
  fingerprints.set(version, fingerprint);
  return fingerprint;
}

const fingerprints = new Map<string, string>();

function statTree(dir: string, hash: ReturnType<typeof createHash>): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) statTree(full, hash);
    else if (entry.name.endsWith('.ts')) {
      const info = statSync(full);
      hash.update(`${full}\u0000${info.size}\u0000${info.mtimeMs}\n`);
    }
  }
}
