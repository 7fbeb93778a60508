import { buildNodePrograms, isStale, NODE_PROGRAMS } from '../../scripts/build-node.mjs';

/**
 * vitest global setup. Tests that spawn bin/shenbao.mjs run the built CLI (out/cli): it is rebuilt
 * here, once, when a source changed since the last build, so no test runs a stale build and no
 * spawned CLI prints the bin's "rebuilding" note on stderr.
 */
export default async function setup(): Promise<void> {
  const stale = NODE_PROGRAMS.map((p) => p.name).filter((name) => isStale(name));
  if (stale.length > 0) await buildNodePrograms(stale);
}
