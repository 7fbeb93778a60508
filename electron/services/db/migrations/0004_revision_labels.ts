import type { Migration } from '../migration';

/**
 * Named versions: a label on one stored revision (「提交给王老师前」, or an automatic 「定稿前」).
 * A separate table keeps the revisions rows as they were; the prune query skips labelled revisions,
 * and purging a draft's revisions takes their labels with them (ON DELETE CASCADE).
 */
export const migration0004: Migration = {
  version: 4,
  name: 'revision_labels',
  up(db) {
    db.exec(`
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
    `);
  },
};
