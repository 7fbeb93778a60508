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

type JsonSchema = Record<string, unknown>;

function schemaJson(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input', reused: 'ref' }) as JsonSchema;
}

function schemaText(json: JsonSchema, id: string, title: string): string {
  return `${JSON.stringify({ $id: id, title, ...json }, null, 2)}\n`;
}

/**
 * What pack.json may say beyond the pack (shared/pack/packSource.ts, expanded on load): `$schema`,
 * named `conditions` used as `{ "ref": name }`, and `sharedContacts` named in a `contacts` list.
 */
function withPackSourceExtensions(json: JsonSchema): JsonSchema {
  const ref = { type: 'object', properties: { ref: { type: 'string', description: '命名条件（conditions 中的名称）' } }, required: ['ref'], additionalProperties: false };
  const isCondition = (node: JsonSchema): boolean =>
    Array.isArray(node.anyOf) && node.anyOf.some((v) => typeof v === 'object' && v !== null && 'properties' in v && typeof v.properties === 'object' && v.properties !== null && 'directionUnder' in v.properties);
  let condition: JsonSchema | null = null;
  let contact: unknown = null;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const n = node as JsonSchema;
    if (isCondition(n)) {
      (n.anyOf as unknown[]).push(ref);
      condition ??= n;
    }
    const props = n.properties as Record<string, JsonSchema> | undefined;
    const contacts = props?.contacts;
    if (contacts && contacts.type === 'array' && contacts.items) {
      contact ??= contacts.items;
      contacts.items = { anyOf: [contacts.items, { type: 'string', description: '共用联系方式（sharedContacts 中的名称）' }] };
    }
    for (const value of Object.values(n)) visit(value);
  };
  visit(json);
  const props = json.properties as Record<string, unknown>;
  props.$schema = { type: 'string', description: '本文件所用 JSON Schema 的路径，供编辑器补全' };
  props.conditions = { type: 'object', description: '命名条件：写一次，在 when 中以 {"ref": 名称} 引用', additionalProperties: condition ?? {} };
  props.sharedContacts = { type: 'object', description: '共用联系方式：写一次，在 contacts 中以名称引用', additionalProperties: contact ?? {} };
  return json;
}

/** File name → content. */
export function generateSchemas(): Record<string, string> {
  return {
    'pack.schema.json': schemaText(withPackSourceExtensions(schemaJson(PackSchema)), 'https://shenbao.local/schemas/pack.schema.json', '申报通指南包（shenbao-pack，formatVersion 1）'),
    'draft.schema.json': schemaText(schemaJson(DraftSchema), 'https://shenbao.local/schemas/draft.schema.json', '申报通草稿（shenbao-draft，formatVersion 1）'),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const [name, text] of Object.entries(generateSchemas())) {
    writeFileSync(path.join(SCHEMAS_DIR, name), text);
    console.log(`已写入 docs/schemas/${name}`);
  }
}
