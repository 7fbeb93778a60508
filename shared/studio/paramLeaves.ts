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

/** A copy of the parameters with one value replaced (the original is left as it was). */
export function withParam(params: Record<string, unknown>, path: readonly (string | number)[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(params);
  let node: Record<string | number, unknown> = copy;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
  return copy;
}
