/**
 * The closed list of API methods and their channel names. Kept free of zod so the
 * sandboxed preload can import it without pulling in the schemas.
 */
export const CHANNELS = {
  appInfo: 'app:info',
  draftsList: 'drafts:list',
  draftsGet: 'drafts:get',
  draftsCreate: 'drafts:create',
  draftsSave: 'drafts:save',
  draftsRename: 'drafts:rename',
  draftsDuplicate: 'drafts:duplicate',
  draftsDelete: 'drafts:delete',
  draftsRestore: 'drafts:restore',
  draftsPurge: 'drafts:purge',
  draftsRevisions: 'drafts:revisions',
  draftsImport: 'drafts:import',
  draftsExport: 'drafts:export',
  guidelinesList: 'guidelines:list',
  guidelinesGet: 'guidelines:get',
} as const;

export type Method = keyof typeof CHANNELS;
export type Channel = (typeof CHANNELS)[Method];

export const METHODS = Object.keys(CHANNELS) as Method[];

export function methodOfChannel(channel: string): Method | undefined {
  return METHODS.find((m) => CHANNELS[m] === channel);
}
