import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/ipc/errors';
import type { Migration } from './migration';

interface AppliedRow {
  version: number;
  name: string;
  applied_at: string;
}

function ensureMigrationsTable(db: Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY NOT NULL CHECK (version > 0),
      name TEXT NOT NULL,
      applied_at TEXT NOT NULL
    ) STRICT;
  `);
}

export function appliedMigrations(db: Database): AppliedRow[] {
  ensureMigrationsTable(db);
  return db.prepare<[], AppliedRow>('SELECT version, name, applied_at FROM schema_migrations ORDER BY version').all();
}

export function currentSchemaVersion(db: Database): number {
  const applied = appliedMigrations(db);
  return applied.length === 0 ? 0 : (applied[applied.length - 1]?.version ?? 0);
}

/**
 * Refuses a database this build does not fully understand (a newer app wrote it, or the
 * migration history differs from the code), because writing to it could lose the user's work.
 */
export function assertKnownHistory(applied: readonly AppliedRow[], migrations: readonly Migration[]): void {
  const known = new Map(migrations.map((m) => [m.version, m]));
  const highestKnown = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  for (const row of applied) {
    const migration = known.get(row.version);
    if (!migration) {
      if (row.version > highestKnown) {
        throw new AppError(
          'unavailable',
          `数据库版本 ${row.version} 比本程序新（本程序最高支持 ${highestKnown}），请升级申报通后再打开`,
        );
      }
      throw new AppError('unavailable', `数据库包含本程序不认识的版本 ${row.version}，为保护数据已拒绝打开`);
    }
    if (migration.name !== row.name) {
      throw new AppError(
        'unavailable',
        `数据库升级记录不一致：版本 ${row.version} 记录为「${row.name}」，本程序为「${migration.name}」，为保护数据已拒绝打开`,
      );
    }
  }
}

function assertWellFormed(migrations: readonly Migration[]): void {
  migrations.forEach((m, index) => {
    if (m.version !== index + 1) throw new Error(`migration list must be numbered 1..n without gaps; got ${m.version} at ${index}`);
  });
}

/** Applies every pending migration (up to `upTo`), each with its record in one synchronous transaction. */
export function runMigrations(db: Database, migrations: readonly Migration[], options: { upTo?: number; now?: () => Date } = {}): number {
  assertWellFormed(migrations);
  const applied = appliedMigrations(db);
  assertKnownHistory(applied, migrations);
  const done = new Set(applied.map((row) => row.version));
  const limit = options.upTo ?? Number.POSITIVE_INFINITY;
  const record = db.prepare<{ version: number; name: string; appliedAt: string }>(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @appliedAt)',
  );
  const isRecorded = db.prepare<{ version: number }, { one: number }>('SELECT 1 AS one FROM schema_migrations WHERE version = @version');
  for (const migration of migrations) {
    if (done.has(migration.version) || migration.version > limit) continue;
    // IMMEDIATE plus a re-check inside: if another process migrated meanwhile, this one skips.
    db.transaction(() => {
      if (isRecorded.get({ version: migration.version })) return;
      migration.up(db);
      record.run({ version: migration.version, name: migration.name, appliedAt: (options.now?.() ?? new Date()).toISOString() });
    }).immediate();
  }
  return currentSchemaVersion(db);
}
