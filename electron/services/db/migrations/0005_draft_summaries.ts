import type { Migration } from '../migration';

/**
 * What the draft list shows from inside each document (name, guideline, status), kept beside the
 * document so listing 2,000 drafts does not parse 2,000 documents of tens of KB each.
 *
 * The service writes a draft's summary row in the same transaction as the draft. Any other change of
 * a document (a repair by hand, an older build) deletes the summary row through the trigger, and the
 * list then reads that draft's fields from its document, as it did for every draft before.
 *
 * The list also reads revision, creation and update times, which sit after the document in the
 * drafts row: reading them walked the document's overflow pages. The list index now carries them.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'draft_summaries',
  up(db) {
    db.exec(`
      CREATE TABLE draft_summaries (
        id TEXT PRIMARY KEY NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
        -- As stored in the document: a name that is not text is kept as it is and shown as 未命名.
        project_name ANY,
        pack_id ANY,
        program_id ANY,
        document_type ANY,
        status ANY
      ) STRICT, WITHOUT ROWID;

      CREATE TRIGGER draft_summaries_follow_doc AFTER UPDATE OF doc ON drafts
      BEGIN
        DELETE FROM draft_summaries WHERE id = NEW.id;
      END;

      INSERT INTO draft_summaries (id, project_name, pack_id, program_id, document_type, status)
      SELECT id,
        json_extract(doc, '$.values."project.name"'),
        json_extract(doc, '$.guideline.packId'),
        json_extract(doc, '$.guideline.programId'),
        json_extract(doc, '$.guideline.documentType'),
        json_extract(doc, '$.status')
      FROM drafts
      WHERE json_valid(doc);

      DROP INDEX drafts_by_trash_and_update;
      CREATE INDEX drafts_list ON drafts (deleted_at, updated_at DESC, id, revision, created_at);
    `);
  },
};
