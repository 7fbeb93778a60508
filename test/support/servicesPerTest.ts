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
