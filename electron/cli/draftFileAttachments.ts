import path from 'node:path';
import type { Draft } from '../../shared/model/draft';
import type { AttachmentFact } from '../../shared/rules/types';
import { factOfFile } from '../services/attachments/attachmentFacts';

/**
 * What `shenbao validate` can say about the attachment bytes of a draft *file*. The JSON records
 * each attachment by SHA-256 and size only, so the bytes are looked for where this computer keeps
 * them, in order:
 *   1. `attachments/<sha256>` beside the draft file (a 「草稿数据」 zip unpacked: draft.json + attachments/);
 *   2. this computer's attachment store, `<dataDir>/attachments/<aa>/<sha256>` (the draft was written here).
 * A copy that is found is checked like the app checks its store (size, hash, content type); where no
 * copy is found the attachment is `notHere`, an error in the one result list, never a silent pass.
 */
export function draftFileAttachmentFacts(draftFile: string, draft: Pick<Draft, 'attachments'>, dataDir: string): Record<string, AttachmentFact> {
  const beside = path.join(path.dirname(path.resolve(draftFile)), 'attachments');
  const store = path.join(dataDir, 'attachments');
  const facts: Record<string, AttachmentFact> = {};
  for (const refs of Object.values(draft.attachments)) {
    for (const ref of refs) {
      if (Object.hasOwn(facts, ref.sha256)) continue;
      // DraftSchema admits only 64 lowercase hex digits here, so the hash never becomes a path of its own.
      const candidates = [path.join(beside, ref.sha256), path.join(store, ref.sha256.slice(0, 2), ref.sha256)];
      let fact: AttachmentFact = { state: 'notHere' };
      for (const file of candidates) {
        const found = factOfFile(file, ref.sha256, ref.size);
        if (found.state === 'missing') continue;
        fact = found;
        // An intact copy settles it; an altered one is reported unless a later place has an intact one.
        if (found.state === 'ok') break;
      }
      facts[ref.sha256] = fact;
    }
  }
  return facts;
}
