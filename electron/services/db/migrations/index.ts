import type { Migration } from '../migration';
import { migration0001 } from './0001_initial_schema';
import { migration0002 } from './0002_drafts_list_index';
import { migration0003 } from './0003_profiles';
import { migration0004 } from './0004_revision_labels';
import { migration0005 } from './0005_draft_summaries';
import { migration0006 } from './0006_draft_list_checks';
import { migration0007 } from './0007_revisions_rowid';

/** Append only. Never renumber, rename or edit a released migration: open() refuses a mismatch. */
export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007];
