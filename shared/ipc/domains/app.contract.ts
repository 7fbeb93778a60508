import { z } from 'zod';
import { appChannels } from './app.channels';
import { Empty } from './common';

export const appContract = {
  appInfo: {
    channel: appChannels.appInfo,
    input: Empty,
    output: z.object({ version: z.string(), mode: z.enum(['electron', 'web', 'cli', 'test']), dataDir: z.string() }),
  },
} as const;
