import { channelsOf } from './channelsOf';

export const backupChannels = channelsOf('backup', ['list', 'create', 'restore', 'setKeepCount', 'startupState', 'dismissRecovery']);
