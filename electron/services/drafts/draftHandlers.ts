import type { Handlers } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { draftTitle } from '../../../shared/model/draft';
import { blockingCount, describeBlocking } from '../../../shared/rules/engine';
import type { AttachmentStore } from '../attachments/attachmentStore';
import type { PackRegistry } from '../packs/registry';
import { createDraftListProgress } from './draftListProgress';
import { createDraftPages, trashPage } from './draftPages';
import type { DraftService } from './draftService';
import type { StoreValidation } from './storeValidation';

export interface DraftHandlerDeps {
  drafts: DraftService;
  packs: PackRegistry;
  attachments: AttachmentStore;
  validation: StoreValidation;
  now?: () => Date;
}

/** Upgrading to a newer pack version has its own handlers (services/upgrade). */
type DraftMethod = Exclude<Extract<keyof Handlers, `drafts${string}`>, 'draftsUpgradePreview' | 'draftsUpgrade'>;

/**
 * The drafts methods of the contract. Finalizing (定稿) is decided here, in the services, so no
 * client (renderer, CLI, a hand-made HTTP call) can lock a draft whose one result list still blocks.
 */
export function createDraftHandlers({ drafts, packs, attachments, validation, now }: DraftHandlerDeps) {
  const withProgress = createDraftListProgress({ drafts, packs, now, stored: true });
  const page = createDraftPages({ drafts, packs, now, listWithProgress: () => withProgress(drafts.list({})) });
  return {
    draftsList: (input) => (input.trash === true ? drafts.list({ trash: true }) : withProgress(drafts.list({}))),
    draftsPage: (input) => (input.trash === true ? trashPage(drafts, input) : page(input)),
    draftsGet: (input) => drafts.get(input.id),
    draftsCreate: (input) => drafts.create({ title: input.title, guideline: input.guideline }),
    draftsSave: (input) => drafts.save(input),
    draftsRename: (input) => drafts.rename(input),
    draftsDuplicate: (input) => drafts.duplicate(input.id),
    draftsDelete: (input) => drafts.delete(input.id),
    draftsRestore: (input) => drafts.restore(input.id),
    draftsPurge: (input) => drafts.purge(input.id),
    draftsRevisions: (input) => drafts.revisions(input.id),
    draftsHistory: (input) => drafts.history(input.id),
    draftsNameRevision: (input) => drafts.nameRevision(input),
    draftsImport: (input) => drafts.import(input.content),
    draftsExport: (input) => drafts.export(input.id),
    draftsRecover: (input) => drafts.recover(input.id),
    draftsRevisionGet: (input) => drafts.revision(input.id, input.revision),
    draftsRevisionRestore: (input) => drafts.restoreRevision(input.id, input.revision),
    draftsOtherDrafts: (input) => validation.otherDraftsFor(input.id),
    draftsValidate: (input) => {
      const { issues: _issues, ...result } = validation.validate(input.id, input.at);
      return result;
    },
    draftsSetStatus: (input) => {
      const stored = drafts.get(input.id);
      if (stored.deletedAt !== null) throw new AppError('locked', '草稿在回收站中，恢复后才能操作');
      // Asking for the state it is already in changes nothing and writes no revision.
      if (stored.draft.status === input.status) return { revision: stored.revision, savedAt: stored.draft.updatedAt };
      if (input.status === 'final') {
        if (!stored.draft.guideline) throw new AppError('locked', '草稿尚未选择申报指南和专项，不能定稿');
        const { summary } = validation.validate(input.id);
        if (blockingCount(summary) > 0) {
          throw new AppError('locked', `还有 ${describeBlocking(summary)}，不能定稿；请在问题清单中逐项处理（警告和提示不影响定稿）`);
        }
      }
      return drafts.setStatus({ id: input.id, status: input.status, expectedRevision: stored.revision });
    },
    draftsExportArchive: async (input) => {
      const { draft } = drafts.get(input.id);
      // The zip code loads on the first draft archive, not with every host's services.
      const { buildDraftArchive, draftArchiveFileName } = await import('./draftArchive');
      const { bytes, attachmentCount, missing } = await buildDraftArchive(draft, attachments);
      return { fileName: draftArchiveFileName(draftTitle(draft)), base64: bytes.toString('base64'), attachmentCount, missing };
    },
    draftsImportArchive: async (input) => {
      const { readDraftArchive } = await import('./draftArchive');
      const { draft, attachmentCount, missing } = await readDraftArchive(Buffer.from(input.base64, 'base64'), attachments);
      return { ...drafts.import(JSON.stringify(draft)), attachmentCount, missing };
    },
  } satisfies Pick<Handlers, DraftMethod>;
}
