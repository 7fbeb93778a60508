import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';

export function makeTempDir(prefix = 'shenbao-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Every row of every table, in a stable order: equal dumps mean the database content is unchanged. */
export function dumpDatabase(db: Database): string {
  const tables = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all();
  const dump: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    const columns = db.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${name}')`).all();
    const order = columns.map((c) => `"${c.name}"`).join(', ');
    dump[name] = db.prepare(`SELECT * FROM "${name}" ORDER BY ${order}`).all();
  }
  return JSON.stringify(dump);
}

/** A clock the test moves by hand, so timestamps and pruning are deterministic. */
export function manualClock(start = '2026-01-01T08:00:00.000Z') {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    advance(ms: number) {
      t += ms;
    },
    set(iso: string) {
      t = new Date(iso).getTime();
    },
  };
}
