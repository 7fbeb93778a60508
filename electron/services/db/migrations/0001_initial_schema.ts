import type { Migration } from '../migration';

/** Drafts with their revision history, content-addressed attachments, and key/value settings. */
export const migration0001: Migration = {
  version: 1,
  name: 'initial_schema',
  up(db) {
    db.exec(`
      CREATE TABLE drafts (
        id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
        doc TEXT NOT NULL CHECK (json_valid(doc)),
        revision INTEGER NOT NULL CHECK (revision >= 0),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;

      CREATE TABLE revisions (
        draft_id TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
        revision INTEGER NOT NULL CHECK (revision > 0),
        saved_at TEXT NOT NULL,
        doc TEXT NOT NULL CHECK (json_valid(doc)),
        size INTEGER NOT NULL CHECK (size >= 0),
        PRIMARY KEY (draft_id, revision)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE attachments (
        sha256 TEXT PRIMARY KEY NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
        size INTEGER NOT NULL CHECK (size >= 0),
        media_type TEXT NOT NULL,
        -- The first name the file was added under: shown in messages only, never used as a path.
        first_name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        verified_at TEXT
      ) STRICT;

      CREATE TABLE settings (
        key TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL CHECK (json_valid(value))
      ) STRICT;
    `);
  },
};
