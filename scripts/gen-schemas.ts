/**
 * Writes the JSON Schemas of the pack and draft formats into docs/schemas/, generated from the
 * zod schemas so they cannot drift (a unit test compares the checked-in files with fresh output).
 *   npx tsx scripts/gen-schemas.ts
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DraftSchema } from '../shared/model/draft';
import { PackSchema } from '../shared/pack/pack';

export const SCHEMAS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/schemas');

function schemaText(schema: z.ZodType, id: string, title: string): string {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input', reused: 'ref' });
  return `${JSON.stringify({ $id: id, title, ...json }, null, 2)}\n`;
}

/** File name → content. */
export function generateSchemas(): Record<string, string> {
  return {
    'pack.schema.json': schemaText(PackSchema, 'https://shenbao.local/schemas/pack.schema.json', '申报通指南包（shenbao-pack，formatVersion 1）'),
    'draft.schema.json': schemaText(DraftSchema, 'https://shenbao.local/schemas/draft.schema.json', '申报通草稿（shenbao-draft，formatVersion 1）'),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const [name, text] of Object.entries(generateSchemas())) {
    writeFileSync(path.join(SCHEMAS_DIR, name), text);
    console.log(`已写入 docs/schemas/${name}`);
  }
}
