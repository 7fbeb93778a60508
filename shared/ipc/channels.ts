/**
 * The closed list of API methods, one list per domain: `drafts` + `setStatus` is the method
 * `draftsSetStatus` on the Electron channel `drafts:setStatus`, so each method is spelled once.
 * Kept free of zod so the sandboxed preload can import it without pulling in the schemas; the
 * contract (contract.ts) gives each method its schemas, and a method missing there is a type error.
 */
type ChannelsOf<D extends string, M extends string> = { readonly [K in M as `${D}${Capitalize<K>}`]: `${D}:${K}` };

function channelsOf<const D extends string, const M extends string>(domain: D, methods: readonly M[]): ChannelsOf<D, M> {
  return Object.fromEntries(methods.map((m) => [`${domain}${m.charAt(0).toUpperCase()}${m.slice(1)}`, `${domain}:${m}`])) as ChannelsOf<D, M>;
}

export const CHANNELS = {
  ...channelsOf('app', ['info']),
  ...channelsOf('drafts', [
    'list',
    'page',
    'get',
    'create',
    'save',
    'rename',
    'duplicate',
    'delete',
    'restore',
    'purge',
    'revisions',
    'import',
    'export',
    'setStatus',
    'revisionGet',
    'revisionRestore',
    'recover',
    'history',
    'exportArchive',
    'importArchive',
    'nameRevision',
    'validate',
    'otherDrafts',
    'upgradePreview',
    'upgrade',
  ]),
  ...channelsOf('guidelines', ['list', 'get', 'import']),
  ...channelsOf('studio', ['draft', 'check', 'save', 'sessionGet', 'sessionSave', 'sessionDiscard']),
  ...channelsOf('profiles', ['list', 'save', 'delete']),
  ...channelsOf('attachments', ['put', 'get']),
  ...channelsOf('export', ['docx', 'pdf', 'blockers', 'documentStart', 'packageStart', 'jobStatus', 'jobCancel', 'jobSave', 'verify', 'documentSave', 'showInFolder']),
  ...channelsOf('backup', ['list', 'create', 'restore', 'setKeepCount', 'startupState', 'dismissRecovery']),
} as const;

export type Method = keyof typeof CHANNELS;
export type Channel = (typeof CHANNELS)[Method];

export const METHODS = Object.keys(CHANNELS) as Method[];
