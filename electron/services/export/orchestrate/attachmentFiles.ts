import { statSync } from 'node:fs';
import type { ExportBlocker } from '../../../../shared/ipc/domains/export.contract';
import type { Draft } from '../../../../shared/model/draft';
import type { AttachmentStore } from '../../attachments/attachmentStore';

/**
 * The pre-export self-check of the draft's attachment files: a file gone from the store or of
 * another size blocks the package, named as the user named it. Only a stat per file, so it runs on
 * every readiness call; altered content of the same size is caught by the hash taken while the
 * package streams the file (buildPackage) or a figure is read (AttachmentStore.read).
 */
export function attachmentFileBlockers(draft: Draft, store: AttachmentStore): ExportBlocker[] {
  const blockers: ExportBlocker[] = [];
  const seen = new Set<string>();
  for (const [slot, refs] of Object.entries(draft.attachments)) {
    for (const ref of refs) {
      if (seen.has(ref.sha256)) continue;
      seen.add(ref.sha256);
      const info = statSync(store.path(ref.sha256), { throwIfNoEntry: false });
      const problem = !info ? '的文件在本机附件库中找不到' : info.size !== ref.size ? '在本机的文件已被改动（大小与登记的不一致）' : null;
      if (problem) blockers.push({ ruleId: `attachment:${slot}`, field: null, section: null, message: `附件「${ref.name}」${problem}，请重新添加该附件` });
    }
  }
  return blockers;
}
