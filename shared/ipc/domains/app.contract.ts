import { z } from 'zod';
import { Empty } from './common';

export const appContract = {
  appInfo: {
    input: Empty,
    output: z.object({ version: z.string(), mode: z.enum(['electron', 'web', 'cli', 'test']), dataDir: z.string() }),
  },
} as const;
