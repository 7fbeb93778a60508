import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleChild, type ChildBundle } from '../../support/childBundle';
import { killCount, SOAK } from '../../support/soak';
import { makeTempDir } from '../../support/tempStore';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { IN_USE_WHILE_DAMAGED, openStore } from '../../../electron/services/backup/openStore';
import { readPendingRecovery } from '../../../electron/services/backup/backupSettings';
import { createDraftService } from '../../../electron/services/drafts/draftService';
import { Child, runConcurrentStarts, startTogetherOnDamagedStore, type ConcurrentFigures } from './concurrentLoop';

/**
 * Issue 10 §1–§2 tried the way the probes tried it: a store growing while it checkpoints (hundreds
 * of drafts, large values, automatic checkpoints), the app killed at random moments and inside
 * checkpoints, and CLI runs and second hosts starting at random moments while it saves.
 */
const KILLS = killCount(12, 120, 'SHENBAO_CONCURRENT_KILLS');
const DRAFTS = SOAK ? 400 : 300;
const SEED = Number(process.env.SHENBAO_KILL_SEED) || Math.floor(Math.random() * 2 ** 31);

function summary(f: ConcurrentFigures, seconds: number): string {
  return (
    `[concurrent starts] starts tried ${f.startsTried} (openers ${f.openerStarts}, writer restarts ${f.startsTried - f.openerStarts}), ` +
    `reached all ${DRAFTS} drafts ${f.reachedDrafts}, refused ${f.refused}, kills ${f.kills} (aimed at a checkpoint ${f.aimedAtCheckpoint}, ` +
    `mid-checkpoint ${f.killedMidCheckpoint}, runs that checkpointed ${f.runsWithCheckpoint}), moves ${f.moves}, ` +
    `acknowledged saves ${f.acknowledged}, lost ${f.lost}, store ${f.dbMegabytes.toFixed(1)} MB, ${seconds.toFixed(1)} s, seed ${SEED}`
  );
}

describe('concurrent starts beside a saving, growing, killed store', () => {
  let child: ChildBundle;
  beforeAll(async () => {
    child = await bundleChild(fileURLToPath(new URL('./concurrentChild.ts', import.meta.url)));
  }, 60_000);
  afterAll(() => child?.cleanup());

  it(`no healthy store moved aside, every start reaches the drafts, no acknowledged save lost (${KILLS} kills)`, async () => {
    const temp = makeTempDir('shenbao-concurrent-');
    const started = performance.now();
    try {
      const figures = await runConcurrentStarts({ childArgs: child.args, dataDir: temp.dir, drafts: DRAFTS, kills: KILLS, seed: SEED });
      console.log(summary(figures, (performance.now() - started) / 1000));
      expect(figures.problems).toEqual([]);
      expect(figures.kills).toBe(KILLS);
      expect(figures.moves).toBe(0);
      expect(figures.lost).toBe(0);
      expect(figures.refused).toBe(0);
      expect(figures.reachedDrafts).toBe(figures.startsTried);
      // The run proves something only if starts really overlapped saves and the file grew under checkpoints.
      expect(figures.openerStarts).toBeGreaterThan(KILLS * 2);
      expect(figures.acknowledged).toBeGreaterThan(KILLS * 10);
      expect(figures.runsWithCheckpoint).toBeGreaterThan(0);
    } finally {
      temp.cleanup();
    }
  }, (SOAK ? 1_800 : Math.max(150, KILLS * 8)) * 1_000);

  it('starts at the same moment on a really damaged store: exactly one moves it, every one then reaches the fresh store and its notice', async () => {
    const temp = makeTempDir('shenbao-together-');
    try {
      const store = openStore(temp.dir, path.join(temp.dir, 'shenbao.db'));
      createDraftService(store.db).create({ title: '损坏前' });
      store.close();
      writeFileSync(path.join(temp.dir, 'shenbao.db'), '这不是数据库'.repeat(2000));
      const result = await startTogetherOnDamagedStore(child.args, temp.dir, 4);
      console.log(`[concurrent starts] 4 starts together on a damaged store: moves ${result.moves}, said ${JSON.stringify(result.said.map((m) => m?.t))}`);
      expect(result.moves).toBe(1);
      for (const [i, said] of result.said.entries()) {
        expect(said, result.stderr[i]).toMatchObject({ t: 'opened', drafts: 0, recovery: expect.stringContaining('不是申报通的数据库') });
      }
    } finally {
      temp.cleanup();
    }
  }, 60_000);

  it('a process killed while it held the data dir leaves no stale lock: the next start may move a damaged store', async () => {
    const temp = makeTempDir('shenbao-stale-');
    try {
      const store = openStore(temp.dir, path.join(temp.dir, 'shenbao.db'));
      store.close();
      const holder = new Child([...child.args, 'opener', temp.dir, '600000']);
      expect(await holder.first('opened', 30_000)).toMatchObject({ t: 'opened' });
      writeFileSync(path.join(temp.dir, 'shenbao.db'), '这不是数据库'.repeat(2000));
      // While it lives, the damaged store stays where it is.
      expect(() => openStore(temp.dir, path.join(temp.dir, 'shenbao.db'))).toThrow(IN_USE_WHILE_DAMAGED);
      holder.proc.kill('SIGKILL');
      await holder.closed;
      const after = openStore(temp.dir, path.join(temp.dir, 'shenbao.db'));
      expect(readPendingRecovery(after.db)).toMatchObject({ kind: 'not_sqlite' });
      after.close();
    } finally {
      temp.cleanup();
    }
  }, 60_000);
});
