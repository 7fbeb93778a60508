import { isAppError } from '../../../shared/ipc/errors';
import type { Draft } from '../../../shared/model/draft';
import type { AttachmentFact } from '../../../shared/rules/types';
import { attachmentFactsOf } from '../../services/attachments/attachmentFacts';
import { openServices } from '../../services/index';

export interface StoredDraftToCheck {
  id: string;
  draft?: Draft;
  error?: string;
  /** The store's facts about the draft's attachment files, as the app checks them. */
  facts?: Record<string, AttachmentFact>;
}

/**
 * The drafts of this computer's store for `shenbao validate <草稿编号>… | --all`, each read once
 * (a batch of hundreds reads the store once, not once per draft), with the store's drafts that
 * cross-draft rules count: those not in the trash, with a guideline, that read back whole.
 * Loaded only by these forms of validate; checking files never opens the store.
 */
export function readStoredDrafts(dataDir: string, ids: readonly string[] | 'all'): { requested: StoredDraftToCheck[]; others: Draft[] } {
  const services = openServices({ dataDir, mode: 'cli' });
  try {
    const summaries = services.drafts.list({});
    const read = new Map<string, StoredDraftToCheck>();
    const readOne = (id: string): StoredDraftToCheck => {
      let entry = read.get(id);
      if (entry === undefined) {
        try {
          const { draft } = services.drafts.get(id);
          entry = { id, draft, facts: attachmentFactsOf(services.attachments, draft) };
        } catch (e) {
          if (!isAppError(e)) throw e;
          entry = { id, error: e.message };
        }
        read.set(id, entry);
      }
      return entry;
    };
    const requested = (ids === 'all' ? summaries.map((s) => s.id) : ids).map(readOne);
    const others = summaries.filter((s) => s.packId !== null && s.damage === undefined).flatMap((s) => readOne(s.id).draft ?? []);
    return { requested, others };
  } finally {
    services.close();
  }
}
