import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { statSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { openDatabase } from '../../../electron/services/db/openDatabase';
import { createDraftService } from '../../../electron/services/drafts/draftService';
import { parseChildMessage, type ChildConfig, type ChildMessage, type ChildMode } from './protocol';
import { randomInt, seededRandom } from './random';
import { checkStore, DraftLedger, sha256 } from './storeCheck';
import { readCheckpointInfo, walFrames } from './walState';

/** SQLite checkpoints automatically once a commit takes the WAL past 1000 pages: a child started near that will. */
const NEAR_CHECKPOINT_FRAMES = 850;

export interface KillLoopOptions {
  /** Arguments for process.execPath that start one save-loop child (see test/support/childBundle.ts). */
  childArgs: string[];
  dbFile: string;
  kills: number;
  mode: ChildMode;
  seed: number;
  /** Longest wait after the child reports its store open; the kill lands anywhere in between. */
  maxRunMs: number;
}

export interface KillFigures {
  kills: number;
  acknowledged: number;
  revisionsChecked: number;
  lost: number;
  mixed: number;
  notPruned: number;
  integrityFailures: number;
  /** Kills that landed between an announcement and its acknowledgement (inside the save call). */
  killedMidSave: number;
  /** Of those, the commit had reached the database before the kill. */
  inFlightCommitted: number;
  /** Kills before the store had finished opening (WAL recovery of the previous kill). */
  killedWhileOpening: number;
  /** Child runs that checkpointed the WAL into the database file (the only writes that touch it). */
  runsWithCheckpoint: number;
  /** Kills that landed after a checkpoint started copying and before it finished. */
  killedMidCheckpoint: number;
  /** Kills timed to the start of an automatic checkpoint (child started with the WAL near 1000 pages). */
  aimedAtCheckpoint: number;
  largestDraftBytes: number;
  /** Time spent reopening and checking the store, summed over all kills. */
  checkMs: number;
  problems: string[];
}

/** One save-loop child process: its stdout lines feed `onMessage`. */
class SaveLoopChild {
  readonly proc: ChildProcessWithoutNullStreams;
  readonly closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly waiters: { type: ChildMessage['t']; resolve: () => void }[] = [];
  private readonly seen = new Set<ChildMessage['t']>();
  private buffered = '';
  stderr = '';
  onMessage: (message: ChildMessage) => void = () => {};

  constructor(args: string[]) {
    this.proc = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stdout.setEncoding('utf8');
    this.proc.stdout.on('data', (chunk: string) => this.receive(chunk));
    this.proc.stderr.setEncoding('utf8');
    this.proc.stderr.on('data', (chunk: string) => (this.stderr += chunk));
    this.closed = new Promise((resolve) => this.proc.once('close', (code, signal) => resolve({ code, signal })));
  }

  /** Resolves on the first `type` message, or with false if the process ends first. */
  async next(type: ChildMessage['t']): Promise<boolean> {
    if (this.seen.has(type)) return true;
    const seen = new Promise<true>((resolve) => this.waiters.push({ type, resolve: () => resolve(true) }));
    return Promise.race([seen, this.closed.then(() => false)]);
  }

  start(config: ChildConfig): void {
    this.proc.stdin.end(JSON.stringify(config) + '\n');
  }

  running(): boolean {
    return this.proc.exitCode === null && this.proc.signalCode === null;
  }

  hasSent(type: ChildMessage['t']): boolean {
    return this.seen.has(type);
  }

  kill(): void {
    this.proc.kill('SIGKILL');
  }

  private receive(chunk: string): void {
    this.buffered += chunk;
    let end: number;
    while ((end = this.buffered.indexOf('\n')) >= 0) {
      const message = parseChildMessage(this.buffered.slice(0, end));
      this.buffered = this.buffered.slice(end + 1);
      this.seen.add(message.t);
      this.onMessage(message);
      for (const waiter of this.waiters.filter((w) => w.type === message.t)) waiter.resolve();
    }
  }
}

function fileStamp(file: string): string {
  const stat = statSync(file, { bigint: true });
  return `${stat.size}:${stat.mtimeNs}`;
}

/** Creates the store with two drafts, as the app would, and returns their ledgers. */
function createDrafts(dbFile: string, at: Date): DraftLedger[] {
  const db = openDatabase(dbFile);
  try {
    const drafts = createDraftService(db, { now: () => at });
    const docOf = db.prepare<[string], { doc: string }>('SELECT doc FROM drafts WHERE id = ?');
    return ['申报书甲', '申报书乙'].map((title) => {
      const { draft } = drafts.create({ title });
      const doc = docOf.get(draft.id)!.doc;
      return new DraftLedger(draft.id, { rev: 1, sha: sha256(doc), savedAt: at.toISOString() });
    });
  } finally {
    db.close();
  }
}

/**
 * Starts the save loop, SIGKILLs it after a random delay, reopens the store and checks it; `kills` times.
 * Only one child at a time ever opens the database, so the process killed is always the one holding it.
 */
export async function runKillLoop(options: KillLoopOptions): Promise<KillFigures> {
  const rng = seededRandom(options.seed);
  const ledgers = createDrafts(options.dbFile, new Date('2026-01-05T08:00:00.000Z'));
  const figures: KillFigures = {
    kills: 0,
    acknowledged: 0,
    revisionsChecked: 0,
    lost: 0,
    mixed: 0,
    notPruned: 0,
    integrityFailures: 0,
    killedMidSave: 0,
    inFlightCommitted: 0,
    killedWhileOpening: 0,
    runsWithCheckpoint: 0,
    aimedAtCheckpoint: 0,
    killedMidCheckpoint: 0,
    largestDraftBytes: 0,
    checkMs: 0,
    problems: [],
  };
  // The next child is spawned as soon as the current one starts saving, so its module loading
  // overlaps the run and the check; it touches nothing until it gets its config after the check.
  let child = new SaveLoopChild(options.childArgs);
  let spare: SaveLoopChild | undefined;
  let dbFileBefore = fileStamp(options.dbFile);
  try {
    while (figures.kills < options.kills) {
      if (!(await child.next('loaded'))) throw new Error(`save-loop child failed to start: ${child.stderr}`);
      // Half the runs that start near a checkpoint aim at it; the rest keep random timing (an unfinished
      // checkpoint leaves the WAL long, so otherwise aiming would take over long runs).
      const aimAtCheckpoint = walFrames(options.dbFile) >= NEAR_CHECKPOINT_FRAMES && rng() < 0.5;
      child.onMessage = (message) => {
        if (message.t === 'intent') {
          ledgers[message.draft]!.intent({ rev: message.rev, sha: message.sha, savedAt: message.savedAt });
          figures.largestDraftBytes = Math.max(figures.largestDraftBytes, message.bytes);
        } else if (message.t === 'ack') {
          ledgers[message.draft]!.ack(message.rev);
          figures.acknowledged++;
        }
      };
      const ready = child.next('ready');
      child.start({
        dbFile: options.dbFile,
        draftIds: ledgers.map((l) => l.id),
        seed: randomInt(rng, 1, 2 ** 31),
        clockStart: Math.max(...ledgers.map((l) => l.latestTime())) + 1_000,
        mode: options.mode,
      });
      spare = new SaveLoopChild(options.childArgs);
      if (aimAtCheckpoint) {
        // A commit will soon take the WAL past 1000 pages and SQLite checkpoints inside that save:
        // watch the -shm file and kill as soon as the checkpoint has started (it syncs the WAL, then copies).
        figures.aimedAtCheckpoint++;
        if (!(await ready)) throw new Error(`save-loop child ended before its store was open: ${child.stderr}`);
        const atOpen = readCheckpointInfo(options.dbFile)?.attempted;
        const giveUp = performance.now() + 2_000;
        while (child.running() && performance.now() < giveUp && readCheckpointInfo(options.dbFile)?.attempted === atOpen) await delay(1);
        await delay(randomInt(rng, 0, 3));
      } else if (rng() < 0.1) {
        // One kill in ten lands while the store is still opening (recovering the last kill's WAL).
        await delay(randomInt(rng, 0, 40));
      } else {
        if (!(await ready)) throw new Error(`save-loop child ended before its store was open: ${child.stderr}`);
        await delay(randomInt(rng, 0, options.maxRunMs));
      }
      child.kill();
      const { signal } = await child.closed;
      if (signal !== 'SIGKILL') throw new Error(`save-loop child ended by itself (${signal ?? 'exit'}): ${child.stderr}`);
      figures.kills++;
      if (ledgers.some((l) => l.pendingRevision() !== undefined)) figures.killedMidSave++;
      if (!child.hasSent('ready')) figures.killedWhileOpening++;
      if (fileStamp(options.dbFile) !== dbFileBefore) {
        figures.runsWithCheckpoint++;
        // Copying had begun (the database file changed) and had not finished.
        const info = readCheckpointInfo(options.dbFile);
        if (info && info.attempted > info.copied) figures.killedMidCheckpoint++;
      }
      child = spare;
      spare = undefined;

      const checkStarted = performance.now();
      // One check in fifty reopens the store the app's way in this process too (and checkpoints on close).
      const check = checkStore(options.dbFile, ledgers, figures.kills % 50 === 0);
      figures.checkMs += performance.now() - checkStarted;
      dbFileBefore = fileStamp(options.dbFile);
      figures.revisionsChecked += check.revisionsChecked;
      figures.lost += check.lost;
      figures.mixed += check.mixed;
      figures.notPruned += check.notPruned;
      figures.inFlightCommitted += check.inFlightCommitted;
      if (check.integrity !== 'ok') figures.integrityFailures++;
      if (check.problems.length > 0) {
        // Past a failure the ledgers no longer describe the store: stop and report what was found.
        figures.problems.push(...check.problems.map((p) => `kill ${figures.kills}: ${p}`));
        break;
      }
    }
  } finally {
    for (const running of [child, spare]) running?.kill();
    await Promise.all([child.closed, spare?.closed]);
  }
  return figures;
}
