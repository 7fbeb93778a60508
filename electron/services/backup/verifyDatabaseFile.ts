import BetterSqlite3 from 'better-sqlite3';
import { findDamagedContent } from '../drafts/draftDamage';

export interface SqliteOpenOptions {
  /** Electron loads its own ABI build of better-sqlite3; plain Node leaves this unset. */
  nativeBinding?: string;
}

export type VerifyResult = { ok: true } | { ok: false; detail: string };

/**
 * `PRAGMA integrity_check` on a read-only connection: nothing in the file is changed, and a
 * file that is not a database at all reports failure instead of throwing. With `content`, every
 * draft must also parse and validate (drafts/draftDamage.ts): what a backup must pass to be 完好.
 */
export function verifyDatabaseFile(file: string, options: SqliteOpenOptions & { content?: boolean; integrityAlreadyChecked?: boolean } = {}): VerifyResult {
  let db: BetterSqlite3.Database | undefined;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
    // A backup just written was checked before it got its name: reading every page twice gains nothing.
    const rows = options.integrityAlreadyChecked ? [{ integrity_check: 'ok' }] : db.prepare<[], { integrity_check: string }>('PRAGMA integrity_check').all();
    const first = rows[0]?.integrity_check;
    if (rows.length !== 1 || first !== 'ok') return { ok: false, detail: rows.map((r) => r.integrity_check).slice(0, 3).join('；') };
    const damaged = options.content ? findDamagedContent(db) : [];
    return damaged.length === 0 ? { ok: true } : { ok: false, detail: damaged.slice(0, 3).join('；') };
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB') return { ok: false, detail: '不是数据库文件' };
    if (code.startsWith('SQLITE_CORRUPT')) return { ok: false, detail: '文件已损坏' };
    return { ok: false, detail: `无法读取（${code || '未知原因'}）` };
  } finally {
    db?.close();
  }
}
