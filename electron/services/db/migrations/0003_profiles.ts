import type { Migration } from '../migration';

/** Unit and person profiles: the 申报单位 or 项目负责人 block saved once and reused in new drafts. */
export const migration0003: Migration = {
  version: 3,
  name: 'profiles',
  up(db) {
    db.exec(`
      CREATE TABLE profiles (
        id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
        kind TEXT NOT NULL CHECK (kind IN ('unit', 'person')),
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        field_values TEXT NOT NULL CHECK (json_valid(field_values)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        -- Saving under an existing name of the same kind updates that profile.
        UNIQUE (kind, name)
      ) STRICT;
    `);
  },
};
