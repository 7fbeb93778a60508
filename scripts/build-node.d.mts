/** Types of scripts/build-node.mjs for the TypeScript that calls it (vitest's global setup). */
export declare const NODE_PROGRAMS: readonly { name: string; entry: string }[];
export declare const INPUTS_FILE: string;
export declare function buildNodePrograms(names?: readonly string[], options?: { quiet?: boolean }): Promise<void>;
export declare function isStale(name: string): boolean;
