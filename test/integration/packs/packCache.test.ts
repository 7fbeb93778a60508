import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadPackDir, PackError } from '../../../electron/services/packs/loadPack';
import { openPackCache, type PackCache } from '../../../electron/services/packs/packCache';

const PACK = path.resolve(import.meta.dirname, '../../../resources/guidelines/xinjiang-aid-2022');

let base: string;
let packDir: string;
let cacheDir: string;
beforeEach(() => {
  base = mkdtempSync(path.join(tmpdir(), 'shenbao-pack-cache-'));
  packDir = path.join(base, 'pack');
  cacheDir = path.join(base, 'cache');
  cpSync(PACK, packDir, { recursive: true });
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

/** Counts the cache's answers, so a test can tell a hit from a full check. */
function counting(cache: PackCache): PackCache & { hits: number; writes: number } {
  const counted = {
    hits: 0,
    writes: 0,
    get: (...args: Parameters<PackCache['get']>) => {
      const found = cache.get(...args);
      if (found) counted.hits++;
      return found;
    },
    set: (...args: Parameters<PackCache['set']>) => {
      counted.writes++;
      cache.set(...args);
    },
  };
  return counted;
}

describe('validated-pack cache of the built CLI', () => {
  it('a second load with the same texts returns the same checked pack without checking again', () => {
    const cache = counting(openPackCache(cacheDir, '100'));
    const first = loadPackDir(packDir, cache);
    expect(cache.writes).toBe(1);
    const second = loadPackDir(packDir, cache);
    expect(cache.hits).toBe(1);
    expect(second.pack).toEqual(first.pack);
    expect(second.contentHash).toBe(first.contentHash);
    expect(second.sourceText).toBe(first.sourceText);
    // What a full check without any cache gives.
    expect(second).toEqual(loadPackDir(packDir));
  });

  it('an edited source text, an edited pack or another build means a full check', () => {
    loadPackDir(packDir, openPackCache(cacheDir, '100'));
    const source = path.join(packDir, 'source.txt');
    writeFileSync(source, `${readFileSync(source, 'utf8')}\n附加一行。`);
    const afterSource = counting(openPackCache(cacheDir, '100'));
    expect(loadPackDir(packDir, afterSource).sourceText).toContain('附加一行。');
    expect(afterSource.hits).toBe(0);

    const packFile = path.join(packDir, 'pack.json');
    const pack = JSON.parse(readFileSync(packFile, 'utf8')) as { title: string };
    writeFileSync(packFile, JSON.stringify({ ...pack, title: `${pack.title}（修订）` }));
    const afterPack = counting(openPackCache(cacheDir, '100'));
    expect(loadPackDir(packDir, afterPack).pack.title).toBe(`${pack.title}（修订）`);
    expect(afterPack.hits).toBe(0);

    const otherBuild = counting(openPackCache(cacheDir, '200'));
    loadPackDir(packDir, otherBuild);
    expect(otherBuild.hits).toBe(0);
    // Writing for the new build removed the entries of the old one.
    expect(readdirSync(cacheDir).every((name) => name.startsWith('200-'))).toBe(true);
  });

  it('a pack that fails its checks is never cached, and a damaged entry is ignored', () => {
    const packFile = path.join(packDir, 'pack.json');
    const good = readFileSync(packFile, 'utf8');
    writeFileSync(packFile, JSON.stringify({ ...JSON.parse(good), programs: [] }));
    const cache = counting(openPackCache(cacheDir, '100'));
    expect(() => loadPackDir(packDir, cache)).toThrow(PackError);
    expect(() => loadPackDir(packDir, cache)).toThrow(PackError);
    expect(cache.hits).toBe(0);

    writeFileSync(packFile, good);
    loadPackDir(packDir, cache);
    for (const name of readdirSync(cacheDir)) writeFileSync(path.join(cacheDir, name), '{"key":');
    const afterDamage = counting(openPackCache(cacheDir, '100'));
    expect(loadPackDir(packDir, afterDamage).pack.id).toBe('xinjiang-aid-2022');
    expect(afterDamage.hits).toBe(0);
  });
});
