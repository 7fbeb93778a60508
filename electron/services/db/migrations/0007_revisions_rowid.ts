import type { Migration } from '../migration';

/**
 * Revisions move from a WITHOUT ROWID table to an ordinary one with the same columns and key.
 *
 * SQLite keeps a WITHOUT ROWID row inside its key's b-tree, which suits small rows; a revision is a
 * whole document (tens of KB), so every save split and rewrote key pages full of documents, and every
 * query that stepped over revisions by key (prune, history) read them. In an ordinary table the key
 * lives in a small index beside the rows, as in the plain INSERT the save is measured against.
 *
 * The document's CHECK (json_valid) goes: every revision is written with the very text written to
 * the draft row in the same transaction, which that row's CHECK has just parsed; a revision read
 * back is parsed and validated anyway (a damaged one is reported, never restored).
 *
 * revision_labels refers to revisions: it is set aside and rebuilt around the swap, so dropping the
 * old table cascades into nothing and the new table is referred to by name as before.
 *
 * Rows no reference reaches (a revision of a draft that is gone, a label of a revision that is gone:
 * only another tool writing with foreign keys off leaves them) are not carried over. Nothing can show
 * or restore them, and the new tables' references would refuse them, refusing to open the whole store.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'revisions_rowid',
  up(db) {
    db.exec(`
      CREATE TABLE revisions_next (
        draft_id TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
        revision INTEGER NOT NULL CHECK (revision > 0),
        saved_at TEXT NOT NULL,
        doc TEXT NOT NULL,
        size INTEGER NOT NULL CHECK (size >= 0),
        PRIMARY KEY (draft_id, revision)
      ) STRICT;
      INSERT INTO revisions_next (draft_id, revision, saved_at, doc, size)
        SELECT draft_id, revision, saved_at, doc, size FROM revisions
        WHERE draft_id IN (SELECT id FROM drafts)
        ORDER BY draft_id, revision;

      CREATE TEMP TABLE revision_labels_kept AS SELECT draft_id, revision, label, auto, created_at FROM revision_labels;
      DROP TABLE revision_labels;
      DROP TABLE revisions;
      ALTER TABLE revisions_next RENAME TO revisions;

      CREATE TABLE revision_labels (
        draft_id TEXT NOT NULL,
        revision INTEGER NOT NULL,
        label TEXT NOT NULL CHECK (length(trim(label)) > 0 AND length(label) <= 60),
        -- 1 for the versions the app names itself (before 定稿, before a restore, after an import).
        auto INTEGER NOT NULL CHECK (auto IN (0, 1)),
        created_at TEXT NOT NULL,
        PRIMARY KEY (draft_id, revision),
        FOREIGN KEY (draft_id, revision) REFERENCES revisions (draft_id, revision) ON DELETE CASCADE
      ) STRICT, WITHOUT ROWID;
      INSERT INTO revision_labels (draft_id, revision, label, auto, created_at)
        SELECT draft_id, revision, label, auto, created_at FROM revision_labels_kept AS kept
        WHERE EXISTS (SELECT 1 FROM revisions WHERE draft_id = kept.draft_id AND revision = kept.revision);
      DROP TABLE revision_labels_kept;
    `);
  },
};
