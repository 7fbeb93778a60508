import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../../../electron/services/db/openDatabase';
import { blankDraft } from '../../../electron/services/drafts/draftService';
import { openServices, type Services } from '../../../electron/services/index';

export const DB_FILE = 'shenbao.db';

/** A store with one saved draft whose 项目名称 is `name`: small, but with real rows in every content table. */
export function storeWithDraft(dataDir: string, name: string, now?: () => Date): { services: Services; id: string } {
  const services = openServices({ dataDir, mode: 'test', now });
  const { draft } = services.drafts.create({ title: name });
  services.drafts.save({ id: draft.id, baseRevision: 1, patch: { values: { 'project.name': name, 'project.summary': `${name}的摘要` } } });
  return { services, id: draft.id };
}

export function projectName(services: Services, id: string): unknown {
  return services.drafts.get(id).draft.values['project.name'];
}

export function backupNames(dataDir: string): string[] {
  try {
    return readdirSync(path.join(dataDir, 'backups')).filter((n) => n.startsWith('shenbao-')).sort();
  } catch {
    return [];
  }
}

export function integrityOf(file: string): string {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}

/** Reads one value from a database file without migrating or otherwise touching it. */
export function readOnly<T>(file: string, read: (db: BetterSqlite3.Database) => T): T {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** A data dir whose store stopped at schema version `version` (an older app wrote it), with one draft row. */
export function olderStore(dataDir: string, version: number, draftId: string): void {
  mkdirSync(dataDir, { recursive: true });
  const db = openDatabase(path.join(dataDir, DB_FILE), { migrateUpTo: version });
  // A real draft as the older app saved it: backups are verified down to each draft's content.
  const doc = JSON.stringify(blankDraft(draftId, '2025-01-01T00:00:00.000Z', '旧版本的草稿'));
  db.prepare('INSERT INTO drafts VALUES (?, ?, ?, ?, ?, ?)').run(draftId, doc, 1, '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z', null);
  db.close();
}

/** Places a database file in the backups folder under a backup name, as if an earlier run had made it. */
export function placeBackup(services: Services, source: string, name: string): void {
  mkdirSync(services.backups.dir, { recursive: true });
  copyFileSync(source, path.join(services.backups.dir, name));
}
