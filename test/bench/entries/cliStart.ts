import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildNodePrograms, isStale } from '../../../scripts/build-node.mjs';
import { registerBench } from '../registry';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const BIN = path.join(ROOT, 'bin/shenbao.mjs');
const DRAFT = path.join(ROOT, 'test/fixtures/packs/xinjiang-aid-2022/valid-enterprise.json');

/** One whole process, as a shell runs it; a failed run fails the entry rather than timing an error path. */
function run(args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr.toString().trim()}`);
}

/**
 * `shenbao <command>` from its bin, paired with a bare `node -e 0` in the same run: the ratio is
 * what the CLI adds to starting Node at all. The CLI is the build in out/cli (made here first if
 * the sources changed, so no run times the build).
 */
function cliStart(name: string, args: string[]): void {
  registerBench({
    name,
    targetRatio: 4,
    iterations: 3,
    setup: async () => {
      if (isStale('cli')) await buildNodePrograms(['cli']);
      const dir = mkdtempSync(path.join(os.tmpdir(), 'shenbao-bench-cli-'));
      const env = { ...process.env, SHENBAO_DATA_DIR: path.join(dir, 'data') };
      return {
        subject: () => run([BIN, ...args], env),
        baseline: () => run(['-e', '0'], env),
        teardown: () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  });
}

cliStart('cli start: shenbao guidelines vs node -e 0', ['guidelines']);
// validate exits 0 only for a draft with nothing blocking: the example draft, checked on a day its window is open.
cliStart('cli start: shenbao validate <one draft> vs node -e 0', ['validate', DRAFT, '--at', '2022-06-01']);
