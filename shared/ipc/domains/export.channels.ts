import { channelsOf } from './channelsOf';

export const exportChannels = channelsOf('export', ['docx', 'pdf', 'blockers', 'packageStart', 'jobStatus', 'jobCancel', 'jobSave', 'verify', 'documentSave', 'showInFolder']);
