/** One editable value inside a proposal's parameters: a number, a text, a yes/no, or a list of plain values. */
export interface ParamLeaf {
  path: (string | number)[];
  value: number | string | boolean | (string | number)[];
  /** References to form fields, tables and columns are shown, not edited: renaming them would break the rule. */
  editable: boolean;
}

/** Keys whose values name a form field, table or column (or a tree the studio does not edit). */
const REFERENCE_KEYS = new Set(['field', 'idNumberField', 'birthDateField', 'table', 'column', 'key', 'slot', 'declaration', 'option', 'scope', 'groupBy']);
const SKIPPED_KEYS = new Set(['directions']);

const isPlain = (v: unknown): v is string | number | boolean => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** The parameters as a flat list of values with their paths, in the order they are written. */
export function paramLeaves(params: Record<string, unknown>): ParamLeaf[] {
  const out: ParamLeaf[] = [];
  const walk = (value: unknown, path: (string | number)[], reference: boolean): void => {
    const key = path[path.length - 1];
    if (typeof key === 'string' && SKIPPED_KEYS.has(key)) return;
    const isRef = reference || (typeof key === 'string' && REFERENCE_KEYS.has(key));
    if (isPlain(value)) out.push({ path, value, editable: !isRef });
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) out.push({ path, value: value as (string | number)[], editable: !isRef });
    else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i], isRef));
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k], isRef);
  };
  for (const [k, v] of Object.entries(params)) walk(v, [k], false);
  return out;
}

/**
 * The 提示文字 after a parameter edit: each changed number or date that the text states exactly once
 * (not inside a longer number) is replaced by its new value — 「不得超过55周岁」 → 「不得超过50周岁」. A value
 * the text states in other units (元 as 万元) or not at all is left for the user to rewrite.
 */
export function messageAfterEdit(message: string, before: Record<string, unknown>, after: Record<string, unknown>): string {
  const old = new Map(paramLeaves(before).map((l) => [l.path.join('.'), l.value]));
  let text = message;
  for (const leaf of paramLeaves(after)) {
    const was = old.get(leaf.path.join('.'));
    if (!leaf.editable || was === undefined || was === leaf.value) continue;
    if (!((typeof was === 'number' && typeof leaf.value === 'number') || (typeof was === 'string' && typeof leaf.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(was)))) continue;
    const escaped = String(was).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const standalone = new RegExp(`(?<![\\d.])${escaped}(?!\\.?\\d)`, 'g');
    const hits = text.match(standalone) ?? [];
    if (hits.length === 1) text = text.replace(standalone, String(leaf.value));
  }
  return text;
}

/** A copy of the parameters with one value replaced (the original is left as it was). */
export function withParam(params: Record<string, unknown>, path: readonly (string | number)[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(params);
  let node: Record<string | number, unknown> = copy;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
  return copy;
}
