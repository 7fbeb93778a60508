import { channelsOf } from './channelsOf';

export const attachmentsChannels = channelsOf('attachments', ['put', 'get']);
