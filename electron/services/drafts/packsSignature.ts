import { crossDraftKeysOf } from '../../../shared/rules/otherDrafts';
import type { PackRegistry } from '../packs/registry';

interface Known {
  changes: number;
  signature: string;
  crossKeys: string[];
}

const known = new WeakMap<PackRegistry, Known>();

/** What the list's checks depend on of the installed packs, made again when the registry installs or reloads packs (its change count). */
function knownOf(packs: PackRegistry): Known {
  const changes = packs.changeCount();
  const kept = known.get(packs);
  if (kept && kept.changes === changes) return kept;
  const installed = packs
    .list()
    .flatMap((p) => (p.versions ?? [p.version]).map((v) => ({ id: p.id, version: v, found: packs.installed(p.id, v) })))
    .sort((a, b) => (`${a.id}\u0000${a.version}` < `${b.id}\u0000${b.version}` ? -1 : 1));
  const crossKeys = new Set<string>();
  for (const p of installed) if (p.found) for (const k of crossDraftKeysOf(p.found.pack)) crossKeys.add(k);
  const next = { changes, signature: JSON.stringify(installed.map((p) => [p.id, p.version, p.found?.contentHash ?? null])), crossKeys: [...crossKeys].sort() };
  known.set(packs, next);
  return next;
}

/**
 * Every installed pack version with its content hash: what a draft's check was made against. The
 * same text in every run with the same packs, so it can be stored with a check and compared at the
 * next start (the registry's change count only counts within a run).
 */
export function packsSignatureOf(packs: PackRegistry): string {
  return knownOf(packs).signature;
}

/**
 * The fields any installed pack's 限报数量 rules compare (sorted): all a check of any draft can read
 * of the others. Wider than the keys of the packs the drafts use, so it follows from the packs alone.
 */
export function installedCrossKeys(packs: PackRegistry): readonly string[] {
  return knownOf(packs).crossKeys;
}
