import { mkdirSync, chmodSync } from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { Handlers } from '../../shared/ipc/contract';
import packageJson from '../../package.json' with { type: 'json' };
import { createAttachmentStore, type AttachmentStore } from './attachments/attachmentStore';
import { openDatabase } from './db/openDatabase';
import { withStorageErrors } from './db/storageErrors';
import { createDraftService, type DraftService } from './drafts/draftService';
import { createHandlers, type AppMode } from './handlers';
import { openPackRegistry, type PackRegistry } from './packs/registry';
import { createProfileService } from './profiles/profileService';

export const DATABASE_FILE = 'shenbao.db';

export interface OpenServicesOptions {
  dataDir: string;
  mode: AppMode;
  /** Electron passes its own ABI build of better-sqlite3. */
  nativeBinding?: string;
  packs?: PackRegistry;
  version?: string;
  now?: () => Date;
}

export interface Services {
  handlers: Handlers;
  drafts: DraftService;
  attachments: AttachmentStore;
  db: Database;
  dataDir: string;
  close(): void;
}

/** One entry point for every host (Electron, browser mode, CLI, tests): same store, same handlers. */
export function openServices(options: OpenServicesOptions): Services {
  const dataDir = path.resolve(options.dataDir);
  withStorageErrors(() => {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    // mkdir's mode does not tighten a directory that already exists.
    if (process.platform !== 'win32') chmodSync(dataDir, 0o700);
  });
  const db = openDatabase(path.join(dataDir, DATABASE_FILE), { nativeBinding: options.nativeBinding });
  // Built-in packs plus those imported into the data dir; loaded lazily on first use.
  const packs = options.packs ?? openPackRegistry({ dataDir });
  const drafts = createDraftService(db, { now: options.now, programLabel: (p, q) => packs.programLabel(p, q) });
  const attachments = createAttachmentStore(db, dataDir, options.now);
  const profiles = createProfileService(db, options.now);
  const handlers = createHandlers({
    drafts,
    packs,
    attachments,
    profiles,
    now: options.now,
    app: { version: options.version ?? packageJson.version, mode: options.mode, dataDir },
  });
  let closed = false;
  return {
    handlers,
    drafts,
    attachments,
    db,
    dataDir,
    close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}

export type { AppMode } from './handlers';
export type { DraftService } from './drafts/draftService';
export type { AttachmentStore } from './attachments/attachmentStore';
export { resolveDataDir } from './dataDir';
