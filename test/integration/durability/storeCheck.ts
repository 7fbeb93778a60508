import { createHash } from 'node:crypto';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { openDatabase } from '../../../electron/services/db/openDatabase';
import { revisionsPolicyKeeps } from './retention';

export interface Revision {
  rev: number;
  sha: string;
  savedAt: string;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * What the parent knows about one draft: every revision known to be committed (acknowledged, or
 * found committed after a kill that beat its acknowledgement), and the one announced but not yet acknowledged.
 */
export class DraftLedger {
  private readonly committed = new Map<number, Revision>();
  private readonly savedAt = new Map<number, string>();
  private pending: Revision | undefined;
  lastAcked: number;

  constructor(
    readonly id: string,
    first: Revision,
  ) {
    this.commit(first);
    this.lastAcked = first.rev;
  }

  intent(revision: Revision): void {
    if (revision.rev !== this.lastAcked + 1) throw new Error(`harness: intent for ${revision.rev} after acknowledged ${this.lastAcked}`);
    this.pending = revision;
  }

  ack(rev: number): void {
    if (this.pending?.rev !== rev) throw new Error(`harness: acknowledgement of ${rev} without its intent`);
    this.commit(this.pending);
    this.lastAcked = rev;
    this.pending = undefined;
  }

  latestTime(): number {
    const times = [...this.savedAt.values(), ...(this.pending ? [this.pending.savedAt] : [])].map((t) => Date.parse(t));
    return Math.max(...times);
  }

  /**
   * Settles the revision in flight at the kill: committed if the store's current revision is it,
   * dropped otherwise (it was never acknowledged, so nothing was promised). Returns whether it had committed.
   */
  settle(currentRevision: number): 'committed' | 'not committed' | 'none' {
    const pending = this.pending;
    this.pending = undefined;
    if (!pending) return 'none';
    if (currentRevision === pending.rev) {
      this.commit(pending);
      this.lastAcked = pending.rev;
      return 'committed';
    }
    return 'not committed';
  }

  get(rev: number): Revision | undefined {
    return this.committed.get(rev);
  }

  pendingRevision(): number | undefined {
    return this.pending?.rev;
  }

  mustKeep(current: number): number[] {
    return revisionsPolicyKeeps(this.savedAt, current);
  }

  private commit(revision: Revision): void {
    this.committed.set(revision.rev, revision);
    this.savedAt.set(revision.rev, revision.savedAt);
  }
}

export interface CheckResult {
  integrity: string;
  /** Revisions the policy must keep that were found byte-identical. */
  revisionsChecked: number;
  /** Acknowledged (or committed) revisions missing or changed. */
  lost: number;
  /** The draft row is not exactly one committed revision. */
  mixed: number;
  /** Revisions the policy should have pruned that are still there. */
  notPruned: number;
  inFlightCommitted: number;
  inFlightNotCommitted: number;
  problems: string[];
}

/**
 * Reopens the store and checks it against the ledgers. `viaApp` opens it the way the app starts
 * (openDatabase: WAL recovery, migrations; closing checkpoints the WAL away). Otherwise a read-only
 * connection looks without checkpointing, so the WAL keeps growing across children as it does in
 * the app and later children run into automatic checkpoints; those children still open the store
 * through openDatabase themselves, right after the kill.
 */
export function checkStore(dbFile: string, ledgers: DraftLedger[], viaApp: boolean): CheckResult {
  const result: CheckResult = {
    integrity: '',
    revisionsChecked: 0,
    lost: 0,
    mixed: 0,
    notPruned: 0,
    inFlightCommitted: 0,
    inFlightNotCommitted: 0,
    problems: [],
  };
  let db: Database;
  try {
    db = viaApp ? openDatabase(dbFile) : new BetterSqlite3(dbFile, { readonly: true, fileMustExist: true });
  } catch (e) {
    result.integrity = `the store did not open: ${(e as Error).message}`;
    result.problems.push(result.integrity);
    return result;
  }
  try {
    result.integrity = String(db.pragma('integrity_check', { simple: true }));
    if (result.integrity !== 'ok') result.problems.push(`integrity_check: ${result.integrity}`);
    const draftRow = db.prepare<[string], { doc: string; revision: number }>('SELECT doc, revision FROM drafts WHERE id = ?');
    const revisionRows = db.prepare<[string], { revision: number; doc: string }>(
      'SELECT revision, doc FROM revisions WHERE draft_id = ? ORDER BY revision',
    );
    // Named versions (the user's, and 恢复第 N 版前 / 定稿前 / 导入时的内容) are outside the pruning policy.
    const hasLabels = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'revision_labels'").get()?.n === 1;
    const labelRows = hasLabels ? db.prepare<[string], { revision: number }>('SELECT revision FROM revision_labels WHERE draft_id = ?') : null;
    for (const ledger of ledgers) {
      const named = labelRows ? labelRows.all(ledger.id).map((r) => r.revision) : [];
      checkDraft(ledger, draftRow.get(ledger.id), revisionRows.all(ledger.id), result, named);
    }
  } finally {
    db.close();
  }
  return result;
}

function checkDraft(
  ledger: DraftLedger,
  row: { doc: string; revision: number } | undefined,
  stored: { revision: number; doc: string }[],
  result: CheckResult,
  named: readonly number[] = [],
): void {
  const name = `draft ${ledger.id.slice(0, 8)}`;
  if (!row) {
    result.lost += ledger.lastAcked;
    result.problems.push(`${name}: the draft row is gone`);
    return;
  }
  const acked = ledger.lastAcked;
  const pending = ledger.pendingRevision();
  const settled = ledger.settle(row.revision);
  if (settled === 'committed') result.inFlightCommitted++;
  if (settled === 'not committed') result.inFlightNotCommitted++;
  if (row.revision < acked) {
    result.lost += acked - row.revision;
    result.problems.push(`${name}: current revision ${row.revision}, but ${acked} was acknowledged`);
    return;
  }
  const expected = ledger.get(row.revision);
  if (!expected) {
    result.mixed++;
    result.problems.push(`${name}: current revision ${row.revision} was never attempted (acknowledged ${acked}, in flight ${pending ?? 'none'})`);
    return;
  }
  if (sha256(row.doc) !== expected.sha) {
    result.mixed++;
    result.problems.push(`${name}: the draft is not exactly revision ${row.revision} as announced`);
  }

  const byRevision = new Map(stored.map((r) => [r.revision, r.doc]));
  if (byRevision.get(row.revision) !== row.doc) {
    result.mixed++;
    result.problems.push(`${name}: the draft row differs from its own revision ${row.revision}`);
  }
  const keep = [...new Set([...ledger.mustKeep(row.revision), ...named.filter((rev) => rev <= row.revision)])];
  for (const rev of keep) {
    const doc = byRevision.get(rev);
    if (doc === undefined) {
      result.lost++;
      result.problems.push(`${name}: revision ${rev} is missing though the policy keeps it`);
    } else if (sha256(doc) !== ledger.get(rev)?.sha) {
      result.lost++;
      result.problems.push(`${name}: revision ${rev} is not byte-identical to what was acknowledged`);
    } else {
      result.revisionsChecked++;
    }
  }
  const keepSet = new Set(keep);
  const extra = stored.filter((r) => !keepSet.has(r.revision)).map((r) => r.revision);
  if (extra.length > 0) {
    result.notPruned += extra.length;
    result.problems.push(`${name}: revisions ${extra.slice(0, 5).join(', ')} should have been pruned`);
  }
}
