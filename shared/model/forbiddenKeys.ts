/**
 * The one list of object keys no untrusted data may use, shared by every schema (draft saves and
 * patches, draft import, profiles, packs) and by the JSON reader for files. `__proto__`,
 * `constructor` and `prototype` are the prototype-pollution keys; the other names live on
 * Object.prototype, so `values[id]` on a plain object would answer a function for them instead of
 * "not filled". Saving and importing refuse the same keys, so an exported file always re-imports.
 */
export const FORBIDDEN_KEYS: readonly string[] = [
  '__proto__',
  'constructor',
  'prototype',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'toString',
  'valueOf',
];

const forbidden = new Set(FORBIDDEN_KEYS);

export function isForbiddenKey(key: string): boolean {
  return forbidden.has(key);
}

// One regular expression, not a split per id: field ids are checked on every save. The keys are
// letters and underscores only, so they need no escaping.
const forbiddenPart = new RegExp(`(?:^|\\.)(${FORBIDDEN_KEYS.join('|')})(?=\\.|$)`);

/** A dotted id (`project.name`) is refused when any of its parts is a forbidden key. */
export function forbiddenKeyIn(dottedId: string): string | null {
  return forbiddenPart.exec(dottedId)?.[1] ?? null;
}

export const FORBIDDEN_KEY_MESSAGE = (key: string): string => `不能使用「${key}」作为标识：它是程序内部保留的名称`;
