import { channelsOf } from './channelsOf';

export const profilesChannels = channelsOf('profiles', ['list', 'save', 'delete']);
