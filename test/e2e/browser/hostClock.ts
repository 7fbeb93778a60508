import { readFileSync } from 'node:fs';

/** The variable naming the offset file; set only by the clockedHost fixture when it starts its host. */
export const CLOCK_OFFSET_FILE_ENV = 'SHENBAO_TEST_CLOCK_OFFSET_FILE';

/**
 * Test-only, never in the app: the host's clock runs `offset` milliseconds ahead of the real one,
 * `offset` being the number written in `file` (0 while it is absent). Revisions are stamped by the
 * host, not the page, so a pause between two editing sessions is faked here rather than with page.clock.
 */
export function offsetClock(file: string): () => Date {
  return () => {
    let offset = 0;
    try {
      offset = Number(readFileSync(file, 'utf8')) || 0;
    } catch {
      offset = 0;
    }
    return new Date(Date.now() + offset);
  };
}
