import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../electron/services/index';
import { makeTempDir } from '../../support/tempStore';
import { bundleChild, type ChildBundle } from '../../support/childBundle';
import { runKillLoop, type KillFigures } from './killLoop';
import type { ChildMode } from './protocol';
import { killCount, SOAK } from '../../support/soak';

const SAVE_KILLS = killCount(200, 1_000);
const RESTORE_KILLS = killCount(20, 100);
const SEED = Number(process.env.SHENBAO_KILL_SEED) || Math.floor(Math.random() * 2 ** 31);

function summary(label: string, f: KillFigures, seconds: number): string {
  return (
    `[durability] ${label}: kills ${f.kills}, acknowledged saves ${f.acknowledged}, revisions checked ${f.revisionsChecked}, ` +
    `saves lost ${f.lost}, mixed drafts ${f.mixed}, integrity failures ${f.integrityFailures}, not pruned ${f.notPruned}; ` +
    `killed mid-save ${f.killedMidSave} (committed before ack ${f.inFlightCommitted}), while opening ${f.killedWhileOpening}, ` +
    `runs that checkpointed ${f.runsWithCheckpoint}, killed mid-checkpoint ${f.killedMidCheckpoint} (aimed ${f.aimedAtCheckpoint}), ` +
    `largest draft ${(f.largestDraftBytes / 1024).toFixed(0)} KB, check ${(f.checkMs / Math.max(f.kills, 1)).toFixed(0)} ms/kill, ` +
    `${seconds.toFixed(1)} s, seed ${SEED}`
  );
}

describe('killed mid-save: SIGKILL of the process holding the store', () => {
  let child: ChildBundle;
  beforeAll(async () => {
    child = await bundleChild(fileURLToPath(new URL('./saveLoopEntry.ts', import.meta.url)), { snapshot: true });
  }, 60_000);
  afterAll(() => child?.cleanup());

  async function killAndCheck(label: string, mode: ChildMode, kills: number): Promise<void> {
    const temp = makeTempDir('shenbao-kill-');
    const started = performance.now();
    try {
      const figures = await runKillLoop({
        childArgs: child.args,
        dbFile: path.join(temp.dir, DATABASE_FILE),
        kills,
        mode,
        seed: SEED,
        maxRunMs: 150,
      });
      console.log(summary(label, figures, (performance.now() - started) / 1000));
      expect(figures.problems).toEqual([]);
      expect(figures.kills).toBe(kills);
      expect(figures.lost).toBe(0);
      expect(figures.mixed).toBe(0);
      expect(figures.integrityFailures).toBe(0);
      expect(figures.notPruned).toBe(0);
      // The run proves something only if kills really landed inside saves and saves were acknowledged.
      // Typically ~3 in 4 kills land mid-save in the save loop, but only 2 in 5 in the restore loop
      // (it reads revisions between restores): 20 restore kills gave 4-16 over CI runs, so a quarter
      // failed about one run in ten with nothing wrong. One in eight, and at least 3, still proves it.
      expect(figures.killedMidSave).toBeGreaterThanOrEqual(Math.max(3, Math.ceil(kills / 8)));
      expect(figures.acknowledged).toBeGreaterThan(kills / 2);
    } finally {
      temp.cleanup();
    }
  }

  it(`keeps every acknowledged revision through ${SAVE_KILLS} kills during saves`, async () => {
    await killAndCheck('saves', 'mixed', SAVE_KILLS);
  }, (SOAK ? 1_800 : 360) * 1_000);

  it(`keeps every acknowledged revision through ${RESTORE_KILLS} kills during revision restores`, async () => {
    await killAndCheck('restores', 'restore', RESTORE_KILLS);
  }, (SOAK ? 600 : 120) * 1_000);
});
