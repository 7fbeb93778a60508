import { existsSync } from 'node:fs';
import type { Database } from 'better-sqlite3';

export interface MissingAttachment {
  sha256: string;
  name: string;
  draftTitle: string;
}

const SHA256 = /^[0-9a-f]{64}$/;

/** Every `{sha256, name}` object anywhere in a draft: attachment slots and images in rich text alike. */
function collectRefs(value: unknown, into: Map<string, string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectRefs(item, into);
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    if (typeof record['sha256'] === 'string' && SHA256.test(record['sha256']) && !into.has(record['sha256'])) {
      into.set(record['sha256'], typeof record['name'] === 'string' ? record['name'] : '');
    }
    for (const child of Object.values(record)) collectRefs(child, into);
  }
}

/**
 * Backups hold the database, not the content-addressed attachment files: after a restore, the
 * drafts may reference files this data dir does not have. Each one is reported by name.
 */
export function findMissingAttachments(db: Database, filePath: (sha256: string) => string): MissingAttachment[] {
  const missing: MissingAttachment[] = [];
  for (const row of db.prepare<[], { doc: string }>('SELECT doc FROM drafts ORDER BY created_at').iterate()) {
    const doc = JSON.parse(row.doc) as { values?: Record<string, unknown> };
    const refs = new Map<string, string>();
    collectRefs(doc, refs);
    const title = typeof doc.values?.['project.name'] === 'string' && doc.values['project.name'] !== '' ? doc.values['project.name'] : '未命名草稿';
    for (const [sha256, name] of refs) {
      if (!existsSync(filePath(sha256))) missing.push({ sha256, name: name || sha256.slice(0, 12), draftTitle: title });
    }
  }
  return missing;
}
