import type { Command } from '../registry';
import { draftsExport, draftsImport, draftsList } from './drafts';

/** Every verb of `shenbao`, in help order. A new verb is one import and one entry here. */
export const COMMANDS: readonly Command[] = [draftsList, draftsExport, draftsImport];
