import type { Database } from 'better-sqlite3';

/** Typed access to the drafts and revisions tables: named parameters only, no SQL built from values. */

export interface DraftRow {
  id: string;
  doc: string;
  revision: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export type DraftHead = Pick<DraftRow, 'id' | 'revision' | 'updated_at' | 'deleted_at'>;

export interface DraftSummaryRow {
  id: string;
  revision: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  project_name: unknown;
  pack_id: string | null;
  program_id: string | null;
  document_type: string | null;
  status: string | null;
  doc_ok: number;
  /** 0 when the document changed outside the service (no summary row): its revision number says nothing then. */
  summarized: number;
  /**
   * 1 when the summary row holds a check made from the document there now, by this code (migration
   * 0006); then the check's columns follow, else they are null.
   */
  check_ok: number | null;
  check_basis: string | null;
  check_entry: string | null;
  check_progress: string | null;
}

export interface RevisionRow {
  revision: number;
  saved_at: string;
  size: number;
  label: string | null;
  auto: number | null;
}

export interface LabelParams {
  draftId: string;
  revision: number;
  label: string;
  createdAt: string;
}

export interface InsertDraftParams {
  id: string;
  doc: string;
  revision: number;
  createdAt: string;
  updatedAt: string;
}

export interface UpdateDraftParams {
  id: string;
  doc: string;
  revision: number;
  updatedAt: string;
}

export interface InsertRevisionParams {
  draftId: string;
  revision: number;
  savedAt: string;
  doc: string;
  size: number;
}

export interface PruneParams {
  draftId: string;
  /** Revisions at or below this number are outside the "newest N" window. */
  windowFloor: number;
  /** Daily keepers saved before this instant are dropped too. */
  dailyCutoff: string;
}

export type DraftRows = ReturnType<typeof prepareDraftRows>;

// A draft's fields come from its summary row (written with every save); a draft without one (its
// document changed outside the service, see migration 0005) is read from its document, as before.
// json_extract throws on malformed JSON and would take the whole list down with one damaged draft:
// each extract is guarded, and doc_ok tells the service which row to show as 已损坏. The document is
// read only on that path (SQLite seeks the row when a CASE branch first needs the column).
const fromDoc = (path: string) => `CASE WHEN s.id IS NOT NULL THEN s.SUMMARY_FIELD WHEN json_valid(d.doc) THEN json_extract(d.doc, '${path}') END`;
const field = (column: string, path: string) => `${fromDoc(path).replace('SUMMARY_FIELD', column)} AS ${column}`;
// Null without a summary row (a document changed outside the service): its check says nothing then.
const CHECK_OK = '(s.checked_revision = d.revision AND s.checked_at = d.updated_at AND s.checked_build = @build)';
// The checks themselves (half a kilobyte a draft) only where the service needs them all (its first
// list); a later list reads them only for the drafts it has not seen at this revision (checkOf).
const checkColumns = (withChecks: boolean) =>
  withChecks
    ? `CASE WHEN ${CHECK_OK} THEN s.checked_basis END AS check_basis,
  CASE WHEN ${CHECK_OK} THEN s.checked_entry END AS check_entry,
  CASE WHEN ${CHECK_OK} THEN s.checked_progress END AS check_progress,`
    : 'NULL AS check_basis, NULL AS check_entry, NULL AS check_progress,';
const summaryColumns = (withChecks: boolean) => `
  d.id, d.revision, d.created_at, d.updated_at, d.deleted_at,
  CASE WHEN s.id IS NOT NULL THEN 1 ELSE json_valid(d.doc) END AS doc_ok,
  s.id IS NOT NULL AS summarized,
  ${CHECK_OK} AS check_ok,
  ${checkColumns(withChecks)}
  ${field('project_name', '$.values."project.name"')},
  ${field('pack_id', '$.guideline.packId')},
  ${field('program_id', '$.guideline.programId')},
  ${field('document_type', '$.guideline.documentType')},
  ${field('status', '$.status')}`;
const SUMMARY_FROM = 'drafts d LEFT JOIN draft_summaries s ON s.id = d.id';

/**
 * The list's columns in SELECT order. Its rows are read as arrays (better-sqlite3's `raw`), not as
 * an object per row made by column name: at 2,000 drafts that was a third of the statement's time,
 * on the first list after every start.
 */
const SUMMARY_ORDER = [
  'id', 'revision', 'created_at', 'updated_at', 'deleted_at', 'doc_ok', 'summarized', 'check_ok',
  'check_basis', 'check_entry', 'check_progress', 'project_name', 'pack_id', 'program_id', 'document_type', 'status',
] as const satisfies readonly (keyof DraftSummaryRow)[];

/** A statement whose columns are not SUMMARY_ORDER would fill the rows' fields with each other's values: refused at prepare. */
function assertSummaryOrder(names: readonly string[]): void {
  if (names.join(',') !== SUMMARY_ORDER.join(',')) throw new Error(`draft list columns out of order: ${names.join(', ')}`);
}

function summaryRowOf(v: unknown[]): DraftSummaryRow {
  return {
    id: v[0] as string,
    revision: v[1] as number,
    created_at: v[2] as string,
    updated_at: v[3] as string,
    deleted_at: v[4] as string | null,
    doc_ok: v[5] as number,
    summarized: v[6] as number,
    check_ok: v[7] as number | null,
    check_basis: v[8] as string | null,
    check_entry: v[9] as string | null,
    check_progress: v[10] as string | null,
    project_name: v[11],
    pack_id: v[12] as string | null,
    program_id: v[13] as string | null,
    document_type: v[14] as string | null,
    status: v[15] as string | null,
  };
}

export interface CheckParams {
  id: string;
  revision: number;
  updatedAt: string;
  build: string;
  basis: string;
  entry: string;
  /** JSON. */
  progress: string;
}

export interface SummaryParams {
  id: string;
  projectName: unknown;
  packId: string | null;
  programId: string | null;
  documentType: string | null;
  status: string;
}

export function prepareDraftRows(db: Database) {
  const get = db.prepare<{ id: string }, DraftRow>(
    'SELECT id, doc, revision, created_at, updated_at, deleted_at FROM drafts WHERE id = @id',
  );
  const exists = db.prepare<{ id: string }, { one: number }>('SELECT 1 AS one FROM drafts WHERE id = @id');
  // The row without its document: a few microseconds, where reading the document costs about half a millisecond.
  const head = db.prepare<{ id: string }, DraftHead>('SELECT id, revision, updated_at, deleted_at FROM drafts WHERE id = @id');
  const listStatement = (trash: boolean, withChecks: boolean) => {
    const statement = db.prepare<{ build: string }, unknown[]>(
      trash
        ? `SELECT ${summaryColumns(withChecks)} FROM ${SUMMARY_FROM} WHERE d.deleted_at IS NOT NULL ORDER BY d.deleted_at DESC, d.id`
        : `SELECT ${summaryColumns(withChecks)} FROM ${SUMMARY_FROM} WHERE d.deleted_at IS NULL ORDER BY d.updated_at DESC, d.id`,
    );
    assertSummaryOrder(statement.columns().map((c) => c.name));
    return statement.raw(true);
  };
  const lists = { active: [listStatement(false, false), listStatement(false, true)], trash: [listStatement(true, false), listStatement(true, true)] };
  const checkOf = db.prepare<{ id: string; revision: number; updatedAt: string; build: string }, { basis: string; entry: string; progress: string }>(
    `SELECT checked_basis AS basis, checked_entry AS entry, checked_progress AS progress FROM draft_summaries
     WHERE id = @id AND checked_revision = @revision AND checked_at = @updatedAt AND checked_build = @build
       AND checked_basis IS NOT NULL AND checked_entry IS NOT NULL AND checked_progress IS NOT NULL`,
  );
  const insert = db.prepare<InsertDraftParams>(
    `INSERT INTO drafts (id, doc, revision, created_at, updated_at, deleted_at)
     VALUES (@id, @doc, @revision, @createdAt, @updatedAt, NULL)`,
  );
  const update = db.prepare<UpdateDraftParams>(
    'UPDATE drafts SET doc = @doc, revision = @revision, updated_at = @updatedAt WHERE id = @id',
  );
  // After the drafts row: updating its document has just deleted the old summary (the trigger).
  const writeSummary = db.prepare<{ id: string; projectName: string | null; packId: string | null; programId: string | null; documentType: string | null; status: string }>(
    `INSERT OR REPLACE INTO draft_summaries (id, project_name, pack_id, program_id, document_type, status)
     VALUES (@id, @projectName, @packId, @programId, @documentType, @status)`,
  );
  // Only onto the summary row that is there now: one the service replaced or the trigger deleted since
  // the list read the document takes nothing (and a check names its revision and time besides).
  const storeCheck = db.prepare<CheckParams>(
    `UPDATE draft_summaries SET checked_revision = @revision, checked_at = @updatedAt, checked_build = @build,
       checked_basis = @basis, checked_entry = @entry, checked_progress = @progress
     WHERE id = @id`,
  );
  const setDeletedAt = db.prepare<{ id: string; deletedAt: string | null }>(
    'UPDATE drafts SET deleted_at = @deletedAt WHERE id = @id',
  );
  const remove = db.prepare<{ id: string }>('DELETE FROM drafts WHERE id = @id');
  const insertRevision = db.prepare<InsertRevisionParams>(
    `INSERT INTO revisions (draft_id, revision, saved_at, doc, size)
     VALUES (@draftId, @revision, @savedAt, @doc, @size)`,
  );
  const listRevisions = db.prepare<{ draftId: string }, RevisionRow>(
    `SELECT r.revision, r.saved_at, r.size, l.label, l.auto
     FROM revisions r LEFT JOIN revision_labels l ON l.draft_id = r.draft_id AND l.revision = r.revision
     WHERE r.draft_id = @draftId ORDER BY r.revision DESC`,
  );
  // A name the applicant gives replaces any earlier one; the app's own names never replace a label.
  const nameRevision = db.prepare<LabelParams>(
    `INSERT INTO revision_labels (draft_id, revision, label, auto, created_at) VALUES (@draftId, @revision, @label, 0, @createdAt)
     ON CONFLICT (draft_id, revision) DO UPDATE SET label = excluded.label, auto = 0, created_at = excluded.created_at`,
  );
  const autoLabel = db.prepare<LabelParams>(
    `INSERT OR IGNORE INTO revision_labels (draft_id, revision, label, auto, created_at) VALUES (@draftId, @revision, @label, 1, @createdAt)`,
  );
  const revisionExists = db.prepare<{ draftId: string; revision: number }, { one: number }>(
    'SELECT 1 AS one FROM revisions WHERE draft_id = @draftId AND revision = @revision',
  );
  const getRevision = db.prepare<{ draftId: string; revision: number }, { doc: string }>(
    'SELECT doc FROM revisions WHERE draft_id = @draftId AND revision = @revision',
  );
  const docsNewestFirst = db.prepare<{ draftId: string }, { revision: number; doc: string }>(
    'SELECT revision, doc FROM revisions WHERE draft_id = @draftId ORDER BY revision DESC',
  );
  const docOf = db.prepare<{ id: string }, { doc: string }>('SELECT doc FROM drafts WHERE id = @id');
  const removeRevisions = db.prepare<{ draftId: string }>('DELETE FROM revisions WHERE draft_id = @draftId');
  // The policy's full statement: keeps, outside the newest window, only the last revision of each UTC day
  // and only while it is recent enough; named versions are never pruned. It reads every stored revision
  // row of the draft (in the WITHOUT ROWID table before migration 0007, each one whole: about a third
  // of a save's time), so a save runs the two targeted statements below instead.
  const pruneRevisions = db.prepare<PruneParams>(
    `DELETE FROM revisions
     WHERE draft_id = @draftId
       AND revision <= @windowFloor
       AND revision NOT IN (SELECT revision FROM revision_labels WHERE draft_id = @draftId)
       AND (
         saved_at < @dailyCutoff
         OR revision NOT IN (
           SELECT max(revision) FROM revisions
           WHERE draft_id = @draftId
           GROUP BY substr(saved_at, 1, 10)
         )
       )`,
  );

  // What one save can change, when the previous save left the draft pruned and save times only move
  // forward. (1) The revision that just left the newest window goes unless it is named, or is the last
  // of its UTC day (the next revision, always stored, is of another day) and recent enough.
  const pruneLeavingWindow = db.prepare<PruneParams>(
    `DELETE FROM revisions
     WHERE draft_id = @draftId
       AND revision = @windowFloor
       AND NOT EXISTS (SELECT 1 FROM revision_labels WHERE draft_id = @draftId AND revision = @windowFloor)
       AND (
         saved_at < @dailyCutoff
         OR substr(saved_at, 1, 10) = (SELECT substr(saved_at, 1, 10) FROM revisions WHERE draft_id = @draftId AND revision = @windowFloor + 1)
       )`,
  );
  // (2) Daily keepers that aged past the retention period. They are the oldest revisions: only rows below
  // the first one still recent enough are read (the named old ones and those ageing out now).
  const pruneAged = db.prepare<PruneParams>(
    `DELETE FROM revisions
     WHERE draft_id = @draftId
       AND revision < @windowFloor
       AND revision < coalesce(
         (SELECT revision FROM revisions WHERE draft_id = @draftId AND saved_at >= @dailyCutoff ORDER BY revision LIMIT 1),
         @windowFloor)
       AND saved_at < @dailyCutoff
       AND revision NOT IN (SELECT revision FROM revision_labels WHERE draft_id = @draftId)`,
  );

  // Rows this connection has written, and whether another connection (the CLI, another window's
  // process) has committed since: together they change whenever anything the list shows can have.
  const changeStamp = db.prepare<[], { changes: number; version: number }>(
    'SELECT total_changes() AS changes, (SELECT data_version FROM pragma_data_version) AS version',
  );

  return {
    /** `quiet`: rows this connection changed that the list does not show (its stored checks). */
    changeStamp: (quiet = 0): string => {
      const { changes, version } = changeStamp.get()!;
      return `${changes - quiet}:${version}`;
    },
    get: (id: string): DraftRow | undefined => get.get({ id }),
    exists: (id: string): boolean => exists.get({ id }) !== undefined,
    head: (id: string): DraftHead | undefined => head.get({ id }),
    /** `build`: the running code, whose stored checks count (codeFingerprint). */
    list: (trash: boolean, build: string, withChecks: boolean): DraftSummaryRow[] => lists[trash ? 'trash' : 'active'][withChecks ? 1 : 0]!.all({ build }).map(summaryRowOf),
    /** The stored check of the draft, if it is still the one made from this document by this code. */
    checkOf: (params: { id: string; revision: number; updatedAt: string; build: string }) => checkOf.get(params),
    insert: (params: InsertDraftParams): void => void insert.run(params),
    update: (params: UpdateDraftParams): void => void update.run(params),
    writeSummary: (params: SummaryParams): void =>
      void writeSummary.run({ ...params, projectName: typeof params.projectName === 'string' ? params.projectName : null }),
    /** Rows changed: 0 when the draft has no summary row any more. */
    storeCheck: (params: CheckParams): number => storeCheck.run(params).changes,
    setDeletedAt: (id: string, deletedAt: string | null): void => void setDeletedAt.run({ id, deletedAt }),
    remove: (id: string): void => void remove.run({ id }),
    insertRevision: (params: InsertRevisionParams): void => void insertRevision.run(params),
    listRevisions: (draftId: string): RevisionRow[] => listRevisions.all({ draftId }),
    getRevisionDoc: (draftId: string, revision: number): string | undefined => getRevision.get({ draftId, revision })?.doc,
    /** Lazily, newest first: recovery stops at the first revision that reads back whole. */
    revisionDocsNewestFirst: (draftId: string): IterableIterator<{ revision: number; doc: string }> => docsNewestFirst.iterate({ draftId }),
    doc: (id: string): string | undefined => docOf.get({ id })?.doc,
    removeRevisions: (draftId: string): void => void removeRevisions.run({ draftId }),
    pruneRevisions: (params: PruneParams): number => pruneRevisions.run(params).changes,
    /** The part of the policy one save can change (see the two statements): the same result, read from a few rows. */
    pruneAfterSave: (params: PruneParams): number => pruneLeavingWindow.run(params).changes + pruneAged.run(params).changes,
    revisionExists: (draftId: string, revision: number): boolean => revisionExists.get({ draftId, revision }) !== undefined,
    nameRevision: (params: LabelParams): void => void nameRevision.run(params),
    autoLabel: (params: LabelParams): void => void autoLabel.run(params),
  };
}
