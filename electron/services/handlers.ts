import type { Handlers } from '../../shared/ipc/contract';
import { draftTitle } from '../../shared/model/draft';
import { createAttachmentHandlers } from './attachments/attachmentHandlers';
import { attachmentFactsOf } from './attachments/attachmentFacts';
import { createBackupHandlers } from './backup/backupHandlers';
import type { BackupService } from './backup/backupService';
import type { AttachmentStore } from './attachments/attachmentStore';
import { createDraftListProgress } from './drafts/draftListProgress';
import type { DraftService } from './drafts/draftService';
import { createExportHandlers } from './export/orchestrate/exportHandlers';
import type { ExportService } from './export/orchestrate/exportService';
import { createStatusHandlers } from './drafts/statusHandlers';
import { createPackHandlers } from './packs/packHandlers';
import type { PackRegistry } from './packs/registry';
import { createProfileHandlers } from './profiles/profileHandlers';
import type { ProfileService } from './profiles/profileService';

export type AppMode = 'electron' | 'web' | 'cli' | 'test';

export interface HandlerDeps {
  drafts: DraftService;
  packs: PackRegistry;
  attachments: AttachmentStore;
  profiles: ProfileService;
  exports: ExportService;
  backups: BackupService;
  app: { version: string; mode: AppMode; dataDir: string };
  now?: () => Date;
}

function createAppHandlers({ app }: HandlerDeps): Pick<Handlers, 'appInfo'> {
  return { appInfo: () => ({ version: app.version, mode: app.mode, dataDir: app.dataDir }) };
}

function createDraftHandlers({ drafts, packs, attachments, now }: HandlerDeps) {
  const withProgress = createDraftListProgress({ drafts, packs, now });
  return {
    draftsList: (input) => (input.trash === true ? drafts.list({ trash: true }) : withProgress(drafts.list({}))),
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
    draftsExportArchive: async (input) => {
      const { draft } = drafts.get(input.id);
      // The zip code loads on the first draft archive, not with every host's services.
      const { buildDraftArchive, draftArchiveFileName } = await import('./drafts/draftArchive');
      const { bytes, attachmentCount, missing } = await buildDraftArchive(draft, attachments);
      return { fileName: draftArchiveFileName(draftTitle(draft)), base64: bytes.toString('base64'), attachmentCount, missing };
    },
    draftsImportArchive: async (input) => {
      const { readDraftArchive } = await import('./drafts/draftArchive');
      const { draft, attachmentCount, missing } = await readDraftArchive(Buffer.from(input.base64, 'base64'), attachments);
      return { ...drafts.import(JSON.stringify(draft)), attachmentCount, missing };
    },
  } satisfies Partial<Handlers>;
}

/**
 * The contract's implementation, merged from one factory per domain. Payloads arrive already
 * validated by dispatch(); failures are AppErrors. A method no domain implements is a type error.
 */
export function createHandlers(deps: HandlerDeps): Handlers {
  const packHandlers = createPackHandlers({ packs: deps.packs, drafts: deps.drafts, now: deps.now, attachmentFacts: (draft) => attachmentFactsOf(deps.attachments, draft) });
  return {
    ...createAppHandlers(deps),
    ...createDraftHandlers(deps),
    ...packHandlers,
    ...createStatusHandlers({ drafts: deps.drafts, validate: (id) => packHandlers.draftsValidate({ id }) }),
    ...createAttachmentHandlers(deps.attachments, deps.now),
    ...createProfileHandlers(deps.profiles),
    ...createExportHandlers(deps.exports),
    ...createBackupHandlers(deps.backups, deps.app.dataDir),
  };
}
