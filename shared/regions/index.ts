import { REGION_TREE, type RegionNode } from './gbt2260';

export { REGION_TREE, type RegionNode } from './gbt2260';

/** Levels with no place name of their own: 「新疆维吾尔自治区石河子市」, not 「…自治区直辖县级行政区划石河子市」. */
const UNNAMED_LEVEL = /直辖县级行政区划$/;

/** Every listed node by code, with the path from its province. */
const PATHS = new Map<string, readonly RegionNode[]>();
(function index(nodes: readonly RegionNode[], above: readonly RegionNode[]): void {
  for (const node of nodes) {
    const path = [...above, node];
    PATHS.set(node.code, path);
    if (node.children) index(node.children, path);
  }
})(REGION_TREE, []);

export const isRegionCode = (code: string): boolean => PATHS.has(code);

/** The nodes from the province down to this code; empty when the code is not listed. */
export function regionPath(code: string): readonly RegionNode[] {
  return PATHS.get(code) ?? [];
}

/** 「新疆维吾尔自治区乌鲁木齐市水磨沟区」; null when the code is not listed. */
export function regionName(code: string): string | null {
  const path = PATHS.get(code);
  if (!path) return null;
  return path
    .filter((n) => !UNNAMED_LEVEL.test(n.name))
    .map((n) => n.name)
    .join('');
}

/**
 * Where `code` lies relative to `area`: inside it (or equal), coarser than it and containing it
 * (only 「甘肃省」 was chosen when the rule asks for 城关区: not yet decidable), or elsewhere.
 * Both must be listed codes; it compares by the tree, never by the digits alone.
 */
export function relationTo(code: string, area: string): 'inside' | 'coarser' | 'outside' {
  const path = PATHS.get(code) ?? [];
  if (path.some((n) => n.code === area)) return 'inside';
  if ((PATHS.get(area) ?? []).some((n) => n.code === code)) return 'coarser';
  return 'outside';
}
