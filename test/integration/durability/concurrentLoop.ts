import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import BetterSqlite3 from 'better-sqlite3';
import { openStore } from '../../../electron/services/backup/openStore';
import { createDraftService } from '../../../electron/services/drafts/draftService';
import { TAGGED_FIELD, tagOf, taggedText, type ConcurrentMessage } from './concurrentProtocol';
import { randomInt, seededRandom } from './random';
import { readCheckpointInfo } from './walState';

export interface ConcurrentOptions {
  /** Arguments for process.execPath that start concurrentChild (see test/support/childBundle.ts). */
  childArgs: string[];
  dataDir: string;
  drafts: number;
  kills: number;
  seed: number;
}

export interface ConcurrentFigures {
  /** Every start: the writer's restarts after each kill and every opener. */
  startsTried: number;
  openerStarts: number;
  /** Starts that listed every draft (no recovery, nothing damaged). */
  reachedDrafts: number;
  refused: number;
  kills: number;
  aimedAtCheckpoint: number;
  /** Kills after a checkpoint had started copying and before it finished. */
  killedMidCheckpoint: number;
  /** Writer runs during which the database file changed (a checkpoint wrote into it). */
  runsWithCheckpoint: number;
  /** Stores moved into corrupt/ (must stay 0: every store here is healthy). */
  moves: number;
  acknowledged: number;
  lost: number;
  dbMegabytes: number;
  problems: string[];
}

export class Child {
  readonly proc: ChildProcessByStdio<null, Readable, Readable>;
  readonly closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly messages: ConcurrentMessage[] = [];
  stderr = '';
  onMessage: (m: ConcurrentMessage) => void = () => {};
  private buffered = '';

  constructor(args: string[]) {
    this.proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.proc.stdout.setEncoding('utf8');
    this.proc.stdout.on('data', (chunk: string) => {
      this.buffered += chunk;
      let end: number;
      while ((end = this.buffered.indexOf('\n')) >= 0) {
        const message = JSON.parse(this.buffered.slice(0, end)) as ConcurrentMessage;
        this.buffered = this.buffered.slice(end + 1);
        this.messages.push(message);
        this.onMessage(message);
      }
    });
    this.proc.stderr.setEncoding('utf8');
    this.proc.stderr.on('data', (chunk: string) => (this.stderr += chunk));
    this.closed = new Promise((resolve) => this.proc.once('close', (code, signal) => resolve({ code, signal })));
  }

  async first(type: ConcurrentMessage['t'], timeoutMs: number): Promise<ConcurrentMessage | undefined> {
    const started = performance.now();
    for (;;) {
      const found = this.messages.find((m) => m.t === type);
      if (found) return found;
      if (this.proc.exitCode !== null || this.proc.signalCode !== null || performance.now() - started > timeoutMs) return undefined;
      await delay(2);
    }
  }
}

interface DraftLedger {
  acked: { rev: number; tag: string } | null;
  pending: { rev: number; tag: string } | null;
}

/** Hundreds of drafts, each with some text, created the way the app creates them. */
function seedStore(dataDir: string, count: number): string[] {
  const store = openStore(dataDir, path.join(dataDir, 'shenbao.db'));
  try {
    const drafts = createDraftService(store.db);
    const ids: string[] = [];
    store.db.transaction(() => {
      for (let i = 0; i < count; i++) {
        const { draft } = drafts.create({ title: `并发草稿${i + 1}` });
        drafts.save({ id: draft.id, baseRevision: 1, patch: { values: { [TAGGED_FIELD]: taggedText(`seed-${i}`, 600) } } });
        ids.push(draft.id);
      }
    })();
    return ids;
  } finally {
    store.close();
  }
}

/** Every acknowledged save must be in the store: the current revision at least the acknowledged one, with its tag. */
function checkLedger(dbFile: string, ledger: Map<string, DraftLedger>, figures: ConcurrentFigures, label: string): void {
  const db = new BetterSqlite3(dbFile, { readonly: true, fileMustExist: true });
  try {
    const current = db.prepare<[string], { revision: number; doc: string }>('SELECT revision, doc FROM drafts WHERE id = ?');
    const revision = db.prepare<[string, number], { doc: string }>('SELECT doc FROM revisions WHERE draft_id = ? AND revision = ?');
    for (const [id, entry] of ledger) {
      const row = current.get(id);
      if (!row) {
        figures.lost++;
        figures.problems.push(`${label}: draft ${id.slice(0, 8)} is gone`);
        continue;
      }
      // The save in flight at the kill counts as committed if the store has it; it was never promised.
      if (entry.pending && row.revision === entry.pending.rev) entry.acked = entry.pending;
      entry.pending = null;
      const acked = entry.acked;
      if (!acked) continue;
      const tagNow = tagOf((JSON.parse(row.doc) as { values: Record<string, unknown> }).values[TAGGED_FIELD]);
      const stored = revision.get(id, acked.rev);
      const tagThen = stored ? tagOf((JSON.parse(stored.doc) as { values: Record<string, unknown> }).values[TAGGED_FIELD]) : null;
      if (row.revision !== acked.rev || tagNow !== acked.tag || tagThen !== acked.tag) {
        figures.lost++;
        figures.problems.push(`${label}: draft ${id.slice(0, 8)} holds revision ${row.revision} (${tagNow}); acknowledged ${acked.rev} (${acked.tag})`);
      }
    }
  } finally {
    db.close();
  }
}

function fileStamp(file: string): string {
  const s = statSync(file, { bigint: true });
  return `${s.size}:${s.mtimeNs}`;
}

/**
 * The app (writer) saves into a growing store while openers (CLI runs, second hosts) start at random
 * moments and the writer is SIGKILLed at random moments, some aimed at automatic checkpoints; each
 * kill is followed by a restart of the writer, itself a start. After every kill: no store moved
 * aside, every start reached all drafts, no acknowledged save missing.
 */
export async function runConcurrentStarts(options: ConcurrentOptions): Promise<ConcurrentFigures> {
  const rng = seededRandom(options.seed);
  const dbFile = path.join(options.dataDir, 'shenbao.db');
  const corrupt = path.join(options.dataDir, 'corrupt');
  const ids = seedStore(options.dataDir, options.drafts);
  const ledger = new Map<string, DraftLedger>(ids.map((id) => [id, { acked: null, pending: null }]));
  const figures: ConcurrentFigures = {
    startsTried: 0,
    openerStarts: 0,
    reachedDrafts: 0,
    refused: 0,
    kills: 0,
    aimedAtCheckpoint: 0,
    killedMidCheckpoint: 0,
    runsWithCheckpoint: 0,
    moves: 0,
    acknowledged: 0,
    lost: 0,
    dbMegabytes: 0,
    problems: [],
  };
  const running = new Set<Child>();
  const startOpener = (holdMs: number): Child => {
    const opener = new Child([...options.childArgs, 'opener', options.dataDir, String(holdMs)]);
    running.add(opener);
    figures.startsTried++;
    figures.openerStarts++;
    return opener;
  };
  const settleOpener = async (opener: Child, label: string): Promise<void> => {
    await opener.closed;
    running.delete(opener);
    const said = opener.messages.find((m) => m.t === 'opened' || m.t === 'refused');
    if (said?.t === 'opened' && said.drafts === options.drafts && said.damaged === 0 && said.recovery === null) figures.reachedDrafts++;
    else {
      if (said?.t === 'refused') figures.refused++;
      figures.problems.push(`${label}: an opener ${said ? JSON.stringify(said) : `said nothing (${opener.stderr.trim().split('\n').pop()})`}`);
    }
  };

  try {
    for (let k = 0; k < options.kills && figures.problems.length === 0; k++) {
      const label = `run ${k + 1}`;
      const writer = new Child([...options.childArgs, 'writer', options.dataDir, String(randomInt(rng, 1, 2 ** 31))]);
      running.add(writer);
      figures.startsTried++;
      writer.onMessage = (m) => {
        const entry = m.t === 'intent' || m.t === 'ack' ? ledger.get(m.id) : undefined;
        if (m.t === 'intent' && entry) entry.pending = { rev: m.rev, tag: m.tag };
        if (m.t === 'ack' && entry?.pending?.rev === m.rev) {
          entry.acked = entry.pending;
          entry.pending = null;
          figures.acknowledged++;
        }
      };
      const ready = await writer.first('ready', 30_000);
      if (ready?.t !== 'ready' || ready.drafts !== options.drafts) {
        figures.problems.push(`${label}: the writer did not reach the drafts: ${ready ? JSON.stringify(ready) : writer.stderr.trim()}`);
        writer.proc.kill('SIGKILL');
        await writer.closed;
        break;
      }
      figures.reachedDrafts++;
      const dbBefore = fileStamp(dbFile);
      const checkpointsAtReady = readCheckpointInfo(dbFile)?.attempted;
      const openers: Promise<void>[] = [];
      const runUntil = performance.now() + randomInt(rng, 150, 900);
      while (performance.now() < runUntil) {
        await delay(randomInt(rng, 10, 150));
        // Three in ten hold the store like a second host would; the rest are CLI runs.
        openers.push(settleOpener(startOpener(rng() < 0.3 ? randomInt(rng, 200, 600) : randomInt(rng, 0, 30)), label));
      }
      if (rng() < 0.4) {
        // Kill as soon as an automatic checkpoint starts copying into the growing file.
        figures.aimedAtCheckpoint++;
        const giveUp = performance.now() + 2_000;
        while (performance.now() < giveUp && readCheckpointInfo(dbFile)?.attempted === checkpointsAtReady) await delay(1);
        await delay(randomInt(rng, 0, 3));
      }
      writer.proc.kill('SIGKILL');
      // Half the time a start races the recovery of what the kill left.
      if (rng() < 0.5) openers.push(settleOpener(startOpener(randomInt(rng, 0, 30)), label));
      const { signal } = await writer.closed;
      running.delete(writer);
      if (signal !== 'SIGKILL') figures.problems.push(`${label}: the writer ended by itself: ${writer.stderr.trim()}`);
      figures.kills++;
      if (fileStamp(dbFile) !== dbBefore) {
        figures.runsWithCheckpoint++;
        const info = readCheckpointInfo(dbFile);
        if (info && info.attempted > info.copied) figures.killedMidCheckpoint++;
      }
      await Promise.all(openers);
      figures.moves = existsSync(corrupt) ? readdirSync(corrupt).length : 0;
      if (figures.moves > 0) figures.problems.push(`${label}: ${figures.moves} store(s) moved aside into corrupt/`);
      checkLedger(dbFile, ledger, figures, label);
    }
  } finally {
    for (const child of running) child.proc.kill('SIGKILL');
    await Promise.all([...running].map((c) => c.closed));
  }
  figures.dbMegabytes = (statSync(dbFile).size + (existsSync(`${dbFile}-wal`) ? statSync(`${dbFile}-wal`).size : 0)) / 2 ** 20;
  return figures;
}

/**
 * `count` processes start at the same moment on a store that is really damaged (every one of them
 * finds it so): exactly one may move it aside; the others see its result. Returns what each said
 * and how many stores were moved.
 */
export async function startTogetherOnDamagedStore(childArgs: string[], dataDir: string, count: number): Promise<{ said: (ConcurrentMessage | undefined)[]; moves: number; stderr: string[] }> {
  const openers = Array.from({ length: count }, () => new Child([...childArgs, 'opener', dataDir, '50']));
  await Promise.all(openers.map((o) => o.closed));
  const corrupt = path.join(dataDir, 'corrupt');
  return {
    said: openers.map((o) => o.messages.find((m) => m.t === 'opened' || m.t === 'refused')),
    moves: existsSync(corrupt) ? readdirSync(corrupt).length : 0,
    stderr: openers.map((o) => o.stderr),
  };
}
