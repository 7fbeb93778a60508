/**
 * Child process of the kill harness: runs the app's own store (openDatabase + createDraftService,
 * WAL + synchronous=FULL) and saves revisions as fast as it can until the parent SIGKILLs it.
 * Before each commit it announces the revision and the SHA-256 of the exact JSON the store will
 * hold; after the call returns it acknowledges it. Started by saveLoopEntry.ts (bundled by test/support/childBundle.ts).
 */
import { createHash } from 'node:crypto';
import { createInterface } from 'node:readline';
import { openDatabase } from '../../../electron/services/db/openDatabase';
import { applyPatch } from '../../../electron/services/drafts/applyPatch';
import { createDraftService, type DraftService } from '../../../electron/services/drafts/draftService';
import { DraftSchema, type Draft, type DraftPatch } from '../../../shared/model/draft';
import type { ChildConfig, ChildMessage } from './protocol';
import { randomInt, seededRandom } from './random';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const PARAGRAPH =
  '本项目围绕西北干旱区节水灌溉关键技术开展研究，建立土壤墒情监测网络与智能决策模型，' +
  '形成可推广的技术规程和示范基地，带动当地农户增收并培养一批青年科技人才。';

function send(message: ChildMessage): void {
  process.stdout.write(JSON.stringify(message) + '\n');
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Narrative text of exactly `length` characters, different for every call (the tag leads it). */
function narrative(rng: () => number, length: number, tag: string): string {
  const offset = randomInt(rng, 0, PARAGRAPH.length - 1);
  const rotated = PARAGRAPH.slice(offset) + PARAGRAPH.slice(0, offset);
  return (tag + rotated.repeat(Math.ceil(length / rotated.length) + 1)).slice(0, length);
}

/**
 * Mostly small edits, some sections of a few thousand characters and a few values of 20k–60k
 * characters (60–180 KB of UTF-8: one save then spans dozens of pages and pushes the WAL towards a
 * checkpoint). The second draft only gets small edits, which keeps the store small enough to check after every kill.
 */
function randomPatch(rng: () => number, tag: string, smallOnly: boolean): DraftPatch {
  const roll = rng();
  if (smallOnly || roll < 0.67) {
    const key = `field.k${randomInt(rng, 0, 19)}`;
    return { values: { [key]: rng() < 0.5 ? `${tag} 小改动` : randomInt(rng, 0, 1_000_000) } };
  }
  const key = `narrative.s${randomInt(rng, 0, 1)}`;
  const length = roll < 0.97 ? randomInt(rng, 500, 5_000) : randomInt(rng, 20_000, 60_000);
  return { values: { [key]: narrative(rng, length, tag) } };
}

/**
 * Minutes to six hours between saves, and now and then a gap of days: the newest-100 window, the
 * last-of-day keepers and the 90-day cutoff all come into play.
 */
function nextGap(rng: () => number): number {
  return rng() < 0.08 ? randomInt(rng, 1, 20) * DAY : randomInt(rng, 60_000, 6 * HOUR);
}

function run(config: ChildConfig): void {
  const rng = seededRandom(config.seed);
  let clock = config.clockStart;
  const db = openDatabase(config.dbFile);
  // The clock only moves between operations, so the service's now() is what the announcement says.
  const drafts: DraftService = createDraftService(db, { now: () => new Date(clock) });
  const current: Draft[] = config.draftIds.map((id) => drafts.get(id).draft);
  const revisions: number[] = config.draftIds.map((id) => drafts.get(id).revision);
  send({ t: 'ready' });

  for (let n = 0; ; n++) {
    clock += nextGap(rng);
    const at = new Date(clock).toISOString();
    const index = rng() < 0.75 ? 0 : 1;
    const id = config.draftIds[index]!;
    const base = current[index]!;
    const rev = revisions[index]! + 1;
    const restoreShare = config.mode === 'restore' ? 0.7 : 0.08;
    const older = rng() < restoreShare ? pickOlderRevision(drafts, id, revisions[index]!, rng) : undefined;

    const op: Operation = older !== undefined ? { kind: 'restore', older } : { kind: 'save', patch: randomPatch(rng, `【${config.seed}-${n}】`, index === 1) };
    const next = expectedDraft(drafts, base, op, at);
    const doc = JSON.stringify(next);
    send({ t: 'intent', draft: index, op: op.kind, rev, sha: sha256(doc), savedAt: at, bytes: Buffer.byteLength(doc) });
    const result =
      op.kind === 'restore' ? drafts.restoreRevision(id, op.older) : drafts.save({ id, baseRevision: rev - 1, patch: op.patch });
    if (result.revision !== rev || result.savedAt !== at) {
      process.stderr.write(`store answered revision ${result.revision} at ${result.savedAt}, expected ${rev} at ${at}\n`);
      process.exit(3);
    }
    send({ t: 'ack', draft: index, rev });
    current[index] = next;
    revisions[index] = rev;
  }
}

type Operation = { kind: 'save'; patch: DraftPatch } | { kind: 'restore'; older: number };

/** The draft the store will hold after `op`: the service's own steps (applyPatch, DraftSchema), done ahead of time. */
function expectedDraft(drafts: DraftService, base: Draft, op: Operation, at: string): Draft {
  if (op.kind === 'save') return DraftSchema.parse({ ...applyPatch(base, op.patch), updatedAt: at });
  // restoreRevision keeps the current identity, creation time and status.
  const old = drafts.revision(base.id, op.older);
  return DraftSchema.parse({ ...old, id: base.id, createdAt: base.createdAt, status: base.status, updatedAt: at });
}

function pickOlderRevision(drafts: DraftService, id: string, currentRevision: number, rng: () => number): number | undefined {
  const kept = drafts.revisions(id).filter((r) => r.revision !== currentRevision);
  return kept.length === 0 ? undefined : kept[randomInt(rng, 0, kept.length - 1)]!.revision;
}

/** Announces itself, then waits for its config on stdin before it touches the store. */
export function startSaveLoop(): void {
  send({ t: 'loaded' });
  const lines = createInterface({ input: process.stdin });
  lines.once('line', (line) => {
    lines.close();
    run(JSON.parse(line) as ChildConfig);
  });
}
