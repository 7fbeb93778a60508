import type { Command } from '../registry';
import { backupCreate, backupList, backupRestore } from './backup';
import { draftsExport, draftsImport, draftsList, draftsRecover } from './drafts';
import { draftsMigrate } from './draftsMigrate';
import { exportCommand } from './export';
import { guidelines } from './guidelines';
import { guidelinesImport } from './guidelinesImport';
import { guidelinesCheck, guidelinesDraft } from './guidelinesStudio';
import { newDraft } from './new';
import { validate } from './validate';
import { verifyCommand } from './verify';

/** Every verb of `shenbao`, in help order. A new verb is one import and one entry here. */
export const COMMANDS: readonly Command[] = [draftsList, draftsRecover, draftsExport, draftsImport, draftsMigrate, guidelines, guidelinesImport, guidelinesDraft, guidelinesCheck, newDraft, validate, exportCommand, verifyCommand, backupList, backupCreate, backupRestore];
