import type { Migration } from '../migration';

/** The draft list and the trash are sorted by last change; without this index every list call scans. */
export const migration0002: Migration = {
  version: 2,
  name: 'drafts_list_index',
  up(db) {
    db.exec(`CREATE INDEX drafts_by_trash_and_update ON drafts (deleted_at, updated_at DESC);`);
  },
};
