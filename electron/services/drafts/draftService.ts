import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { DraftSummary, EditingSession, RevisionInfo, SaveResult, StoredDraft } from '../../../shared/ipc/contract';
import { changedFieldIds } from '../../../shared/history/changedFields';
import { groupIntoSessions } from '../../../shared/history/editingSessions';
import { describeZodError } from '../../../shared/validation/formatIssues';
import { AppError } from '../../../shared/ipc/errors';
import {
  DRAFT_FORMAT,
  DRAFT_FORMAT_VERSION,
  DraftSchema,
  draftTitle,
  type Draft,
  type DraftPatch,
  type DraftStatus,
  type GuidelineRef,
} from '../../../shared/model/draft';
import { withStorageErrors } from '../db/storageErrors';
import { prepareDraftRows, type DraftHead, type DraftRow, type DraftSummaryRow, type RevisionRow, type SummaryParams } from './draftRows';
import { draftFileContent, refuseOverExportLimit } from './draftFileSize';
import { patchedDraft } from './patchedDraft';
import { draftFileName } from './exportFileName';
import { parseStoredDoc } from './draftDamage';
import { codeFingerprint } from '../codeFingerprint';
import type { NewCheck, StoredCheck } from './draftChecks';
import { parseDraftFile } from './parseDraftFile';
import { isFullPruneRevision, pruneParams } from './revisionPolicy';

export const COPY_SUFFIX = '（副本）';

export interface DraftServiceOptions {
  now?: () => Date;
  /** Fills packTitle/programName in summaries; null when the pack is not installed. */
  programLabel?: (packId: string, programId: string) => { packTitle: string; programName: string } | null;
  /** Names the running code (codeFingerprint): a stored check of a document counts only for the code that made it. */
  codeVersion?: () => string;
}

export interface SaveInput {
  id: string;
  baseRevision: number;
  patch: DraftPatch;
}

export interface DraftService {
  create(input?: { title?: string; guideline?: GuidelineRef | null }): StoredDraft;
  get(id: string): StoredDraft;
  /**
   * The document as the last list read it to check it reads back, while the draft is still at that
   * revision: the home page's progress uses it instead of reading and validating it a second time.
   * Never handed to a caller outside the services.
   */
  listedDraft(id: string, revision: number): Draft | undefined;
  /**
   * The check of the document stored by an earlier list (migration 0006), when the last list found
   * it valid for the draft at this revision: the document is then known to read back whole without
   * being read. Never handed to a caller outside the services.
   */
  listedCheck(id: string, revision: number): StoredCheck | undefined;
  /**
   * Stores the list's checks into the drafts' summary rows, in one transaction. Only a cache: a
   * failure (the store busy or read-only) is ignored, and these writes do not move changeStamp.
   */
  storeChecks(checks: readonly { id: string; check: NewCheck }[]): void;
  /** The running code's name, for stored checks. */
  codeVersion(): string;
  list(input?: { trash?: boolean }): DraftSummary[];
  /** Changes whenever a write on this database (by this process or another) can have changed the list. */
  changeStamp(): string;
  save(input: SaveInput): SaveResult;
  rename(input: { id: string; title: string }): SaveResult;
  /**
   * Marks a draft final (定稿) or unlocks it. `expectedRevision` (the revision that was checked)
   * refuses when another save landed in between. Callers check the rules first (see finalizeHandlers).
   */
  setStatus(input: { id: string; status: DraftStatus; expectedRevision?: number }): SaveResult;
  duplicate(id: string): StoredDraft;
  delete(id: string): { deletedAt: string };
  restore(id: string): { restored: true };
  purge(id: string): { purged: true };
  revisions(id: string): RevisionInfo[];
  /** The stored revisions as editing sessions, newest first, each with what it changed. */
  history(id: string): { sessions: EditingSession[] };
  /** 保存为版本…: names a stored revision, which the pruning policy then keeps. */
  nameRevision(input: { id: string; revision: number; label: string }): { revision: number; label: string };
  /** The draft as it was saved at one revision. */
  revision(id: string, revision: number): Draft;
  /** Saves an older revision's content as a new revision; refuses on a final draft. */
  restoreRevision(id: string, revision: number): SaveResult;
  /** 恢复到最近完好的版本: a damaged draft gets its newest revision that reads back whole, as a new revision. */
  recover(id: string): SaveResult & { restoredRevision: number };
  import(content: string): StoredDraft;
  export(id: string): { fileName: string; content: string };
}

const notFound = () => new AppError('not_found', '找不到该草稿，它可能已被彻底删除');
const inTrash = () => new AppError('locked', '草稿在回收站中，恢复后才能修改');
const finalLocked = () => new AppError('locked', '草稿已定稿，解锁后才能修改');

/** The names the app gives versions itself, so that the state before a big step can always be found again. */
export const AUTO_LABELS = {
  beforeFinal: '定稿前',
  beforeRestore: (revision: number) => `恢复第 ${revision} 版前`,
  imported: '导入时的内容',
} as const;

/** The list's fields of a draft, written beside it (migration 0005) so the list does not parse documents. */
function summaryOf(draft: Draft): SummaryParams {
  const g = draft.guideline;
  return {
    id: draft.id,
    projectName: draft.values['project.name'],
    packId: g?.packId ?? null,
    programId: g?.programId ?? null,
    documentType: g?.documentType ?? null,
    status: draft.status,
  };
}

function toRevisionInfo(r: RevisionRow): RevisionInfo {
  return { revision: r.revision, savedAt: r.saved_at, size: r.size, ...(r.label === null ? {} : { label: r.label, labelAuto: r.auto === 1 }) };
}

export function blankDraft(id: string, now: string, title?: string, guideline?: GuidelineRef | null): Draft {
  const name = title?.trim();
  return {
    format: DRAFT_FORMAT,
    formatVersion: DRAFT_FORMAT_VERSION,
    id,
    guideline: guideline ?? null,
    values: name ? { 'project.name': name } : {},
    tables: {},
    attachments: {},
    declarations: {},
    planTasks: [],
    status: 'editing',
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * All calls are synchronous better-sqlite3 work; every write is one transaction (draft row + revision
 * row). Writes use BEGIN IMMEDIATE: the transaction reads and then writes, and taking the write lock
 * up front lets busy_timeout queue a second process (CLI next to the app) instead of failing it.
 */
export function createDraftService(db: Database, options: DraftServiceOptions = {}): DraftService {
  const rows = prepareDraftRows(db);
  const now = options.now ?? (() => new Date());
  const programLabel = options.programLabel ?? (() => null);
  let build: string | undefined;
  // Computed on the first list that needs it: starts that never list pay nothing.
  const codeVersion = (): string => (build ??= (options.codeVersion ?? (() => codeFingerprint('')))());

  function validated(doc: unknown): Draft {
    const parsed = DraftSchema.safeParse(doc);
    if (!parsed.success) throw invalidDraft(parsed.error);
    return parsed.data;
  }

  function invalidDraft(error: z.ZodError): AppError {
    return new AppError('invalid_input', `草稿内容不正确：${describeZodError(error)}`);
  }

  function requireRow(id: string): DraftRow {
    const row = rows.get(id);
    if (!row) throw notFound();
    return row;
  }

  /** A stored draft that does not read back is damage inside that draft only: this names it and the way out. */
  function damaged(row: DraftRow, reason: string): AppError {
    return new AppError('corrupt_file', `草稿 ${row.id} 已损坏（${reason}），其他草稿不受影响；请在草稿列表中选择「恢复到最近完好的版本」`);
  }

  function readStored(row: DraftRow): StoredDraft {
    const parsed = parseStoredDoc(row.doc);
    if (!parsed.ok) throw damaged(row, parsed.reason);
    return { draft: parsed.draft, revision: row.revision, deletedAt: row.deleted_at };
  }

  /**
   * The draft as this service last wrote it, per id, with the row's revision and updated_at at that
   * write. A save then reads only the row's head and, when both still match, reuses the draft
   * instead of reading the whole document back and validating it again (most of a save's own CPU
   * time). Another writer (the CLI beside the app, a restore) changes the revision or the time, so
   * the document is read again. Entries are made only after their transaction committed, and the
   * objects never leave the service (a save returns only the revision), so nothing can change them.
   */
  type Written = { id: string; revision: number; updatedAt: string; draft: Draft };
  const lastWritten = new Map<string, Written>();
  const uncommitted: { entry: Written | null } = { entry: null };
  // Read through a function: the write below sets the entry, which the compiler cannot see.
  const pendingEntry = (): Written | null => uncommitted.entry;

  /** Runs a write transaction and remembers the draft it wrote once, and only if, it committed. */
  function remembering<T>(write: () => T): T {
    uncommitted.entry = null;
    try {
      const result = write();
      const written = pendingEntry();
      if (written !== null) lastWritten.set(written.id, written);
      return result;
    } finally {
      uncommitted.entry = null;
    }
  }

  function requireWritable(id: string): { row: Pick<DraftHead, 'id' | 'revision'>; draft: Draft } {
    const head = rows.head(id);
    if (!head) throw notFound();
    if (head.deleted_at !== null) throw inTrash();
    const known = lastWritten.get(id);
    if (known && known.revision === head.revision && known.updatedAt === head.updated_at) return { row: head, draft: known.draft };
    lastWritten.delete(id);
    const row = requireRow(id);
    return { row, draft: readStored(row).draft };
  }

  // Whether each listed draft reads back, per revision: checked once, not at every list.
  const soundness = new Map<string, { revision: number; damage: string | null; draft: Draft | null; check?: StoredCheck }>();
  // Rows the list's stored checks changed: not changes of anything listed (changeStamp leaves them out).
  let quietChanges = 0;
  /** A check an earlier list stored for exactly this document, by this code (the list's query compared them). */
  function storedCheckOf(row: DraftSummaryRow): StoredCheck | undefined {
    if (row.summarized !== 1 || row.check_ok !== 1) return undefined;
    if (row.check_basis !== null && row.check_entry !== null && row.check_progress !== null) return { basis: row.check_basis, entry: row.check_entry, progress: row.check_progress };
    // A list without the checks' columns: this one is read by itself, for the revision listed.
    return rows.checkOf({ id: row.id, revision: row.revision, updatedAt: row.updated_at, build: codeVersion() });
  }
  function damageOf(row: DraftSummaryRow): string | null {
    if (row.doc_ok !== 1) return '存储的内容不是完整的 JSON';
    const known = soundness.get(row.id);
    // A document changed outside the service can have changed without a new revision number: read every time.
    if (known && known.revision === row.revision && row.summarized === 1) return known.damage;
    // Checked whole by this code at this revision, and the summary row shows the service wrote it and nobody changed it since.
    const check = storedCheckOf(row);
    if (check) {
      soundness.set(row.id, { revision: row.revision, damage: null, draft: null, check });
      return null;
    }
    const doc = rows.doc(row.id);
    const parsed = doc === undefined ? { ok: true as const, draft: null } : parseStoredDoc(doc);
    const damage = parsed.ok ? null : parsed.reason;
    soundness.set(row.id, { revision: row.revision, damage, draft: parsed.ok ? parsed.draft : null });
    return damage;
  }

  function writeRevision(draftId: string, doc: string, size: number, revision: number, savedAt: Date): void {
    const savedAtIso = savedAt.toISOString();
    rows.insertRevision({ draftId, revision, savedAt: savedAtIso, doc, size });
    const params = pruneParams(draftId, revision, savedAt);
    if (isFullPruneRevision(revision)) rows.pruneRevisions(params);
    else rows.pruneAfterSave(params);
  }

  /** Replaces a stored draft with `next` as a new revision: the draft row and its revision row commit together. */
  function commitNewRevision(row: Pick<DraftRow, 'revision'>, next: Draft, at: Date): SaveResult {
    const revision = row.revision + 1;
    const doc = JSON.stringify(next);
    const size = refuseOverExportLimit(doc);
    // Remembered by `remembering` only once the whole transaction has committed.
    uncommitted.entry = { id: next.id, revision, updatedAt: next.updatedAt, draft: next };
    rows.update({ id: next.id, doc, revision, updatedAt: next.updatedAt });
    rows.writeSummary(summaryOf(next));
    writeRevision(next.id, doc, size, revision, at);
    return { revision, savedAt: at.toISOString() };
  }

  function insertNew(draft: Draft, at: Date): StoredDraft {
    const doc = JSON.stringify(draft);
    const size = refuseOverExportLimit(doc);
    rows.insert({ id: draft.id, doc, revision: 1, createdAt: draft.createdAt, updatedAt: draft.updatedAt });
    rows.writeSummary(summaryOf(draft));
    writeRevision(draft.id, doc, size, 1, at);
    return { draft, revision: 1, deletedAt: null };
  }

  function toSummary(row: DraftSummaryRow): DraftSummary {
    const damage = damageOf(row);
    const title = draftTitle({ values: { 'project.name': typeof row.project_name === 'string' ? row.project_name : null } });
    const label = row.pack_id && row.program_id ? programLabel(row.pack_id, row.program_id) : null;
    return {
      id: row.id,
      title,
      packId: row.pack_id,
      packTitle: label?.packTitle ?? null,
      programId: row.program_id,
      programName: label?.programName ?? null,
      documentType: row.document_type === 'proposal' || row.document_type === 'application' ? row.document_type : null,
      status: row.status === 'final' ? 'final' : 'editing',
      revision: row.revision,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      deletedAt: row.deleted_at,
      ...(damage === null ? {} : { damage }),
    };
  }

  const saveTx = db.transaction((input: SaveInput): SaveResult => {
    const { row, draft } = requireWritable(input.id);
    if (row.revision !== input.baseRevision) {
      throw new AppError(
        'conflict',
        `草稿已在别处被修改（当前版本 ${row.revision}，您的版本 ${input.baseRevision}），为避免覆盖，本次未保存；请重新加载后再修改`,
      );
    }
    if (draft.status === 'final') throw finalLocked();
    const at = now();
    const next = patchedDraft(draft, input.patch, at.toISOString());
    if (!next.ok) throw invalidDraft(next.error);
    return commitNewRevision(row, next.draft, at);
  });

  const renameTx = db.transaction((id: string, title: string): SaveResult => {
    const { row, draft } = requireWritable(id);
    if (draft.status === 'final') throw finalLocked();
    const at = now();
    const next = validated({ ...draft, values: { ...draft.values, 'project.name': title.trim() }, updatedAt: at.toISOString() });
    return commitNewRevision(row, next, at);
  });

  const setStatusTx = db.transaction((id: string, status: DraftStatus, expectedRevision?: number): SaveResult => {
    const { row, draft } = requireWritable(id);
    if (expectedRevision !== undefined && row.revision !== expectedRevision) {
      throw new AppError('conflict', `草稿在检查期间又被修改（当前版本 ${row.revision}，检查的是版本 ${expectedRevision}），请重新检查后再操作`);
    }
    const at = now();
    if (status === 'final') rows.autoLabel({ draftId: id, revision: row.revision, label: AUTO_LABELS.beforeFinal, createdAt: at.toISOString() });
    return commitNewRevision(row, validated({ ...draft, status, updatedAt: at.toISOString() }), at);
  });

  function readRevision(id: string, revision: number): Draft {
    const doc = rows.getRevisionDoc(id, revision);
    if (doc === undefined) {
      throw new AppError('not_found', `找不到草稿的第 ${revision} 版，它可能已按保留策略被清理`);
    }
    const parsed = parseStoredDoc(doc);
    if (!parsed.ok) throw new AppError('corrupt_file', `第 ${revision} 版已损坏（${parsed.reason}），请选择另一个版本`);
    return parsed.draft;
  }

  const recoverTx = db.transaction((id: string): SaveResult & { restoredRevision: number } => {
    const row = requireRow(id);
    if (parseStoredDoc(row.doc).ok) throw new AppError('invalid_input', '该草稿没有损坏，无需恢复');
    let good: { revision: number; draft: Draft } | undefined;
    for (const stored of rows.revisionDocsNewestFirst(id)) {
      const parsed = parseStoredDoc(stored.doc);
      if (parsed.ok) {
        good = { revision: stored.revision, draft: parsed.draft };
        break;
      }
    }
    if (!good) throw new AppError('not_found', '该草稿的历史版本也都已损坏，无法自动恢复；其他草稿不受影响，可从备份恢复（设置 → 备份与恢复）');
    const at = now();
    // The revision's content as it was saved; the identity stays this draft's.
    const next = validated({ ...good.draft, id: row.id, updatedAt: at.toISOString() });
    return { ...commitNewRevision(row, next, at), restoredRevision: good.revision };
  });

  const restoreRevisionTx = db.transaction((id: string, revision: number): SaveResult => {
    const { row, draft } = requireWritable(id);
    if (draft.status === 'final') throw finalLocked();
    const old = readRevision(id, revision);
    const at = now();
    // What is replaced stays findable by name: restoring back is one click in the history.
    rows.autoLabel({ draftId: id, revision: row.revision, label: AUTO_LABELS.beforeRestore(revision), createdAt: at.toISOString() });
    // The content comes back; identity, creation time and the (unlocked) status stay the current ones.
    const next = validated({ ...old, id: draft.id, createdAt: draft.createdAt, status: draft.status, updatedAt: at.toISOString() });
    return commitNewRevision(row, next, at);
  });

  const duplicateTx = db.transaction((id: string): StoredDraft => {
    const { draft } = requireWritable(id);
    const at = now();
    const iso = at.toISOString();
    const copy = validated({
      ...draft,
      id: randomUUID(),
      values: { ...draft.values, 'project.name': draftTitle(draft) + COPY_SUFFIX },
      status: 'editing',
      createdAt: iso,
      updatedAt: iso,
    });
    return insertNew(copy, at);
  });

  const deleteTx = db.transaction((id: string): { deletedAt: string } => {
    const row = requireRow(id);
    if (row.deleted_at !== null) return { deletedAt: row.deleted_at };
    const deletedAt = now().toISOString();
    rows.setDeletedAt(id, deletedAt);
    return { deletedAt };
  });

  const restoreTx = db.transaction((id: string): { restored: true } => {
    requireRow(id);
    rows.setDeletedAt(id, null);
    return { restored: true };
  });

  const purgeTx = db.transaction((id: string): { purged: true } => {
    const row = requireRow(id);
    if (row.deleted_at === null) throw new AppError('locked', '只能彻底删除回收站中的草稿，请先将其移入回收站');
    rows.removeRevisions(id);
    rows.remove(id);
    soundness.delete(id);
    return { purged: true };
  });

  const importTx = db.transaction((draft: Draft): StoredDraft => {
    const stored = rows.exists(draft.id) ? { ...draft, id: randomUUID() } : draft;
    const at = now();
    const inserted = insertNew(stored, at);
    rows.autoLabel({ draftId: stored.id, revision: inserted.revision, label: AUTO_LABELS.imported, createdAt: at.toISOString() });
    return inserted;
  });

  function history(id: string): { sessions: EditingSession[] } {
    requireRow(id);
    const sessions = groupIntoSessions(rows.listRevisions(id).map(toRevisionInfo));
    const readable = (revision: number): Draft | null => {
      const doc = rows.getRevisionDoc(id, revision);
      if (doc === undefined) return null;
      const parsed = parseStoredDoc(doc);
      return parsed.ok ? parsed.draft : null;
    };
    // Only each session's last version is read, compared with the previous session's last one.
    // The oldest stored session starts from nothing when it holds revision 1, else from its own first
    // version (the ones before it were pruned, so what they changed is no longer known).
    const first = sessions[0]?.[0];
    let before: Draft | null = first === undefined || first.revision === 1 ? null : readable(first.revision);
    let beforeOk = first === undefined || first.revision === 1 || before !== null;
    const result: EditingSession[] = [];
    for (const session of sessions) {
      const last = session.at(-1)!;
      const after = readable(last.revision);
      result.push({
        startedAt: session[0]!.savedAt,
        endedAt: last.savedAt,
        revisions: [...session].reverse(),
        changed: after !== null && beforeOk ? changedFieldIds(before, after) : null,
      });
      before = after;
      beforeOk = after !== null;
    }
    return { sessions: result.reverse() };
  }

  const nameRevisionTx = db.transaction((id: string, revision: number, label: string) => {
    requireRow(id);
    if (!rows.revisionExists(id, revision)) throw new AppError('not_found', `找不到草稿的第 ${revision} 版，它可能已按保留策略被清理`);
    rows.nameRevision({ draftId: id, revision, label, createdAt: now().toISOString() });
    return { revision, label };
  });

  return {
    create: (input = {}) =>
      withStorageErrors(() => {
        const at = now();
        const draft = validated(blankDraft(randomUUID(), at.toISOString(), input.title, input.guideline));
        return db.transaction(() => insertNew(draft, at)).immediate();
      }),
    get: (id) => withStorageErrors(() => readStored(requireRow(id))),
    listedDraft: (id, revision) => {
      const known = soundness.get(id);
      return known && known.revision === revision && known.draft !== null ? known.draft : undefined;
    },
    listedCheck: (id, revision) => {
      const known = soundness.get(id);
      return known && known.revision === revision ? known.check : undefined;
    },
    storeChecks: (checks) => {
      if (checks.length === 0) return;
      try {
        db.transaction(() => {
          for (const { id, check } of checks) quietChanges += rows.storeCheck({ id, ...check, progress: JSON.stringify(check.progress) });
        }).immediate();
      } catch {
        // Checked again at the next start: a cache that could not be written loses nothing.
        return;
      }
      for (const { id, check } of checks) {
        const known = soundness.get(id);
        if (known && known.revision === check.revision && known.damage === null) known.check = { basis: check.basis, entry: check.entry, progress: JSON.stringify(check.progress) };
      }
    },
    codeVersion,
    // Every check in the first list of the run (none is known yet); later ones read only those of drafts not seen at their revision.
    list: (input = {}) => withStorageErrors(() => rows.list(input.trash === true, codeVersion(), soundness.size === 0).map(toSummary)),
    changeStamp: () => withStorageErrors(() => rows.changeStamp(quietChanges)),
    save: (input) => withStorageErrors(() => remembering(() => saveTx.immediate(input))),
    rename: ({ id, title }) => withStorageErrors(() => remembering(() => renameTx.immediate(id, title))),
    setStatus: ({ id, status, expectedRevision }) => withStorageErrors(() => setStatusTx.immediate(id, status, expectedRevision)),
    duplicate: (id) => withStorageErrors(() => duplicateTx.immediate(id)),
    delete: (id) => withStorageErrors(() => deleteTx.immediate(id)),
    restore: (id) => withStorageErrors(() => restoreTx.immediate(id)),
    purge: (id) => withStorageErrors(() => purgeTx.immediate(id)),
    revisions: (id) =>
      withStorageErrors(() => {
        requireRow(id);
        return rows.listRevisions(id).map(toRevisionInfo);
      }),
    history: (id) => withStorageErrors(() => history(id)),
    nameRevision: ({ id, revision, label }) => withStorageErrors(() => nameRevisionTx.immediate(id, revision, label.trim())),
    revision: (id, revision) =>
      withStorageErrors(() => {
        requireRow(id);
        return readRevision(id, revision);
      }),
    restoreRevision: (id, revision) => withStorageErrors(() => restoreRevisionTx.immediate(id, revision)),
    recover: (id) => withStorageErrors(() => recoverTx.immediate(id)),
    // Parsing and validation happen before the transaction: a bad file never reaches the database.
    import: (content) => withStorageErrors(() => importTx.immediate(parseDraftFile(content))),
    export: (id) =>
      withStorageErrors(() => {
        const { draft } = readStored(requireRow(id));
        return { fileName: draftFileName(draftTitle(draft)), content: draftFileContent(draft) };
      }),
  };
}
