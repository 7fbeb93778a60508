import type { Migration } from '../migration';

/**
 * What the home list's check of a draft found (it reads back whole; its completion, counts, deadline
 * and unit; its guideline and the values other drafts' 限报数量 rules compare), with what it was
 * computed for, so the first list after a start need not read and check every document again.
 *
 * Columns of the draft's summary row rather than a table of its own: the service replaces the
 * summary row with every write of the draft, and the trigger of migration 0005 deletes it when the
 * document is changed outside the service, so a check can never outlive the document it was made
 * from, and a save writes nothing more than before. The list fills it in after checking.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'draft_list_checks',
  up(db) {
    // Columns rather than one JSON text: the first list compares the first three in SQL for every
    // draft and hashes the entries as stored, so 2,000 checks are not parsed to be found valid.
    db.exec(`
      -- The document the check was made from: the draft's revision and update time then, and the code that read it.
      ALTER TABLE draft_summaries ADD COLUMN checked_revision INTEGER;
      ALTER TABLE draft_summaries ADD COLUMN checked_at TEXT;
      ALTER TABLE draft_summaries ADD COLUMN checked_build TEXT;
      -- What its progress was computed for (a hash of the build, the China date, the packs and every draft's entry).
      ALTER TABLE draft_summaries ADD COLUMN checked_basis TEXT;
      -- What other drafts' 限报数量 rules see of it (JSON: the keys compared, its guideline and values of those keys).
      ALTER TABLE draft_summaries ADD COLUMN checked_entry TEXT;
      -- What the home page shows (JSON: completion, counts, deadline, unit).
      ALTER TABLE draft_summaries ADD COLUMN checked_progress TEXT;
    `);
  },
};
