/**
 * Child process of the concurrent-starts harness (concurrentStarts.test.ts), bundled by
 * test/support/childBundle.ts. Both roles open the store exactly as every host does, through
 * openStore (data-dir lock, SQLite's start-up check, migrations):
 *
 * - `writer <dataDir> <seed>`: the running app. Saves large values into hundreds of drafts as fast
 *   as it can (the store and its WAL grow, automatic checkpoints fire) until SIGKILLed. Before each
 *   save it announces the draft, the revision and a unique tag inside the saved text; after the
 *   call returns it acknowledges it.
 * - `opener <dataDir> <holdMs>`: a CLI run or a second host starting at a random moment. Lists the
 *   drafts, reports what it found (count, damaged, a pending recovery), holds the store for
 *   `holdMs`, closes. A refused start reports its message.
 */
import path from 'node:path';
import { openStore } from '../../../electron/services/backup/openStore';
import { readPendingRecovery } from '../../../electron/services/backup/backupSettings';
import { createDraftService } from '../../../electron/services/drafts/draftService';
import { isAppError } from '../../../shared/ipc/errors';
import { TAGGED_FIELD, taggedText, type ConcurrentMessage } from './concurrentProtocol';
import { randomInt, seededRandom } from './random';

function send(message: ConcurrentMessage): void {
  process.stdout.write(JSON.stringify(message) + '\n');
}

function writer(dataDir: string, seed: number): void {
  const rng = seededRandom(seed);
  const store = openStore(dataDir, path.join(dataDir, 'shenbao.db'));
  const drafts = createDraftService(store.db);
  const list = drafts.list({});
  const revisions = new Map(list.map((d) => [d.id, d.revision]));
  const ids = list.map((d) => d.id);
  send({ t: 'ready', drafts: ids.length });
  for (let n = 0; ; n++) {
    // Most saves go to a few drafts (as a user works on one or two): their revisions are pruned, so
    // long soak runs keep a bounded store; the rest touch any of the hundreds.
    const id = ids[rng() < 0.8 ? randomInt(rng, 0, Math.min(19, ids.length - 1)) : randomInt(rng, 0, ids.length - 1)]!;
    const rev = revisions.get(id)! + 1;
    const tag = `${process.pid}-${n}`;
    // 3–30 KB of text (9–90 KB of UTF-8): each save spans many pages; the WAL passes 1000 pages often.
    const length = randomInt(rng, 1_000, 10_000);
    send({ t: 'intent', id, rev, tag });
    drafts.save({ id, baseRevision: rev - 1, patch: { values: { [TAGGED_FIELD]: taggedText(tag, length) } } });
    revisions.set(id, rev);
    send({ t: 'ack', id, rev });
  }
}

function opener(dataDir: string, holdMs: number): void {
  let store;
  try {
    store = openStore(dataDir, path.join(dataDir, 'shenbao.db'));
  } catch (e) {
    send({ t: 'refused', message: isAppError(e) ? e.message : String(e) });
    return;
  }
  const list = createDraftService(store.db).list({});
  const recovery = readPendingRecovery(store.db);
  send({ t: 'opened', drafts: list.length, damaged: list.filter((d) => d.damage !== undefined).length, recovery: recovery ? recovery.reason : null });
  const opened = store;
  setTimeout(() => opened.close(), holdMs);
}

const [role, dataDir, arg] = process.argv.slice(2);
if (role === 'writer') writer(dataDir!, Number(arg));
else if (role === 'opener') opener(dataDir!, Number(arg));
else throw new Error(`concurrentChild: unknown role ${role}`);
