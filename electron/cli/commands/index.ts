import type { Command } from '../registry';
import { draftsExport, draftsImport, draftsList } from './drafts';
import { guidelines } from './guidelines';
import { newDraft } from './new';
import { validate } from './validate';

/** Every verb of `shenbao`, in help order. A new verb is one import and one entry here. */
export const COMMANDS: readonly Command[] = [draftsList, draftsExport, draftsImport, guidelines, newDraft, validate];
