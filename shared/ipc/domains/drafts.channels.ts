import { channelsOf } from './channelsOf';

export const draftsChannels = channelsOf('drafts', ['list', 'get', 'create', 'save', 'rename', 'duplicate', 'delete', 'restore', 'purge', 'revisions', 'import', 'export', 'setStatus', 'revisionGet', 'revisionRestore', 'recover', 'history', 'exportArchive', 'importArchive', 'nameRevision', 'validate']);
