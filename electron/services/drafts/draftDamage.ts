import type { Database } from 'better-sqlite3';
import { DraftSchema, type Draft } from '../../../shared/model/draft';

export type ParsedDoc = { ok: true; draft: Draft } | { ok: false; reason: string };

/**
 * Reads one stored draft document. A document that does not parse, or parses but is not a valid
 * draft, is damage inside that one draft: callers mark it 已损坏 and go on with the others.
 */
export function parseStoredDoc(doc: string): ParsedDoc {
  let value: unknown;
  try {
    value = JSON.parse(doc);
  } catch {
    return { ok: false, reason: '存储的内容不是完整的 JSON' };
  }
  const parsed = DraftSchema.safeParse(value);
  if (parsed.success) return { ok: true, draft: parsed.data };
  // Only the field paths: the words are ours, whatever language the validator speaks.
  const fields = [...new Set(parsed.error.issues.map((i) => (i.path.length > 0 ? i.path.map(String).join('.') : '整体')))].slice(0, 3);
  return { ok: false, reason: `存储的内容不符合草稿格式（${fields.join('、')}）` };
}

function hasTable(db: Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/**
 * The content-level check of a whole store: every draft parses and validates, and every other JSON
 * column (revisions, settings, profiles) is valid JSON. Empty means the content is sound. A backup
 * is 完好 only when this is empty, and a restore uses the very same check, so the backup list and
 * `backup restore` can never disagree.
 */
export function findDamagedContent(db: Database): string[] {
  const problems: string[] = [];
  if (hasTable(db, 'drafts')) {
    for (const row of db.prepare<[], { id: string; doc: string }>('SELECT id, doc FROM drafts ORDER BY id').iterate()) {
      const parsed = parseStoredDoc(row.doc);
      if (!parsed.ok) problems.push(`草稿 ${row.id} ${parsed.reason}`);
    }
  }
  const jsonColumns: [string, string, string][] = [
    ['revisions', 'doc', "draft_id || ' 第 ' || revision || ' 版'"],
    ['settings', 'value', "'设置 ' || key"],
    ['profiles', 'field_values', "'档案 ' || name"],
  ];
  for (const [table, column, label] of jsonColumns) {
    if (!hasTable(db, table)) continue;
    const bad = db.prepare<[], { label: string }>(`SELECT ${label} AS label FROM ${table} WHERE NOT json_valid(${column}) LIMIT 3`).all();
    for (const { label: what } of bad) problems.push(`${what} 的内容不是有效的 JSON`);
  }
  return problems;
}
