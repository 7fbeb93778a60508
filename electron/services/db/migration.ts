import type { Database } from 'better-sqlite3';

/** One numbered schema step. `up` runs inside a synchronous transaction together with its record row. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}
