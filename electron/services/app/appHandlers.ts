import type { Handlers } from '../../../shared/ipc/contract';

export type AppMode = 'electron' | 'web' | 'cli' | 'test';

export interface AppFacts {
  version: string;
  mode: AppMode;
  dataDir: string;
}

export function createAppHandlers(app: AppFacts): Pick<Handlers, 'appInfo'> {
  return { appInfo: () => ({ version: app.version, mode: app.mode, dataDir: app.dataDir }) };
}
