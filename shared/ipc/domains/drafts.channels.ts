export const draftsChannels = {
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
} as const;
