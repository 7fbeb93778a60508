import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { DraftSummary, RevisionInfo, SaveResult, StoredDraft } from '../../../shared/ipc/contract';
import { describeZodError } from '../../../shared/ipc/dispatch';
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
import { applyPatch } from './applyPatch';
import { prepareDraftRows, type DraftRow, type DraftSummaryRow } from './draftRows';
import { draftFileName } from './exportFileName';
import { parseDraftFile } from './parseDraftFile';
import { pruneParams } from './revisionPolicy';

export const COPY_SUFFIX = '（副本）';

export interface DraftServiceOptions {
  now?: () => Date;
  /** Fills packTitle/programName in summaries; null when the pack is not installed. */
  programLabel?: (packId: string, programId: string) => { packTitle: string; programName: string } | null;
}

export interface SaveInput {
  id: string;
  baseRevision: number;
  patch: DraftPatch;
}

export interface DraftService {
  create(input?: { title?: string; guideline?: GuidelineRef | null }): StoredDraft;
  get(id: string): StoredDraft;
  list(input?: { trash?: boolean }): DraftSummary[];
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
  /** The draft as it was saved at one revision. */
  revision(id: string, revision: number): Draft;
  /** Saves an older revision's content as a new revision; refuses on a final draft. */
  restoreRevision(id: string, revision: number): SaveResult;
  import(content: string): StoredDraft;
  export(id: string): { fileName: string; content: string };
}

const notFound = () => new AppError('not_found', '找不到该草稿，它可能已被彻底删除');
const inTrash = () => new AppError('locked', '草稿在回收站中，恢复后才能修改');
const finalLocked = () => new AppError('locked', '草稿已定稿，解锁后才能修改');

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

  function validated(doc: unknown): Draft {
    const parsed = DraftSchema.safeParse(doc);
    if (!parsed.success) throw new AppError('invalid_input', `草稿内容不正确：${describeZodError(parsed.error)}`);
    return parsed.data;
  }

  function requireRow(id: string): DraftRow {
    const row = rows.get(id);
    if (!row) throw notFound();
    return row;
  }

  function requireWritable(id: string): { row: DraftRow; draft: Draft } {
    const row = requireRow(id);
    if (row.deleted_at !== null) throw inTrash();
    // Our own rows were validated on the way in, so a plain parse is enough here.
    const draft = JSON.parse(row.doc) as Draft;
    return { row, draft };
  }

  function readStored(row: DraftRow): StoredDraft {
    const parsed = DraftSchema.safeParse(JSON.parse(row.doc));
    if (!parsed.success) {
      throw new AppError('corrupt_file', `草稿「${row.id}」的存储内容已损坏：${describeZodError(parsed.error)}`);
    }
    return { draft: parsed.data, revision: row.revision, deletedAt: row.deleted_at };
  }

  function writeRevision(draftId: string, doc: string, revision: number, savedAt: Date): void {
    const savedAtIso = savedAt.toISOString();
    rows.insertRevision({ draftId, revision, savedAt: savedAtIso, doc, size: Buffer.byteLength(doc, 'utf8') });
    rows.pruneRevisions(pruneParams(draftId, revision, savedAt));
  }

  /** Replaces a stored draft with `next` as a new revision: the draft row and its revision row commit together. */
  function commitNewRevision(row: DraftRow, next: Draft, at: Date): SaveResult {
    const revision = row.revision + 1;
    const doc = JSON.stringify(next);
    rows.update({ id: next.id, doc, revision, updatedAt: next.updatedAt });
    writeRevision(next.id, doc, revision, at);
    return { revision, savedAt: at.toISOString() };
  }

  function insertNew(draft: Draft, at: Date): StoredDraft {
    const doc = JSON.stringify(draft);
    rows.insert({ id: draft.id, doc, revision: 1, createdAt: draft.createdAt, updatedAt: draft.updatedAt });
    writeRevision(draft.id, doc, 1, at);
    return { draft, revision: 1, deletedAt: null };
  }

  function toSummary(row: DraftSummaryRow): DraftSummary {
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
    const next = validated({ ...applyPatch(draft, input.patch), updatedAt: at.toISOString() });
    return commitNewRevision(row, next, at);
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
    return commitNewRevision(row, validated({ ...draft, status, updatedAt: at.toISOString() }), at);
  });

  function readRevision(id: string, revision: number): Draft {
    const doc = rows.getRevisionDoc(id, revision);
    if (doc === undefined) {
      throw new AppError('not_found', `找不到草稿的第 ${revision} 版，它可能已按保留策略被清理`);
    }
    const parsed = DraftSchema.safeParse(JSON.parse(doc));
    if (!parsed.success) throw new AppError('corrupt_file', `第 ${revision} 版的存储内容已损坏：${describeZodError(parsed.error)}`);
    return parsed.data;
  }

  const restoreRevisionTx = db.transaction((id: string, revision: number): SaveResult => {
    const { row, draft } = requireWritable(id);
    if (draft.status === 'final') throw finalLocked();
    const old = readRevision(id, revision);
    const at = now();
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
    return { purged: true };
  });

  const importTx = db.transaction((draft: Draft): StoredDraft => {
    const stored = rows.exists(draft.id) ? { ...draft, id: randomUUID() } : draft;
    return insertNew(stored, now());
  });

  return {
    create: (input = {}) =>
      withStorageErrors(() => {
        const at = now();
        const draft = validated(blankDraft(randomUUID(), at.toISOString(), input.title, input.guideline));
        return db.transaction(() => insertNew(draft, at)).immediate();
      }),
    get: (id) => withStorageErrors(() => readStored(requireRow(id))),
    list: (input = {}) => withStorageErrors(() => rows.list(input.trash === true).map(toSummary)),
    save: (input) => withStorageErrors(() => saveTx.immediate(input)),
    rename: ({ id, title }) => withStorageErrors(() => renameTx.immediate(id, title)),
    setStatus: ({ id, status, expectedRevision }) => withStorageErrors(() => setStatusTx.immediate(id, status, expectedRevision)),
    duplicate: (id) => withStorageErrors(() => duplicateTx.immediate(id)),
    delete: (id) => withStorageErrors(() => deleteTx.immediate(id)),
    restore: (id) => withStorageErrors(() => restoreTx.immediate(id)),
    purge: (id) => withStorageErrors(() => purgeTx.immediate(id)),
    revisions: (id) =>
      withStorageErrors(() => {
        requireRow(id);
        return rows.listRevisions(id).map((r) => ({ revision: r.revision, savedAt: r.saved_at, size: r.size }));
      }),
    revision: (id, revision) =>
      withStorageErrors(() => {
        requireRow(id);
        return readRevision(id, revision);
      }),
    restoreRevision: (id, revision) => withStorageErrors(() => restoreRevisionTx.immediate(id, revision)),
    // Parsing and validation happen before the transaction: a bad file never reaches the database.
    import: (content) => withStorageErrors(() => importTx.immediate(parseDraftFile(content))),
    export: (id) =>
      withStorageErrors(() => {
        const { draft } = readStored(requireRow(id));
        return { fileName: draftFileName(draftTitle(draft)), content: JSON.stringify(draft, null, 2) + '\n' };
      }),
  };
}
