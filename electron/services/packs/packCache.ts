import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Pack } from '../../../shared/pack/pack';
import { atomicWriteFileSync } from '../fs/atomicWrite';

/**
 * Validated packs, kept between runs of the built CLI and browser-mode host. Checking a pack
 * (safe JSON parse, the zod schema, the semantic checks, the canonical hash) is most of what a
 * `shenbao guidelines` or `shenbao validate` start costs; the result depends only on the pack's
 * text, its source text and the code that checked them. So an entry is keyed by the pack text's
 * SHA-256, records the source text's SHA-256, and lives beside the build that wrote it, named
 * after that build: a rebuild, an edited pack or source means a full check again.
 *
 * Only builds have a cache (scripts/build-node.mjs defines __SHENBAO_NODE_BUILD__); the sources
 * under tsx or vitest, and Electron, always check in full. Any failure to read or write an entry
 * just means the full check.
 */

declare const __SHENBAO_NODE_BUILD__: string | undefined;

export interface CachedPack {
  pack: Pack;
  contentHash: string;
}

export interface PackCache {
  /** The checked pack for this pack text, if its source text is still the one it was checked with. */
  get(packText: string, sourceText: (file: string) => string): (CachedPack & { sourceText: string }) | undefined;
  set(packText: string, sourceFile: string | null, sourceText: string, value: CachedPack): void;
}

interface Entry extends CachedPack {
  key: string;
  sourceFile: string | null;
  sourceSha256: string;
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** A cache in `dir` for the build named `buildId`; entries of other builds are removed when one is written. */
export function openPackCache(dir: string, buildId: string): PackCache {
  const prefix = `${buildId.replace(/[^A-Za-z0-9-]/g, '')}-`;
  const fileOf = (key: string): string => path.join(dir, `${prefix}${key.slice(0, 40)}.json`);
  return {
    get(packText, sourceText) {
      const key = sha256(packText);
      try {
        const entry = JSON.parse(readFileSync(fileOf(key), 'utf8')) as Entry;
        if (entry.key !== key) return undefined;
        const source = entry.sourceFile === null ? '' : sourceText(entry.sourceFile);
        if (sha256(source) !== entry.sourceSha256) return undefined;
        return { pack: entry.pack, contentHash: entry.contentHash, sourceText: source };
      } catch {
        return undefined;
      }
    },
    set(packText, sourceFile, sourceText, value) {
      const key = sha256(packText);
      const entry: Entry = { key, sourceFile, sourceSha256: sha256(sourceText), pack: value.pack, contentHash: value.contentHash };
      try {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        for (const name of readdirSync(dir)) {
          if (name.endsWith('.json') && !name.startsWith(prefix)) rmSync(path.join(dir, name), { force: true });
        }
        atomicWriteFileSync(fileOf(key), JSON.stringify(entry));
      } catch {
        // A read-only install or a full disk: the next run checks the pack in full again.
      }
    },
  };
}

let buildCache: PackCache | null | undefined;

/** The cache of the running build (out/cli or out/web), or null when running from the sources. */
export function buildPackCache(): PackCache | null {
  if (buildCache !== undefined) return buildCache;
  buildCache = null;
  if (typeof __SHENBAO_NODE_BUILD__ === 'undefined') return buildCache;
  try {
    // This module sits in the build's directory or in its chunks/ folder; inputs.json marks the build.
    let dir = path.dirname(fileURLToPath(import.meta.url));
    if (!existsSync(path.join(dir, 'inputs.json'))) dir = path.dirname(dir);
    const inputs = JSON.parse(readFileSync(path.join(dir, 'inputs.json'), 'utf8')) as { builtAt?: unknown };
    if (typeof inputs.builtAt === 'number') buildCache = openPackCache(path.join(dir, 'pack-cache'), String(inputs.builtAt));
  } catch {
    // No readable build record: no cache.
  }
  return buildCache;
}
