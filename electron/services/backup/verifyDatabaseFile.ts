import BetterSqlite3 from 'better-sqlite3';

export interface SqliteOpenOptions {
  /** Electron loads its own ABI build of better-sqlite3; plain Node leaves this unset. */
  nativeBinding?: string;
}

export type VerifyResult = { ok: true } | { ok: false; detail: string };

/**
 * `PRAGMA integrity_check` on a read-only connection: nothing in the file is changed, and a
 * file that is not a database at all reports failure instead of throwing.
 */
export function verifyDatabaseFile(file: string, options: SqliteOpenOptions = {}): VerifyResult {
  let db: BetterSqlite3.Database | undefined;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
    const rows = db.prepare<[], { integrity_check: string }>('PRAGMA integrity_check').all();
    const first = rows[0]?.integrity_check;
    return rows.length === 1 && first === 'ok' ? { ok: true } : { ok: false, detail: rows.map((r) => r.integrity_check).slice(0, 3).join('；') };
  } catch (e) {
    return { ok: false, detail: (e as { code?: string }).code ?? (e as Error).message };
  } finally {
    db?.close();
  }
}
