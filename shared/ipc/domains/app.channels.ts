import { channelsOf } from './channelsOf';

export const appChannels = channelsOf('app', ['info']);
