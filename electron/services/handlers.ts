import type { Handlers } from '../../shared/ipc/contract';
import { createAppHandlers, type AppFacts } from './app/appHandlers';
import { createAttachmentHandlers } from './attachments/attachmentHandlers';
import type { AttachmentStore } from './attachments/attachmentStore';
import { createBackupHandlers } from './backup/backupHandlers';
import type { BackupService } from './backup/backupService';
import { createDraftHandlers } from './drafts/draftHandlers';
import type { DraftService } from './drafts/draftService';
import type { StoreValidation } from './drafts/storeValidation';
import { createExportHandlers } from './export/orchestrate/exportHandlers';
import type { ExportService } from './export/orchestrate/exportService';
import { createGuidelineHandlers } from './packs/guidelineHandlers';
import type { PackRegistry } from './packs/registry';
import { createProfileHandlers } from './profiles/profileHandlers';
import type { ProfileService } from './profiles/profileService';
import { createStudioHandlers } from './studio/studioHandlers';
import { createUpgradeHandlers } from './upgrade/upgradeHandlers';

export type { AppMode } from './app/appHandlers';

export interface HandlerDeps {
  drafts: DraftService;
  packs: PackRegistry;
  attachments: AttachmentStore;
  validation: StoreValidation;
  profiles: ProfileService;
  exports: ExportService;
  backups: BackupService;
  app: AppFacts;
  now?: () => Date;
}

/**
 * The contract's implementation, merged from one factory per domain; handlers call services, never
 * each other. Payloads arrive already validated by dispatch(); failures are AppErrors. A method no
 * domain implements is a type error.
 */
export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    ...createAppHandlers(deps.app),
    ...createDraftHandlers(deps),
    ...createGuidelineHandlers(deps.packs),
    ...createAttachmentHandlers(deps.attachments, deps.now),
    ...createProfileHandlers(deps.profiles),
    ...createExportHandlers(deps.exports),
    ...createBackupHandlers(deps.backups, deps.app.dataDir),
    ...createStudioHandlers(deps.packs, deps.app.dataDir),
    ...createUpgradeHandlers({ drafts: deps.drafts, packs: deps.packs, validation: deps.validation, ...(deps.now ? { now: deps.now } : {}) }),
  };
}
