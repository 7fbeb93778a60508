import { afterEach, beforeEach } from 'vitest';
import { openServices, type Services } from '../../electron/services/index';
import { makeTempDir, manualClock } from './tempStore';

export interface TestServices {
  temp: ReturnType<typeof makeTempDir>;
  clock: ReturnType<typeof manualClock>;
  services: Services;
}

/** A fresh data directory, a hand-moved clock and the services over them for each test, closed and removed after it. */
export function servicesPerTest(clockStart?: string): TestServices {
  const env = {} as TestServices;
  beforeEach(() => {
    env.temp = makeTempDir();
    env.clock = manualClock(clockStart);
    env.services = openServices({ dataDir: env.temp.dir, mode: 'test', now: env.clock.now });
  });
  afterEach(() => {
    env.services.close();
    env.temp.cleanup();
  });
  return env;
}

export interface TwoConnections {
  temp: ReturnType<typeof makeTempDir>;
  /** The desktop app's services. */
  app: Services;
  /** The CLI's, on the same data directory at the same time. */
  cli: Services;
}

/** The app and the CLI on one data directory for each test, as when a user runs both at once. */
export function twoConnectionsPerTest(): TwoConnections {
  const env = {} as TwoConnections;
  beforeEach(() => {
    env.temp = makeTempDir();
    env.app = openServices({ dataDir: env.temp.dir, mode: 'electron' });
    env.cli = openServices({ dataDir: env.temp.dir, mode: 'cli' });
  });
  afterEach(() => {
    env.app.close();
    env.cli.close();
    env.temp.cleanup();
  });
  return env;
}
