export const exportChannels = {
  exportDocx: 'export:docx',
  exportPdf: 'export:pdf',
  exportBlockers: 'export:blockers',
  exportPackageStart: 'export:package-start',
  exportJobStatus: 'export:job-status',
  exportJobCancel: 'export:job-cancel',
  exportJobSave: 'export:job-save',
  exportVerify: 'export:verify',
  exportDocumentSave: 'export:document-save',
  exportShowInFolder: 'export:show-in-folder',
} as const;
