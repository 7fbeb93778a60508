import { channelsOf } from './channelsOf';

export const guidelinesChannels = channelsOf('guidelines', ['list', 'get', 'import']);
