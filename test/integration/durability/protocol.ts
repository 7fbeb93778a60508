/**
 * Lines the save-loop child writes to stdout (one JSON object per line) and the one line the parent
 * writes to its stdin. stdout writes to a pipe are synchronous on Linux, so a line written before
 * the kill always reaches the parent.
 */
export type ChildMessage =
  /** Modules are loaded; the child waits for its config before touching the store. */
  | { t: 'loaded' }
  /** The store is open (WAL recovered, migrations checked). */
  | { t: 'ready' }
  /** About to commit `rev` of draft `draft`; `sha` is the SHA-256 of the exact JSON the store will hold. */
  | { t: 'intent'; draft: number; op: 'save' | 'restore'; rev: number; sha: string; savedAt: string; bytes: number }
  /** The save call returned: the app would now show 已保存 for `rev`. */
  | { t: 'ack'; draft: number; rev: number };

export type ChildMode = 'mixed' | 'restore';

export interface ChildConfig {
  dbFile: string;
  draftIds: string[];
  seed: number;
  /** The child's clock starts after every time already stored, so revision times only move forward. */
  clockStart: number;
  mode: ChildMode;
}

export function parseChildMessage(line: string): ChildMessage {
  return JSON.parse(line) as ChildMessage;
}
