import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/packs');
const PACKS = join(import.meta.dirname, '../../../../resources/guidelines');

/** A committed fixture draft file of a pack, as the text the 导入草稿文件 button takes. */
export function fixtureDraftFile(pack: string, file: string): { name: string; content: string; title: string; unit: string } {
  const content = readFileSync(join(FIXTURES, pack, file), 'utf8');
  const values = (JSON.parse(content) as { values: Record<string, unknown> }).values;
  return { name: file, content, title: String(values['project.name']), unit: String(values['applicant.name']) };
}

/** A clause of a built-in pack, to compare with the verbatim quote the app shows. */
export function clauseOf(pack: string, clauseId: string): { path: string; quote: string } {
  const json = JSON.parse(readFileSync(join(PACKS, pack, 'pack.json'), 'utf8')) as { clauses: { id: string; path: string; quote: string }[] };
  const clause = json.clauses.find((c) => c.id === clauseId);
  if (!clause) throw new Error(`指南包 ${pack} 中没有条款 ${clauseId}`);
  return clause;
}
