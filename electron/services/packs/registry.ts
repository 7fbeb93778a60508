import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GuidelineSummary } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import type { GuidelineRef } from '../../../shared/model/draft';
import type { Pack } from '../../../shared/pack/pack';
import { fsyncDirSync } from '../fs/atomicWrite';
import { loadPackDir, loadPackFromText, PACK_FILE, PackError, type LoadedPack } from './loadPack';
import { buildPackCache } from './packCache';
import { setFieldLabelSource } from '../../../shared/validation/fieldLabels';
import { packFieldLabels } from '../../../shared/validation/packFieldLabels';

/** What the rest of the services need from the installed guideline packs. */
export interface PackRegistry {
  /** The latest version of each installed pack. */
  list(): GuidelineSummary[];
  /** The pack (latest version unless `version` is given). */
  get(id: string, version?: string): Pack | undefined;
  /** The year of a pack version (the newest version's when that one is not installed), for cross-draft limits. */
  yearOf(id: string, version: string): number | null;
  programLabel(packId: string, programId: string): { packTitle: string; programName: string } | null;
  /** The loaded pack with hash and source text. */
  installed(id: string, version?: string): InstalledPack | undefined;
  /** The pack a draft should be validated against: its own version when installed, else the newest. */
  packForDraft(guideline: GuidelineRef): PackForDraft | undefined;
  /** Validates a pack file and installs it beside the existing versions; a bad pack changes nothing. */
  importPack(packJsonText: string, sourceText: string): GuidelineSummary;
  /** Packs that failed to load (shown to the user; they are skipped, not fatal). */
  problems(): string[];
  /** Re-reads the built-in and imported packs from disk. */
  reload(): void;
  /** Changes whenever a pack version is installed or the packs are read again: what kept results depend on. */
  changeCount(): number;
}

export interface InstalledPack extends LoadedPack {
  origin: 'builtin' | 'imported';
  dir: string;
}

export interface PackForDraft {
  installed: InstalledPack;
  /** Set when the draft's own version is not installed (Chinese, for display). */
  warning: string | null;
}

/** A registry with no packs, for hosts and tests that need none (nothing to import into either). */
export function emptyRegistry(): PackRegistry {
  return openPackRegistry({ builtinDir: null });
}

export interface PackRegistryOptions {
  /** The built-in packs (`resources/guidelines`); found next to the app when absent. */
  builtinDir?: string | null;
  /** The user's data directory; imported packs live in `<dataDir>/packs/<id>/<version>/`. */
  dataDir?: string;
}

/**
 * Searches upward from this file and from the working directory for `resources/guidelines`, so
 * the same code finds the packs from the sources (tsx, vitest) and from the built app.
 */
export function findBuiltinGuidelinesDir(): string | null {
  const starts: string[] = [process.cwd()];
  try {
    starts.unshift(path.dirname(fileURLToPath(import.meta.url)));
  } catch {
    // Bundled as CommonJS: import.meta.url is unavailable, the working directory remains.
  }
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) starts.unshift(resourcesPath);
  for (const start of starts) {
    let dir = start;
    for (let i = 0; i < 8; i++) {
      for (const candidate of [path.join(dir, 'resources', 'guidelines'), path.join(dir, 'guidelines')]) {
        if (readdirSafe(candidate).some((d) => existsSync(path.join(candidate, d, PACK_FILE)))) return candidate;
      }
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return null;
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
      .map((d) => d.name)
      .sort();
  } catch {
    return [];
  }
}

export function openPackRegistry(options: PackRegistryOptions = {}): PackRegistry {
  const builtinDir = options.builtinDir === undefined ? findBuiltinGuidelinesDir() : options.builtinDir;
  const importDir = options.dataDir ? path.join(options.dataDir, 'packs') : null;
  /** id → versions (newest first). */
  let byId = new Map<string, InstalledPack[]>();
  let loadProblems: string[] = [];
  let changes = 0;

  const add = (installed: InstalledPack): void => {
    changes++;
    const versions = byId.get(installed.pack.id) ?? [];
    if (versions.some((v) => v.pack.version === installed.pack.version)) {
      loadProblems.push(`指南包 ${installed.pack.id} ${installed.pack.version} 重复安装，已使用先加载的一份（${installed.dir}）`);
      return;
    }
    versions.push(installed);
    versions.sort((a, b) => compareVersions(b.pack.version, a.pack.version));
    byId.set(installed.pack.id, versions);
    // Error messages then name this pack's own fields by their labels too.
    setFieldLabelSource(`${installed.pack.id}@${installed.pack.version}`, () => packFieldLabels(installed.pack));
  };

  const tryLoad = (dir: string, origin: InstalledPack['origin']): void => {
    try {
      add({ ...loadPackDir(dir, buildPackCache()), origin, dir });
    } catch (e) {
      loadProblems.push(e instanceof Error ? e.message : `无法加载指南包 ${dir}`);
    }
  };

  let loaded = false;
  const reload = (): void => {
    loaded = true;
    changes++;
    byId = new Map();
    loadProblems = [];
    if (builtinDir) for (const id of readdirSafe(builtinDir)) tryLoad(path.join(builtinDir, id), 'builtin');
    if (importDir) {
      for (const id of readdirSafe(importDir)) {
        for (const version of readdirSafe(path.join(importDir, id))) tryLoad(path.join(importDir, id, version), 'imported');
      }
    }
  };
  // Packs are read on first use, so hosts and tests that never touch guidelines pay nothing.
  const ensureLoaded = (): void => {
    if (!loaded) reload();
  };

  const installed = (id: string, version?: string): InstalledPack | undefined => {
    ensureLoaded();
    const versions = byId.get(id);
    if (!versions) return undefined;
    return version === undefined ? versions[0] : versions.find((v) => v.pack.version === version);
  };

  const summary = (p: InstalledPack): GuidelineSummary => summarizePack(p, (byId.get(p.pack.id) ?? []).map((v) => v.pack.version));

  return {
    reload,
    changeCount: () => {
      ensureLoaded();
      return changes;
    },
    list: () => {
      ensureLoaded();
      return [...byId.values()].map((versions) => summary(versions[0] as InstalledPack)).sort((a, b) => a.id.localeCompare(b.id));
    },
    get: (id, version) => installed(id, version)?.pack,
    yearOf: (id, version) => (installed(id, version) ?? installed(id))?.pack.year ?? null,
    installed,
    programLabel(packId, programId) {
      const p = installed(packId)?.pack;
      const program = p?.programs.find((q) => q.id === programId);
      return p && program ? { packTitle: p.title, programName: program.name } : null;
    },
    packForDraft(guideline) {
      const exact = installed(guideline.packId, guideline.packVersion);
      if (exact) return { installed: exact, warning: null };
      const latest = installed(guideline.packId);
      if (!latest) return undefined;
      return {
        installed: latest,
        warning: `本草稿按指南包 ${guideline.packVersion} 版编写，本机未安装该版本，已按 ${latest.pack.version} 版检查`,
      };
    },
    problems: () => {
      ensureLoaded();
      return [...loadProblems];
    },
    importPack(packJsonText, sourceText) {
      if (!importDir) throw new AppError('unavailable', '未设置数据目录，无法导入指南包');
      const loaded = loadPackFromText(packJsonText, sourceText, '导入的指南包');
      const { id, version } = loaded.pack;
      const existing = installed(id, version);
      if (existing) {
        if (existing.contentHash === loaded.contentHash) return summary(existing);
        throw new PackError(`指南包 ${id} 的 ${version} 版已安装且内容不同；如是新版，请在指南包文件中提高版本号后再导入`, [`版本：${version} 已存在`]);
      }
      const target = path.join(importDir, id, version);
      installAtomically(target, packJsonText, loaded.pack.source.file, sourceText);
      add({ ...loaded, origin: 'imported', dir: target });
      return summary(installed(id, version) as InstalledPack);
    },
  };
}

/** Writes into a temp directory beside the target, then renames it into place: a reader never sees half a pack. */
function installAtomically(target: string, packJsonText: string, sourceFile: string, sourceText: string): void {
  const parent = path.dirname(target);
  mkdirSync(parent, { recursive: true, mode: 0o700 });
  const temp = path.join(parent, `.incoming-${randomBytes(6).toString('hex')}`);
  try {
    mkdirSync(temp, { mode: 0o700 });
    writeFileSync(path.join(temp, PACK_FILE), packJsonText, { mode: 0o600, flush: true });
    writeFileSync(path.join(temp, sourceFile), sourceText, { mode: 0o600, flush: true });
    renameSync(temp, target);
    fsyncDirSync(parent);
  } catch (e) {
    rmSync(temp, { recursive: true, force: true });
    if (e instanceof AppError) throw e;
    throw new AppError('io_error', `无法写入指南包：${e instanceof Error ? e.message : String(e)}`);
  }
}

export function summarizePack(p: InstalledPack, versions: string[]): GuidelineSummary {
  const { pack } = p;
  return {
    id: pack.id,
    version: pack.version,
    title: pack.title,
    kind: pack.kind,
    issuer: pack.issuer,
    region: pack.region,
    year: pack.year,
    ...(pack.window ? { window: pack.window } : {}),
    versions,
    origin: p.origin,
    contentHash: p.contentHash,
    programs: pack.programs.map((program) => {
      const window = program.window ?? pack.window;
      return {
        id: program.id,
        name: program.name,
        accepting: program.accepting,
        documentTypes: program.documentTypes,
        ...(program.notAcceptingReason ? { notAcceptingReason: program.notAcceptingReason } : {}),
        ...(window ? { window } : {}),
      };
    }),
  };
}

/** Compares `1.2.10` and `1.10.0` numerically, part by part. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
