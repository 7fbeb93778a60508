/**
 * What a maintainer may write in pack.json beyond the pack itself, so a long pack says each thing
 * once:
 * - `$schema`: the path of docs/schemas/pack.schema.json, for editors' completion. Ignored.
 * - `conditions`: named conditions. Wherever a condition stands (`when`, `visibleWhen`, inside
 *   `all`/`any`/`not`), `{ "ref": "<name>" }` stands for the named one; names may refer to names.
 * - `sharedContacts`: named contacts (处室). In a `contacts` list, the string `"<name>"` stands for one.
 * These are expanded on load, before the schema and semantic checks, so the engine, the book and
 * every screen see only the plain pack; a pack without them is unchanged.
 */
export interface ExpandedSource {
  value: unknown;
  /** 「path：说明」 in Chinese, like the schema's and semantic checks' problems. */
  problems: string[];
}

const NAME = /^[A-Za-z][A-Za-z0-9_-]{0,99}$/;
const CONDITION_KEYS = new Set(['when', 'visibleWhen']);
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function expandPackSource(raw: unknown): ExpandedSource {
  if (!isObject(raw)) return { value: raw, problems: [] };
  const problems: string[] = [];
  const { $schema, conditions, sharedContacts, ...rest } = raw;
  if ($schema !== undefined && typeof $schema !== 'string') problems.push('$schema：应为 JSON Schema 文件的路径');
  const named = namedTable(conditions, 'conditions', '命名条件', problems);
  const contacts = namedTable(sharedContacts, 'sharedContacts', '共用联系方式', problems);

  const expandCondition = (value: Json, path: string, seen: readonly string[]): Json => {
    if (Array.isArray(value)) return value.map((v, i) => expandCondition(v, `${path}.${i}`, seen));
    if (!isObject(value)) return value;
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === 'ref') {
      const name = value.ref;
      if (typeof name !== 'string' || !Object.hasOwn(named, name)) {
        problems.push(`${path}.ref：引用了不存在的命名条件 ${String(name)}`);
        return value;
      }
      if (seen.includes(name)) {
        problems.push(`${path}.ref：命名条件 ${[...seen, name].join(' → ')} 互相引用`);
        return value;
      }
      return expandCondition(named[name] as Json, `conditions.${name}`, [...seen, name]);
    }
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value)) out[k] = ['all', 'any', 'not'].includes(k) ? expandCondition(v, `${path}.${k}`, seen) : v;
    return out;
  };

  const walk = (value: Json, path: string): Json => {
    if (Array.isArray(value)) return value.map((v, i) => walk(v, path === '' ? String(i) : `${path}.${i}`));
    if (!isObject(value)) return value;
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value)) {
      const at = path === '' ? k : `${path}.${k}`;
      if (CONDITION_KEYS.has(k)) out[k] = expandCondition(v, at, []);
      else if (k === 'contacts' && Array.isArray(v)) out[k] = v.map((c, i) => (typeof c === 'string' ? contactNamed(c, `${at}.${i}`) : walk(c, `${at}.${i}`)));
      else out[k] = walk(v, at);
    }
    return out;
  };

  const contactNamed = (name: string, path: string): Json => {
    if (Object.hasOwn(contacts, name)) return contacts[name] as Json;
    problems.push(`${path}：引用了不存在的共用联系方式 ${name}`);
    return name;
  };

  return { value: walk(rest as Json, ''), problems };
}

function namedTable(value: unknown, key: string, what: string, problems: string[]): Record<string, Json> {
  if (value === undefined) return {};
  if (!isObject(value)) {
    problems.push(`${key}：${what}应为「名称: 内容」的对象`);
    return {};
  }
  const table: Record<string, Json> = {};
  for (const [name, definition] of Object.entries(value)) {
    if (!NAME.test(name)) problems.push(`${key}.${name}：${what}的名称只能由字母开头的字母、数字、下划线和连字符组成`);
    else table[name] = definition as Json;
  }
  return table;
}

function isObject(value: unknown): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
