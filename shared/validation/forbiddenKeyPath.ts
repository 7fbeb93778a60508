import { isForbiddenKey } from '../model/forbiddenKeys';

/**
 * The first own key anywhere in a payload that is on the forbidden list, with its path. zod drops
 * a `__proto__` key silently instead of refusing it, so every transport checks the raw payload
 * before the schema does: the save API then refuses exactly what the draft file import refuses.
 */
export function findForbiddenKey(payload: unknown): { key: string; path: (string | number)[] } | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: payload, path: [] }];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push({ value: item, path: [...path, index] }));
      continue;
    }
    for (const key of Object.keys(value)) {
      if (isForbiddenKey(key)) return { key, path: [...path, key] };
      stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return null;
}
