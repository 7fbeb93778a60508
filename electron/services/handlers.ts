import type { Handlers } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/errors';
import type { DraftService } from './drafts/draftService';
import type { PackRegistry } from './packs/registry';

export type AppMode = 'electron' | 'web' | 'cli' | 'test';

export interface HandlerDeps {
  drafts: DraftService;
  packs: PackRegistry;
  app: { version: string; mode: AppMode; dataDir: string };
}

/** The contract's implementation. Payloads arrive already validated by dispatch(); failures are AppErrors. */
export function createHandlers({ drafts, packs, app }: HandlerDeps): Handlers {
  return {
    appInfo: () => ({ version: app.version, mode: app.mode, dataDir: app.dataDir }),
    draftsList: (input) => drafts.list({ trash: input.trash }),
    draftsGet: (input) => drafts.get(input.id),
    draftsCreate: (input) => drafts.create({ title: input.title, guideline: input.guideline }),
    draftsSave: (input) => drafts.save(input),
    draftsRename: (input) => drafts.rename(input),
    draftsDuplicate: (input) => drafts.duplicate(input.id),
    draftsDelete: (input) => drafts.delete(input.id),
    draftsRestore: (input) => drafts.restore(input.id),
    draftsPurge: (input) => drafts.purge(input.id),
    draftsRevisions: (input) => drafts.revisions(input.id),
    draftsImport: (input) => drafts.import(input.content),
    draftsExport: (input) => drafts.export(input.id),
    guidelinesList: () => packs.list(),
    guidelinesGet: (input) => {
      const pack = packs.get(input.id);
      if (pack === undefined) throw new AppError('not_found', `找不到申报指南「${input.id}」，它可能未安装`);
      return pack;
    },
  };
}
