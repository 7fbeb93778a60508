/**
 * The closed list of API methods and their channel names, merged from one file per domain.
 * Kept free of zod so the sandboxed preload can import it without pulling in the schemas.
 */
import { appChannels } from './domains/app.channels';
import { attachmentsChannels } from './domains/attachments.channels';
import { backupChannels } from './domains/backup.channels';
import { draftsChannels } from './domains/drafts.channels';
import { exportChannels } from './domains/export.channels';
import { guidelinesChannels } from './domains/guidelines.channels';
import { profilesChannels } from './domains/profiles.channels';

export const CHANNELS = {
  ...appChannels,
  ...draftsChannels,
  ...guidelinesChannels,
  ...profilesChannels,
  ...attachmentsChannels,
  ...exportChannels,
  ...backupChannels,
} as const;

export type Method = keyof typeof CHANNELS;
export type Channel = (typeof CHANNELS)[Method];

export const METHODS = Object.keys(CHANNELS) as Method[];
