export const guidelinesChannels = {
  guidelinesList: 'guidelines:list',
  guidelinesGet: 'guidelines:get',
  guidelinesImport: 'guidelines:import',
  draftsValidate: 'drafts:validate',
} as const;
